import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { londonDate } from '../people/child-details.js';
import { addWorkingDays, formatLongDate, type ReferrerKind, whatHappensNext } from './what-happens-next.js';

const at = (iso: string) => new Date(iso);
const weekdayOf = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`).getUTCDay();
const isWeekend = (isoDate: string) => weekdayOf(isoDate) === 0 || weekdayOf(isoDate) === 6;

const dateArb = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});
const kindArb = fc.constantFrom<ReferrerKind>('school', 'gp', 'professional', 'parent', 'self');
const routesArb = fc.subarray(['phone', 'text', 'email', 'letter']);

const base = {
  kind: 'school' as ReferrerKind,
  receivedAt: at('2025-06-27T15:00:00Z'), // a Friday afternoon
  isUrgent: false,
  triageWorkingDays: 5,
  contactRoutes: ['phone'] as readonly string[],
};

describe('addWorkingDays', () => {
  it('goes from a Friday afternoon to the Monday', () => {
    expect(weekdayOf('2025-06-27')).toBe(5);
    expect(addWorkingDays(at('2025-06-27T15:00:00Z'), 1)).toBe('2025-06-30');
  });

  it('moves within the week when no weekend is in the way', () => {
    expect(addWorkingDays(at('2025-06-30T09:00:00Z'), 1)).toBe('2025-07-01');
    expect(addWorkingDays(at('2025-06-30T09:00:00Z'), 4)).toBe('2025-07-04');
  });

  it('skips Saturday and Sunday when counting several days', () => {
    expect(addWorkingDays(at('2025-06-26T09:00:00Z'), 2)).toBe('2025-06-30');
    expect(addWorkingDays(at('2025-06-27T09:00:00Z'), 5)).toBe('2025-07-04');
    expect(addWorkingDays(at('2025-06-27T09:00:00Z'), 10)).toBe('2025-07-11');
  });

  it('counts from a weekend start to the next working days', () => {
    expect(addWorkingDays(at('2025-06-28T10:00:00Z'), 1)).toBe('2025-06-30');
    expect(addWorkingDays(at('2025-06-29T10:00:00Z'), 1)).toBe('2025-06-30');
    expect(addWorkingDays(at('2025-06-29T10:00:00Z'), 2)).toBe('2025-07-01');
  });

  it('uses the Europe/London calendar: 23:30 UTC on 30 June is already 1 July', () => {
    expect(londonDate(at('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
    expect(addWorkingDays(at('2025-06-30T23:30:00Z'), 1)).toBe('2025-07-02');
  });

  it('treats late Thursday evening UTC in summer as Friday in London', () => {
    // 23:30 UTC on Thursday 26 June is 00:30 on Friday 27 June in London.
    expect(addWorkingDays(at('2025-06-26T23:30:00Z'), 1)).toBe('2025-06-30');
  });

  it('treats late Friday evening UTC in summer as Saturday in London', () => {
    expect(addWorkingDays(at('2025-06-27T23:30:00Z'), 1)).toBe('2025-06-30');
  });

  it('keeps late evening UTC on the same day in winter, when London is on GMT', () => {
    // Monday 6 January 2025, 23:30 UTC is still Monday in London.
    expect(addWorkingDays(at('2025-01-06T23:30:00Z'), 1)).toBe('2025-01-07');
  });

  it('is not thrown by the clocks changing', () => {
    // Clocks go forward on Sunday 30 March 2025 and back on Sunday 26 October 2025.
    expect(addWorkingDays(at('2025-03-28T16:00:00Z'), 1)).toBe('2025-03-31');
    expect(addWorkingDays(at('2025-10-24T16:00:00Z'), 1)).toBe('2025-10-27');
  });

  it('crosses months and years', () => {
    expect(addWorkingDays(at('2025-12-31T10:00:00Z'), 3)).toBe('2026-01-05');
    expect(addWorkingDays(at('2024-02-28T10:00:00Z'), 2)).toBe('2024-03-01');
  });

  it('returns the London date itself for zero working days', () => {
    expect(addWorkingDays(at('2025-06-30T23:30:00Z'), 0)).toBe('2025-07-01');
  });

  it('never lands on a weekend and is always strictly after the start date', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (from, days) => {
        const result = addWorkingDays(from, days);
        expect(result).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(isWeekend(result)).toBe(false);
        expect(result > londonDate(from)).toBe(true);
      }),
    );
  });

  it('has exactly the requested number of working days after the start, up to and including the result', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 30 }), (from, days) => {
        const result = addWorkingDays(from, days);
        const cursor = new Date(`${londonDate(from)}T12:00:00Z`);
        let counted = 0;
        while (cursor.toISOString().slice(0, 10) < result) {
          cursor.setUTCDate(cursor.getUTCDate() + 1);
          if (!isWeekend(cursor.toISOString().slice(0, 10))) counted += 1;
        }
        expect(counted).toBe(days);
      }),
    );
  });

  it('moves one more working day forward for each extra day asked for', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 30 }), (from, days) => {
        expect(addWorkingDays(from, days + 1) > addWorkingDays(from, days)).toBe(true);
      }),
    );
  });
});

describe('formatLongDate', () => {
  it('writes the weekday, day, month and year in words', () => {
    const text = formatLongDate('2025-06-30');
    expect(text).toContain('Monday');
    expect(text).toContain('30 June 2025');
  });

  it('keeps the calendar date whatever the time zone', () => {
    expect(formatLongDate('2026-01-01')).toContain('1 January 2026');
    expect(formatLongDate('2025-12-31')).toContain('31 December 2025');
  });
});

describe('whatHappensNext', () => {
  describe('for a young person’s own request', () => {
    const forbidden = [/mental health service/i, /CAMHS/i, /referral/i];

    it('uses a headline that does not name mental health services or referrals', () => {
      const result = whatHappensNext({ ...base, kind: 'self' });
      expect(result.headline).toBe('We have got your request');
      for (const word of forbidden) expect(result.headline).not.toMatch(word);
    });

    it('never names mental health services, CAMHS or referrals, whatever the options', () => {
      fc.assert(
        fc.property(
          dateArb,
          fc.boolean(),
          fc.integer({ min: 1, max: 20 }),
          routesArb,
          (receivedAt, isUrgent, days, routes) => {
            const result = whatHappensNext({
              kind: 'self',
              receivedAt,
              isUrgent,
              triageWorkingDays: days,
              contactRoutes: routes,
            });
            for (const word of forbidden) {
              expect(result.headline).not.toMatch(word);
              for (const step of result.steps) expect(step).not.toMatch(word);
            }
          },
        ),
      );
    });

    it('says who will read it, by when, how they will be contacted and where to get help now', () => {
      const result = whatHappensNext({ ...base, kind: 'self', contactRoutes: ['text'] });
      expect(result.lookedAtBy).toBe('2025-07-04');
      expect(result.steps[0]).toContain(formatLongDate('2025-07-04'));
      expect(result.steps.join(' ')).toContain('by text message, the way you chose');
      expect(result.steps.join(' ')).toContain('999');
    });

    it('is looked at by the next working day when urgent', () => {
      const result = whatHappensNext({ ...base, kind: 'self', isUrgent: true, triageWorkingDays: 10 });
      expect(result.lookedAtBy).toBe('2025-06-30');
    });
  });

  describe('for a referral by someone else', () => {
    it.each<ReferrerKind>(['school', 'gp', 'professional', 'parent'])(
      '%s sees "Referral received"',
      (kind) => {
        expect(whatHappensNext({ ...base, kind }).headline).toBe('Referral received');
      },
    );

    it('uses the triage working days when not urgent', () => {
      const result = whatHappensNext({ ...base, triageWorkingDays: 5 });
      expect(result.lookedAtBy).toBe('2025-07-04');
      expect(result.steps[0]).toContain(formatLongDate('2025-07-04'));
      expect(result.steps[0]).not.toContain('urgent');
    });

    it('is looked at by the next working day when urgent, and says why', () => {
      const result = whatHappensNext({ ...base, isUrgent: true, triageWorkingDays: 10 });
      expect(result.lookedAtBy).toBe('2025-06-30');
      expect(result.steps[0]).toContain(formatLongDate('2025-06-30'));
      expect(result.steps[0]).toContain('because you told us it is urgent');
    });

    it('tells a parent "you", and other referrers "you and the family"', () => {
      expect(whatHappensNext({ ...base, kind: 'parent' }).steps.join(' ')).toContain(
        'We will tell you by phone',
      );
      for (const kind of ['school', 'gp', 'professional'] as const) {
        expect(whatHappensNext({ ...base, kind }).steps.join(' ')).toContain(
          'We will tell you and the family by phone',
        );
      }
    });

    it('gives emergency contacts', () => {
      expect(whatHappensNext(base).steps.join(' ')).toContain('999');
      expect(whatHappensNext(base).steps.join(' ')).toContain('NHS 111');
    });
  });

  describe('contact routes', () => {
    const stepsFor = (contactRoutes: readonly string[]) =>
      whatHappensNext({ ...base, contactRoutes }).steps.join(' ');

    it('joins two routes in words: "phone or text message"', () => {
      expect(stepsFor(['phone', 'text'])).toContain('by phone or text message what we decided');
    });

    it('joins three or more with commas and a final "or"', () => {
      expect(stepsFor(['phone', 'text', 'email'])).toContain('by phone, text message or email what');
      expect(stepsFor(['phone', 'text', 'email', 'letter'])).toContain(
        'by phone, text message, email or letter what',
      );
    });

    it('names a single route on its own', () => {
      expect(stepsFor(['letter'])).toContain('We will tell you and the family by letter what');
      expect(stepsFor(['email'])).toContain('by email what');
    });

    it('leaves out "by" when there are no routes', () => {
      expect(stepsFor([])).toContain('We will tell you and the family what we decided');
      const self = whatHappensNext({ ...base, kind: 'self', contactRoutes: [] }).steps.join(' ');
      expect(self).toContain('We will contact you, the way you chose.');
    });

    it('passes an unknown route through unchanged', () => {
      expect(stepsFor(['carrier pigeon'])).toContain('by carrier pigeon what');
    });

    it('in the self wording, joins routes the same way', () => {
      const self = whatHappensNext({ ...base, kind: 'self', contactRoutes: ['phone', 'text'] }).steps.join(
        ' ',
      );
      expect(self).toContain('We will contact you by phone or text message, the way you chose.');
    });
  });

  describe('properties', () => {
    it('is looked at by the next working day when urgent, whatever the settings', () => {
      fc.assert(
        fc.property(
          kindArb,
          dateArb,
          fc.integer({ min: 0, max: 20 }),
          routesArb,
          (kind, receivedAt, days, routes) => {
            const result = whatHappensNext({
              kind,
              receivedAt,
              isUrgent: true,
              triageWorkingDays: days,
              contactRoutes: routes,
            });
            expect(result.lookedAtBy).toBe(addWorkingDays(receivedAt, 1));
            expect(isWeekend(result.lookedAtBy)).toBe(false);
            expect(result.lookedAtBy > londonDate(receivedAt)).toBe(true);
          },
        ),
      );
    });

    it('never promises an urgent request later than a routine one', () => {
      fc.assert(
        fc.property(kindArb, dateArb, fc.integer({ min: 1, max: 20 }), (kind, receivedAt, days) => {
          const input = { kind, receivedAt, triageWorkingDays: days, contactRoutes: ['phone'] };
          const urgent = whatHappensNext({ ...input, isUrgent: true });
          const routine = whatHappensNext({ ...input, isUrgent: false });
          expect(urgent.lookedAtBy <= routine.lookedAtBy).toBe(true);
          expect(routine.lookedAtBy).toBe(addWorkingDays(receivedAt, days));
        }),
      );
    });

    it('mentions the looked-at-by date in the first step', () => {
      fc.assert(
        fc.property(
          kindArb,
          dateArb,
          fc.boolean(),
          fc.integer({ min: 1, max: 20 }),
          (kind, receivedAt, isUrgent, days) => {
            const result = whatHappensNext({
              kind,
              receivedAt,
              isUrgent,
              triageWorkingDays: days,
              contactRoutes: [],
            });
            expect(result.steps[0]).toContain(formatLongDate(result.lookedAtBy));
          },
        ),
      );
    });
  });
});
