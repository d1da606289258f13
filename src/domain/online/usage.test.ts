import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageBandOf,
  ageOn,
  isEveningOrWeekend,
  median,
  percentile,
  periodPhrase,
  type UsageChat,
  type UsageInput,
  type UsagePerson,
  usageFigures,
  usageHeadline,
  usagePeriod,
  wholePercents,
} from './usage.js';

const at = (iso: string) => new Date(iso);
// November 2026 is GMT, so these UTC times are London times. 23 November 2026 is a Monday.
const chat = (accountId: string, kind: string, queued: string, taken: string | null): UsageChat => ({
  accountId,
  kind,
  status: taken ? 'ended' : 'left-queue',
  queuedAt: at(queued),
  takenAt: taken ? at(taken) : null,
});
const person = (
  accountId: string,
  gender: string,
  ageAtSignUp: number,
  signedUp: string,
  firstUsed: string,
): UsagePerson => ({ accountId, gender, ageAtSignUp, signedUpAt: at(signedUp), firstUsedAt: at(firstUsed) });

const input: UsageInput = {
  since: at('2026-11-01T00:00:00Z'),
  until: at('2026-12-01T00:00:00Z'),
  chats: [
    chat('a', 'drop-in', '2026-11-23T12:30:00Z', '2026-11-23T12:40:00Z'), // weekday afternoon, 10 min
    chat('a', 'drop-in', '2026-11-23T18:00:00Z', '2026-11-23T18:30:00Z'), // evening, 30 min
    chat('b', 'drop-in', '2026-11-21T19:00:00Z', '2026-11-21T19:20:00Z'), // Saturday, 20 min
    chat('b', 'booked', '2026-11-24T16:59:00Z', '2026-11-24T17:00:00Z'), // a minute before 17:00
    chat('c', 'drop-in', '2026-11-25T21:00:00Z', null), // left the queue: not a chat session
    chat('c', 'drop-in', '2026-11-26T08:30:00Z', '2026-11-26T09:10:00Z'), // before 09:00, 40 min
    chat('d', 'drop-in', '2026-10-31T20:00:00Z', '2026-10-31T20:05:00Z'), // before the period
  ],
  people: [
    person('a', 'girl', 13, '2025-03-01T10:00:00Z', '2025-03-05T18:00:00Z'),
    person('b', 'boy', 16, '2025-12-15T10:00:00Z', '2026-11-21T19:00:00Z'),
    person('c', 'non-binary', 19, '2025-06-01T10:00:00Z', '2026-11-25T21:00:00Z'),
    person('e', 'girl', 11, '2026-11-10T10:00:00Z', '2026-11-10T19:00:00Z'), // messages only
  ],
  messagesFromYoungPeople: 6,
  riskLevels: [
    { level: 'none-identified', count: 3 },
    { level: 'medium', count: 1 },
  ],
  escalations: { count: 1, identityShared: 1 },
};
const now = at('2026-11-30T12:00:00Z');

describe('online support usage figures', () => {
  const figures = usageFigures(input, now);
  const byKey = (rows: { key: string; count: number; percent: number }[]) =>
    Object.fromEntries(rows.map((r) => [r.key, [r.count, r.percent]]));

  it('counts young people and the chat sessions that started in the period', () => {
    expect(figures.youngPeople).toBe(4);
    expect(figures.chats).toEqual({ total: 5, dropIn: 4, booked: 1, leftQueue: 1 });
    expect(figures.messagesFromYoungPeople).toBe(6);
  });

  it('works out the share on evenings and weekends', () => {
    expect(figures.eveningsAndWeekends).toEqual({ count: 3, percent: 60 });
  });

  it('gives the gender, age and new-or-returning mix of young people', () => {
    expect(byKey(figures.gender)).toEqual({
      girl: [2, 50],
      boy: [1, 25],
      'non-binary': [1, 25],
      'self-described': [0, 0],
      'prefer-not-to-say': [0, 0],
    });
    // a signed up at 13 in March 2025 and is now 14; b is still 16 (December birthday of sign-up); c is now 20.
    expect(byKey(figures.age)).toEqual({
      '11-13': [1, 25],
      '14-15': [1, 25],
      '16-17': [1, 25],
      '18-19': [0, 0],
      other: [1, 25],
    });
    expect(byKey(figures.newAndReturning)).toEqual({ new: [3, 75], returning: [1, 25] });
  });

  it('gives the median and 90th percentile wait of drop-in chats only', () => {
    expect(figures.waits).toEqual({ count: 4, medianMinutes: 25, p90Minutes: 40 });
  });

  it('counts chats by London hour and day', () => {
    const hours = Object.fromEntries(figures.byHour.filter((h) => h.count > 0).map((h) => [h.hour, h.count]));
    expect(hours).toEqual({ 8: 1, 12: 1, 16: 1, 18: 1, 19: 1 });
    expect(figures.byDay.map((d) => d.count)).toEqual([2, 1, 0, 1, 0, 1, 0]);
  });

  it('passes risk levels and escalations through with shares', () => {
    expect(byKey(figures.riskLevels)).toEqual({
      'none-identified': [3, 75],
      low: [0, 0],
      medium: [1, 25],
      high: [0, 0],
    });
    expect(figures.escalations).toEqual({ count: 1, identityShared: 1 });
  });

  it('writes the headline sentence', () => {
    expect(usageHeadline(figures, periodPhrase('2026-11-01', '2026-11-30', '2026-11-23'))).toBe(
      '4 young people used the online service this month; 50% were girls; 60% of use was on evenings and weekends.',
    );
    const empty = usageFigures({ ...input, chats: [], people: [] }, now);
    expect(usageHeadline(empty, 'last month')).toBe('No young people used the online service last month.');
  });
});

describe('evenings and weekends', () => {
  it('uses London time, so summer time moves the boundaries', () => {
    expect(isEveningOrWeekend(at('2026-07-01T16:30:00Z'))).toBe(true); // 17:30 BST
    expect(isEveningOrWeekend(at('2026-07-01T15:59:00Z'))).toBe(false); // 16:59 BST
    expect(isEveningOrWeekend(at('2026-07-01T07:59:00Z'))).toBe(true); // 08:59 BST
    expect(isEveningOrWeekend(at('2026-07-01T08:00:00Z'))).toBe(false); // 09:00 BST
    expect(isEveningOrWeekend(at('2026-07-05T13:00:00Z'))).toBe(true); // Sunday
  });
});

describe('ages, periods and percentages', () => {
  it('adds whole years since sign-up and bands them', () => {
    expect(ageOn(15, at('2025-11-24T10:00:00Z'), at('2026-11-23T10:00:00Z'))).toBe(15);
    expect(ageOn(15, at('2025-11-23T10:00:00Z'), at('2026-11-23T10:00:00Z'))).toBe(16);
    expect([11, 13, 14, 15, 16, 17, 18, 19, 20, 10].map(ageBandOf)).toEqual([
      '11-13',
      '11-13',
      '14-15',
      '14-15',
      '16-17',
      '16-17',
      '18-19',
      '18-19',
      'other',
      'other',
    ]);
  });

  it('works out preset periods and names them', () => {
    expect(usagePeriod('this-quarter', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(usagePeriod('last-month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(usagePeriod('this-month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodPhrase('2026-10-01', '2026-10-31', '2026-11-23')).toBe('last month');
    expect(periodPhrase('2026-10-01', '2026-12-31', '2026-11-23')).toBe('this quarter');
    expect(periodPhrase('2026-09-01', '2026-09-30', '2026-11-23')).toBe(
      'from 1 September 2026 to 30 September 2026',
    );
  });

  it('rounds shares by largest remainder', () => {
    expect(wholePercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(wholePercents([0, 0])).toEqual([0, 0]);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(percentile([5, 1, 9, 3, 7, 2, 8, 4, 6, 10], 90)).toBe(9);
  });

  it('always gives shares adding up to 100 for any non-empty mix', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const sum = wholePercents(counts).reduce((a, b) => a + b, 0);
        expect(sum).toBe(total === 0 ? 0 : 100);
      }),
    );
  });

  it('keeps every mix at 100% and the median at or below the 90th percentile', () => {
    const genders = fc.constantFrom('girl', 'boy', 'non-binary', 'self-described', 'prefer-not-to-say');
    const people = fc.array(
      fc.record({ gender: genders, age: fc.integer({ min: 11, max: 19 }), isNew: fc.boolean() }),
      { minLength: 1, maxLength: 40 },
    );
    const waits = fc.array(fc.integer({ min: 0, max: 240 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(people, waits, (rows, minutes) => {
        const figures = usageFigures(
          {
            ...input,
            people: rows.map((r, i) =>
              person(`p${i}`, r.gender, r.age, '2026-11-01T10:00:00Z', r.isNew ? '2026-11-02' : '2026-01-02'),
            ),
            chats: minutes.map((m, i) =>
              chat(
                `p${i}`,
                'drop-in',
                '2026-11-10T18:00:00Z',
                new Date(at('2026-11-10T18:00:00Z').getTime() + m * 60_000).toISOString(),
              ),
            ),
          },
          now,
        );
        for (const mix of [figures.gender, figures.age, figures.newAndReturning]) {
          expect(mix.reduce((sum, share) => sum + share.percent, 0)).toBe(100);
        }
        expect(figures.waits.medianMinutes).not.toBeNull();
        expect(figures.waits.medianMinutes as number).toBeLessThanOrEqual(figures.waits.p90Minutes as number);
      }),
    );
  });
});
