import { describe, expect, it } from 'vitest';
import type { PlanAction } from '../../../contracts/schools.js';
import {
  attendeesFrom,
  type CallForm,
  checkAdvice,
  checkCall,
  checkGroupSession,
  checkLinkMeeting,
  checkOpenSurvey,
  checkPlanAction,
  countFrom,
  type GroupSessionForm,
  planActionUpdate,
  surveyAnswers,
} from './schools-forms.js';

const session: GroupSessionForm = {
  kind: 'classroom-workshop',
  topic: 'Coping with exam stress',
  date: '2026-03-10',
  time: '10:15',
  attendeeCount: '28',
  yearGroups: 'Year 10',
  deliveredBy: 'MHST',
};

const fields = (checked: { errors: { field: string }[] } | object) =>
  'errors' in checked ? checked.errors.map((e) => e.field) : [];

describe('group sessions', () => {
  it('builds the body, with the time on a clock in England', () => {
    expect(checkGroupSession(session, 'session-')).toEqual({
      body: {
        kind: 'classroom-workshop',
        topic: 'Coping with exam stress',
        heldAt: '2026-03-10T10:15:00+00:00',
        attendeeCount: 28,
        yearGroups: 'Year 10',
        deliveredBy: 'MHST',
      },
    });
    const summer = checkGroupSession({ ...session, date: '2026-06-10' });
    expect('body' in summer && summer.body.heldAt).toBe('2026-06-10T10:15:00+01:00');
  });

  it('shows every problem at once, the time in the form’s own words', () => {
    const checked = checkGroupSession(
      { ...session, kind: '', time: '', attendeeCount: 'about 20', deliveredBy: ' ' },
      'session-',
    );
    expect(checked).toEqual({
      errors: [
        { field: 'session-kind', message: 'Choose the kind of session' },
        {
          field: 'session-heldAt',
          message: 'Enter the date and time of the session, such as 14/03/2026 at 10:00',
        },
        { field: 'session-attendeeCount', message: 'Enter how many attended, as a number' },
        { field: 'session-deliveredBy', message: 'Say who delivered it' },
      ],
    });
  });

  it('reads a count as typed', () => {
    expect(countFrom(' 1,200 ')).toBe(1200);
    expect(countFrom('')).toBeUndefined();
    expect(countFrom('twenty')).toBe('twenty');
    expect(fields(checkGroupSession({ ...session, attendeeCount: '-3' }))).toEqual(['attendeeCount']);
    expect(fields(checkGroupSession({ ...session, attendeeCount: '2.5' }))).toEqual(['attendeeCount']);
  });
});

describe('the plan', () => {
  it('adds an action to a tier, planned, with an optional date', () => {
    expect(checkPlanAction({ tier: '2', action: 'Worry group', owner: 'EMHP', dueOn: '' })).toEqual({
      body: { tier: 2, action: 'Worry group', owner: 'EMHP', dueOn: undefined, status: 'planned' },
    });
    expect(
      fields(checkPlanAction({ tier: '', action: '', owner: '', dueOn: '2026-02-30' }, 'plan-')),
    ).toEqual(['plan-tier', 'plan-action', 'plan-owner', 'plan-dueOn']);
  });

  it('changes only the status, sending the rest of the action as it is', () => {
    const action: PlanAction = {
      id: 'a1',
      tier: 1,
      action: 'Mental health week',
      owner: 'Head of PSHE',
      dueOn: null,
      status: 'planned',
      version: 3,
      recordedAt: '2026-01-01T00:00:00Z',
    };
    expect(planActionUpdate(action, 'done')).toEqual({
      action: 'Mental health week',
      owner: 'Head of PSHE',
      dueOn: null,
      status: 'done',
    });
  });
});

describe('advice and School Link meetings', () => {
  it('records advice without naming anyone', () => {
    const checked = checkAdvice({
      date: '2026-03-10',
      time: '15:30',
      staffRole: 'Head of Year 8',
      topic: 'A pupil who will not come in',
      advice: 'Try a phased return.',
    });
    expect('body' in checked && checked.body.givenAt).toBe('2026-03-10T15:30:00+00:00');
    expect(
      fields(checkAdvice({ date: '', time: '', staffRole: '', topic: '', advice: '' }, 'advice-')),
    ).toEqual(['advice-givenAt', 'advice-staffRole', 'advice-topic', 'advice-advice']);
  });

  it('takes who came one a line or separated by commas', () => {
    expect(attendeesFrom('CAMHS\n SENCo, School nurse\n\n')).toEqual(['CAMHS', 'SENCo', 'School nurse']);
    const meeting = {
      date: '2026-03-10',
      time: '09:00',
      attendees: '',
      discussed: 'Waiting times',
      agreedActions: '',
    };
    expect(checkLinkMeeting(meeting, 'meeting-')).toEqual({
      errors: [{ field: 'meeting-attendees', message: 'Name at least one person or agency' }],
    });
  });
});

describe('consultation line calls', () => {
  const call: CallForm = {
    receivedDate: '2026-03-10',
    receivedTime: '09:00',
    advisedDate: '2026-03-10',
    advisedTime: '09:25',
    callerRole: 'GP',
    callerOrganisation: 'Riverside Surgery',
    schoolUrn: '',
    question: 'Low mood in a Year 9 pupil',
    advice: 'Refer to the MHST',
    outcome: 'referral-advised',
  };

  it('builds the body, leaving out what was not given', () => {
    expect(checkCall(call)).toEqual({
      body: {
        callerRole: 'GP',
        callerOrganisation: 'Riverside Surgery',
        schoolUrn: undefined,
        question: 'Low mood in a Year 9 pupil',
        advice: 'Refer to the MHST',
        outcome: 'referral-advised',
        receivedAt: '2026-03-10T09:00:00+00:00',
        advisedAt: '2026-03-10T09:25:00+00:00',
      },
    });
    const noAdvice = checkCall({
      ...call,
      advisedDate: '',
      advisedTime: '',
      outcome: '',
      schoolUrn: '990001',
    });
    expect('body' in noAdvice && noAdvice.body).toMatchObject({
      advisedAt: undefined,
      outcome: undefined,
      schoolUrn: 990001,
    });
  });

  it('refuses half an advice time, and advice before the call', () => {
    expect(fields(checkCall({ ...call, advisedTime: '' }, 'call-'))).toEqual(['call-advisedAt']);
    expect(checkCall({ ...call, advisedTime: '08:59' }, 'call-')).toEqual({
      errors: [{ field: 'call-advisedAt', message: 'Advice cannot be given before the call came in' }],
    });
  });
});

describe('staff surveys', () => {
  it('opens a round before or after, by its last day', () => {
    expect(checkOpenSurvey({ phase: 'before', closesOn: '2026-04-30' })).toEqual({
      body: { phase: 'before', closesOn: '2026-04-30' },
    });
    expect(checkOpenSurvey({ phase: '', closesOn: '' }, 'survey-')).toEqual({
      errors: [
        { field: 'survey-phase', message: 'Choose before or after' },
        { field: 'survey-closesOn', message: 'Enter the last day staff can answer, such as 30/04/2026' },
      ],
    });
  });

  it('sends the statements answered, and asks for at least one', () => {
    expect(surveyAnswers({ 'spot-signs': '4', 'talk-to-pupil': '', 'own-wellbeing': '1' }, 'first')).toEqual({
      body: { answers: { 'spot-signs': 4, 'own-wellbeing': 1 } },
    });
    expect(surveyAnswers({ 'spot-signs': '9' }, 'statement-spot-signs')).toEqual({
      errors: [{ field: 'statement-spot-signs', message: 'Choose an answer for at least one statement' }],
    });
  });
});
