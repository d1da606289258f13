import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.js';
import {
  declineWords,
  fieldMessage,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  hasPermission,
  isStale,
  keyFor,
  londonDateTime,
  mdtMeetingPath,
  newestFirst,
  newIdempotencyKey,
  parseQueueStatus,
  problemLines,
  sourceWords,
  statusWords,
  triageReferralPath,
  waitingCue,
  workingDaysSince,
} from './triage-view.js';

const problem = (status: number, extra: object = {}) =>
  new ApiError({ type: 'about:blank', title: 'Problem', status, requestId: 'r1', ...extra });

describe('paths and permissions', () => {
  it('fills in the ids', () => {
    expect(triageReferralPath('abc-1')).toBe('/staff/triage/abc-1');
    expect(mdtMeetingPath('m-2')).toBe('/staff/mdt/m-2');
  });

  it('checks a permission by name, with no session meaning no', () => {
    expect(hasPermission(['referral:triage'], 'referral:triage')).toBe(true);
    expect(hasPermission(['referral:create'], 'referral:triage')).toBe(false);
    expect(hasPermission(undefined, 'referral:triage')).toBe(false);
  });
});

describe('words', () => {
  it('reads the queue filter from the address, defaulting to open', () => {
    expect(parseQueueStatus('awaiting-mdt')).toBe('awaiting-mdt');
    expect(parseQueueStatus(null)).toBe('open');
    expect(parseQueueStatus('accepted')).toBe('open');
    expect(parseQueueStatus('toString')).toBe('open');
  });

  it('names statuses and sources, showing unknown codes as they are', () => {
    expect(statusWords('more-information-requested')).toBe('Waiting for more information');
    expect(statusWords('something-new')).toBe('something-new');
    expect(sourceWords('gp')).toBe('GP');
    expect(sourceWords('self')).toBe('Young person (self-referral)');
  });

  it('gives each decline reason its alternative', () => {
    expect(declineWords('outside-age')?.alternative).toBe('Adult mental health services, through their GP');
    expect(declineWords('nonsense')).toBeNull();
  });
});

describe('dates in England', () => {
  it('shows the date in London, not UTC, in summer time', () => {
    expect(formatDate('2025-06-30T23:30:00Z')).toBe('1 Jul 2025');
    expect(formatDateTime('2025-06-30T23:30:00Z')).toBe('1 Jul 2025, 00:30');
    expect(formatDate('2025-01-31T23:30:00Z')).toBe('31 Jan 2025');
  });

  it('shows a calendar date as it is', () => {
    expect(formatCalendarDate('2012-03-27')).toBe('27 Mar 2012');
  });

  it('counts working days, not weekends', () => {
    const friday = '2025-03-07T15:00:00Z';
    expect(workingDaysSince(friday, new Date('2025-03-07T18:00:00Z'))).toBe(0);
    expect(workingDaysSince(friday, new Date('2025-03-09T12:00:00Z'))).toBe(0);
    expect(workingDaysSince(friday, new Date('2025-03-10T08:00:00Z'))).toBe(1);
    expect(workingDaysSince(friday, new Date('2025-04-04T12:00:00Z'))).toBe(20);
  });

  it('turns a date and time on a clock in England into a moment with its offset', () => {
    expect(londonDateTime('2025-01-15', '10:00')).toBe('2025-01-15T10:00:00+00:00');
    expect(londonDateTime('2025-07-15', '09:30')).toBe('2025-07-15T09:30:00+01:00');
    expect(londonDateTime('2025-03-30', '12:00')).toBe('2025-03-30T12:00:00+01:00');
    expect(londonDateTime('2025-10-26', '12:00')).toBe('2025-10-26T12:00:00+00:00');
    expect(londonDateTime('', '10:00')).toBeNull();
    expect(londonDateTime('2025-02-30', '10:00')).toBeNull();
    expect(londonDateTime('2025-01-15', '')).toBeNull();
  });
});

describe('waitingCue against the four-week standard', () => {
  it('is green well within four weeks', () => {
    const cue = waitingCue(5, 3);
    expect(cue.level).toBe('green');
    expect(cue.words).toBe('5 days (3 working days): within the four-week standard');
  });

  it('is amber in the last week, saying how long is left', () => {
    expect(waitingCue(22, 16)).toMatchObject({
      level: 'amber',
      label: 'Near 4 weeks',
      words: '22 days (16 working days): 4 days left of the four-week standard',
    });
    expect(waitingCue(28, 20).words).toBe('28 days (20 working days): the four-week standard ends today');
  });

  it('is red over 28 days or over 20 working days, in words as well as colour', () => {
    expect(waitingCue(29, 21)).toMatchObject({
      level: 'red',
      label: 'Over 4 weeks',
      tagClass: 'nhsuk-tag nhsuk-tag--red',
    });
    expect(waitingCue(27, 21).level).toBe('red');
    expect(waitingCue(1, 1).words).toBe('1 day (1 working day): within the four-week standard');
  });
});

describe('errors', () => {
  it('keeps whole sentences and names the field before fragments', () => {
    expect(fieldMessage('priority', 'Choose a priority')).toBe('Choose a priority');
    expect(fieldMessage('teamId', 'must be a team')).toBe('Team must be a team');
    expect(fieldMessage('actions.0.dueOn', 'must be a real date')).toBe('Due date must be a real date');
    expect(fieldMessage('mystery', 'is wrong')).toBe('mystery is wrong');
  });

  it('lists each field the server named once, with a prefix for the form', () => {
    const error = problem(400, {
      invalidParams: [
        { name: 'service', reason: 'Choose the service that will help' },
        { name: 'service', reason: 'is not a service' },
        { name: 'declineReason', reason: 'Choose a reason' },
      ],
    });
    expect(problemLines(error, 'kind', 'x-')).toEqual([
      { field: 'x-service', message: 'Choose the service that will help' },
      { field: 'x-declineReason', message: 'Choose a reason' },
    ]);
  });

  it('falls back to the detail, or to a plain message when the request failed', () => {
    expect(problemLines(problem(409, { detail: 'Already decided.' }), 'kind')).toEqual([
      { field: 'kind', message: 'Already decided.' },
    ]);
    expect(problemLines(new TypeError('fetch failed'), 'kind')[0]?.message).toMatch(/try again/);
  });

  it('knows a 412 means someone else changed it first', () => {
    expect(isStale(problem(412))).toBe(true);
    expect(isStale(problem(400))).toBe(false);
    expect(isStale(new Error('x'))).toBe(false);
  });
});

describe('keyFor', () => {
  it('reuses the key for a retry of the same body and makes a new one when the body changes', () => {
    let n = 0;
    const next = () => `key-${++n}`;
    const first = keyFor(null, { a: 1 }, next);
    expect(first.key).toBe('key-1');
    expect(keyFor(first, { a: 1 }, next).key).toBe('key-1');
    expect(keyFor(first, { a: 2 }, next).key).toBe('key-2');
  });
});

describe('newestFirst', () => {
  it('orders by recordedAt without changing the list given', () => {
    const rows = [
      { id: 'a', recordedAt: '2025-03-01T10:00:00Z' },
      { id: 'b', recordedAt: '2025-03-03T10:00:00Z' },
      { id: 'c', recordedAt: '2025-03-02T10:00:00Z' },
    ];
    expect(newestFirst(rows).map((row) => row.id)).toEqual(['b', 'c', 'a']);
    expect(rows[0]?.id).toBe('a');
  });
});

describe('newIdempotencyKey', () => {
  it('uses randomUUID where the browser has it', () => {
    expect(newIdempotencyKey({ randomUUID: () => 'from-browser', getRandomValues: (a) => a })).toBe(
      'from-browser',
    );
  });

  it('builds a version 4 UUID from random bytes where it does not', () => {
    const key = newIdempotencyKey({ getRandomValues: (array) => crypto.getRandomValues(array) });
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
