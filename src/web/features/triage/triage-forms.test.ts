import { describe, expect, it } from 'vitest';
import {
  checkDecision,
  checkLeadWorker,
  checkMeeting,
  checkOutcome,
  decisionBody,
  emptyAction,
  emptyDecision,
  type MyReferral,
  referrerLines,
} from './triage-forms.js';

const chosen = { ...emptyDecision, thriveGrouping: 'getting-help', priority: 'routine' };

describe('decisionBody', () => {
  it('sends only the answers that belong to the kind of decision', () => {
    const form = {
      ...chosen,
      kind: 'accept',
      service: 'mhst-north',
      signpostedTo: ['kooth'],
      question: 'left over',
      declineReason: 'outside-age',
    };
    expect(decisionBody(form)).toEqual({
      kind: 'accept',
      thriveGrouping: 'getting-help',
      priority: 'routine',
      notes: '',
      service: 'mhst-north',
      teamId: undefined,
    });
    expect(decisionBody({ ...form, kind: 'decline' })).toEqual({
      kind: 'decline',
      thriveGrouping: 'getting-help',
      priority: 'routine',
      notes: '',
      declineReason: 'outside-age',
    });
    expect(decisionBody({ ...form, kind: 'mdt' })).toEqual({
      kind: 'mdt',
      thriveGrouping: 'getting-help',
      priority: 'routine',
      notes: '',
    });
  });

  it('sends a chosen team with an acceptance', () => {
    const teamId = '4f1c2b1e-8f3a-4c59-9a55-0d8a4b7f8e21';
    expect(decisionBody({ ...chosen, kind: 'accept', service: 's', teamId })).toMatchObject({ teamId });
  });
});

describe('checkDecision', () => {
  it('asks for a decision first', () => {
    expect(checkDecision(emptyDecision)).toEqual({
      errors: [{ field: 'kind', message: 'Choose a decision' }],
    });
  });

  it('names each missing answer by the field the API uses', () => {
    expect(checkDecision({ ...emptyDecision, kind: 'signpost' })).toEqual({
      errors: [
        { field: 'thriveGrouping', message: 'Choose a THRIVE grouping' },
        { field: 'priority', message: 'Choose a priority' },
        { field: 'signpostedTo', message: 'Choose at least one service to point them to' },
        { field: 'informationSent', message: 'Say what information was sent' },
      ],
    });
    expect(checkDecision({ ...chosen, kind: 'decline' })).toEqual({
      errors: [{ field: 'declineReason', message: 'Choose a reason' }],
    });
  });

  it('passes a complete decision', () => {
    const result = checkDecision({ ...chosen, kind: 'more-information', question: 'Which school?' });
    expect(result).toEqual({
      body: {
        kind: 'more-information',
        thriveGrouping: 'getting-help',
        priority: 'routine',
        notes: '',
        question: 'Which school?',
      },
    });
  });
});

describe('checkLeadWorker', () => {
  it('leaves out an empty phone number and checks a given one', () => {
    expect(checkLeadWorker({ name: 'Sam Patel', agency: 'MHST', phone: '' })).toEqual({
      body: { name: 'Sam Patel', agency: 'MHST', phone: undefined },
    });
    expect(checkLeadWorker({ name: 'Sam', agency: 'MHST', phone: 'call me' })).toEqual({
      errors: [{ field: 'phone', message: 'Phone number must be a phone number, such as 07700 900123' }],
    });
  });
});

describe('checkMeeting', () => {
  const form = { date: '2025-07-15', time: '10:00', agencies: ['CAMHS'], otherAgencies: '', referralIds: [] };

  it('asks for a date and time', () => {
    expect(checkMeeting({ ...form, time: '' })).toMatchObject({ errors: [{ field: 'heldAt' }] });
  });

  it('asks for at least one agency', () => {
    expect(checkMeeting({ ...form, agencies: [] })).toEqual({
      errors: [{ field: 'agenciesPresent', message: 'Name at least one agency' }],
    });
  });

  it('adds other agencies once each, and sends the time as UK time', () => {
    expect(checkMeeting({ ...form, otherAgencies: ' Housing, Police ,,CAMHS' })).toEqual({
      body: {
        heldAt: '2025-07-15T10:00:00+01:00',
        agenciesPresent: ['CAMHS', 'Housing', 'Police'],
        referralIds: [],
      },
    });
  });
});

describe('checkOutcome', () => {
  it('drops empty action rows', () => {
    expect(checkOutcome('Agreed MHST will see them', [emptyAction])).toEqual({
      body: { sharedDecision: 'Agreed MHST will see them', actions: [] },
    });
  });

  it('names the field of a half-filled action, with the form prefix', () => {
    const action = { ...emptyAction, description: 'Call mum', ownerAgency: 'MHST', dueOn: '2025-07-20' };
    expect(checkOutcome('Agreed', [emptyAction, action], 'item-1-')).toEqual({
      errors: [{ field: 'item-1-actions.0.ownerName', message: 'Say who will do it' }],
    });
  });
});

describe('referrerLines', () => {
  const base: MyReferral = {
    id: 'r1',
    reference: 'LAN-1',
    childName: 'Alex',
    receivedAt: '2025-03-01T10:00:00Z',
    status: 'declined',
    statusText: 'Not accepted',
    acceptedBy: null,
    signpostedTo: [],
    declineReason: 'outside-age',
    alternatives: null,
    question: null,
    leadWorker: null,
  };

  it('explains a decline in words with the alternative offered', () => {
    expect(referrerLines(base)).toEqual([
      ['Status', 'Not accepted'],
      ['Why it was not accepted', 'The young person is outside the age range of our services'],
      ['Other help offered', 'Adult mental health services, through their GP'],
    ]);
  });

  it('shows who is helping and what is needed', () => {
    const lines = referrerLines({
      ...base,
      status: 'accepted',
      statusText: 'Accepted',
      declineReason: null,
      acceptedBy: 'Mental Health Support Team North',
      leadWorker: { name: 'Sam Patel', agency: 'MHST', phone: null, since: '2025-03-02T10:00:00Z' },
      question: 'Which school?',
    });
    expect(lines).toEqual([
      ['Status', 'Accepted'],
      ['Accepted by', 'Mental Health Support Team North'],
      ['More information needed', 'Which school?'],
      ['Lead worker', 'Sam Patel, MHST'],
    ]);
  });
});
