import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.js';
import {
  callRangeQuery,
  changeWords,
  daysWords,
  fieldMessage,
  issueLines,
  londonNow,
  minutesWords,
  parseCallRange,
  peopleWords,
  percentWords,
  phaseWords,
  planStatus,
  problemLines,
  schoolPath,
  schoolSurveysPath,
  scoreWords,
  shareLink,
  staffWords,
  statusOf,
  suppressedWords,
  wholeSchoolPath,
} from './schools-view.js';

const problem = (status: number, extra: object = {}) =>
  new ApiError({ type: 'about:blank', title: 'Problem', status, requestId: 'r1', ...extra });

describe('addresses', () => {
  it('fills in the school', () => {
    expect(schoolPath(990001)).toBe('/staff/schools/990001');
    expect(wholeSchoolPath('990001')).toBe('/staff/schools/990001/whole-school');
    expect(schoolSurveysPath(990001)).toBe('/staff/schools/990001/surveys');
  });

  it('makes the full survey link to share from the path the API gave', () => {
    expect(shareLink('https://lantern.example', '/survey/abc_DEF-123')).toBe(
      'https://lantern.example/survey/abc_DEF-123',
    );
  });
});

describe('words for figures', () => {
  it('counts days, people and staff in plain words', () => {
    expect(daysWords(1)).toBe('1 day');
    expect(daysWords(12.5)).toBe('13 days');
    expect(daysWords(null)).toBe('None waiting');
    expect(peopleWords(1)).toBe('1 person');
    expect(peopleWords(1200)).toBe('1,200 people');
    expect(staffWords(1)).toBe('1 member of staff');
    expect(staffWords(9)).toBe('9 members of staff');
  });

  it('says a response time in minutes, hours or days', () => {
    expect(minutesWords(null)).toBe('No advice yet');
    expect(minutesWords(0)).toBe('0 minutes');
    expect(minutesWords(1)).toBe('1 minute');
    expect(minutesWords(45)).toBe('45 minutes');
    expect(minutesWords(60)).toBe('1 hour');
    expect(minutesWords(125)).toBe('2 hours 5 minutes');
    expect(minutesWords(22.5)).toBe('23 minutes');
    expect(minutesWords(24 * 60)).toBe('1 day');
    expect(minutesWords(27 * 60 + 10)).toBe('1 day 3 hours');
  });

  it('gives survey figures, holding back what the API held back', () => {
    expect(scoreWords(3.4)).toBe('3.4 out of 5');
    expect(scoreWords(4)).toBe('4.0 out of 5');
    expect(scoreWords(null)).toBe('Hidden');
    expect(percentWords(62)).toBe('62%');
    expect(percentWords(null)).toBe('Hidden');
    expect(suppressedWords(8)).toBe(
      'Fewer than 8 staff answered, so results are hidden to protect anonymity.',
    );
  });

  it('says a change without relying on a plus or minus sign', () => {
    expect(changeWords(0.6)).toBe('Up 0.6');
    expect(changeWords(-0.2)).toBe('Down 0.2');
    expect(changeWords(0)).toBe('No change');
    expect(changeWords(null)).toBe('Not enough answers to compare');
  });

  it('names survey phases and plan statuses, showing unknown codes as they are', () => {
    expect(phaseWords('before')).toBe("Before the team's work");
    expect(phaseWords('toString')).toBe('toString');
    expect(planStatus('in-progress').label).toBe('In progress');
    expect(planStatus('done').tag).toContain('nhsuk-tag--green');
    expect(planStatus('paused').label).toBe('paused');
  });
});

describe('the consultation line range in the address', () => {
  it('keeps only real-looking dates', () => {
    expect(parseCallRange(new URLSearchParams('from=2026-01-01&to=2026-01-31'))).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(parseCallRange(new URLSearchParams('from=yesterday&to='))).toEqual({});
  });

  it('writes the range back as a query, or nothing', () => {
    expect(callRangeQuery({ from: '2026-01-01', to: '2026-01-31' })).toBe('?from=2026-01-01&to=2026-01-31');
    expect(callRangeQuery({ to: '2026-01-31' })).toBe('?to=2026-01-31');
    expect(callRangeQuery({})).toBe('');
  });
});

describe('dates in England', () => {
  it('gives the date and time on a London clock, in summer and winter', () => {
    expect(londonNow(new Date('2026-07-01T23:30:00Z'))).toEqual({ date: '2026-07-02', time: '00:30' });
    expect(londonNow(new Date('2026-01-15T09:05:00Z'))).toEqual({ date: '2026-01-15', time: '09:05' });
  });
});

describe('error lines', () => {
  it('names the field when the reason finishes a sentence', () => {
    expect(fieldMessage('attendeeCount', 'cannot be less than 0')).toBe(
      'Number who came cannot be less than 0',
    );
    expect(fieldMessage('attendees.0', 'Name each person or agency')).toBe('Name each person or agency');
    expect(fieldMessage('mystery', 'must be text')).toBe('mystery must be text');
  });

  it('gives the first schema issue per field, with the form prefix', () => {
    expect(
      issueLines(
        [
          { path: ['topic'], message: 'Say what the session was about' },
          { path: ['topic'], message: 'must be text' },
          { path: ['attendees', 1], message: 'Name each person or agency' },
        ],
        'session-',
      ),
    ).toEqual([
      { field: 'session-topic', message: 'Say what the session was about' },
      { field: 'session-attendees', message: 'Name each person or agency' },
    ]);
  });

  it('turns a refused request into lines, sending unknown fields to the fallback', () => {
    const refused = problem(400, {
      invalidParams: [
        { name: 'heldAt', reason: 'must not be more than a day in the future' },
        { name: 'teamId', reason: 'must be one of your teams' },
      ],
    });
    expect(problemLines(refused, 'kind', 'session-', ['kind', 'heldAt'])).toEqual([
      { field: 'session-heldAt', message: 'Date and time must not be more than a day in the future' },
      { field: 'session-kind', message: 'Team must be one of your teams' },
    ]);
    expect(problemLines(problem(422, { detail: 'You are not in a team.' }), 'callerRole', 'call-')).toEqual([
      { field: 'call-callerRole', message: 'You are not in a team.' },
    ]);
    expect(problemLines(new TypeError('offline'), 'kind')[0]?.message).toMatch(/Check your connection/);
  });

  it('reads the status of a refused request, and none for anything else', () => {
    expect(statusOf(problem(412))).toBe(412);
    expect(statusOf(new Error('network'))).toBeNull();
  });
});
