import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpenAt, nextClosing, nextOpening, type OpeningSession, openingSentence } from './opening.js';

const at = (iso: string) => new Date(iso);
const weekdays = [1, 2, 3, 4, 5];
/** The demo service: weekdays midday to 10pm, weekends 6pm to 10pm. */
const demoHours: OpeningSession[] = [
  ...weekdays.map((dayOfWeek) => ({ dayOfWeek, opens: '12:00', closes: '22:00' })),
  ...[6, 7].map((dayOfWeek) => ({ dayOfWeek, opens: '18:00', closes: '22:00' })),
];

describe('openingSentence', () => {
  it('says when an open service closes', () => {
    // Monday 9 November 2026, 2pm in London (GMT).
    expect(openingSentence(demoHours, at('2026-11-09T14:00:00Z'))).toBe("We're open now until 10pm.");
  });

  it('says when a closed service opens: today, tomorrow, or on a named day', () => {
    expect(openingSentence(demoHours, at('2026-11-09T10:00:00Z'))).toBe(
      "We're closed. We open today at midday.",
    );
    // Friday 11pm: the weekend hours start on Saturday evening.
    expect(openingSentence(demoHours, at('2026-11-13T23:00:00Z'))).toBe(
      "We're closed. We open tomorrow at 6pm.",
    );
    const mondays: OpeningSession[] = [{ dayOfWeek: 1, opens: '12:00', closes: '22:00' }];
    expect(openingSentence(mondays, at('2026-11-11T10:00:00Z'))).toBe(
      "We're closed. We open on Monday at midday.",
    );
    expect(openingSentence(mondays, at('2026-11-09T23:00:00Z'))).toBe(
      "We're closed. We open next Monday at midday.",
    );
  });

  it('runs an evening session on past midnight into the next morning', () => {
    const late: OpeningSession[] = [
      { dayOfWeek: 7, opens: '22:00', closes: '00:00' },
      { dayOfWeek: 1, opens: '00:00', closes: '02:00' },
    ];
    expect(openingSentence(late, at('2026-11-15T23:00:00Z'))).toBe("We're open now until 2am tomorrow.");
    expect(
      openingSentence([{ dayOfWeek: 7, opens: '20:00', closes: '00:00' }], at('2026-11-15T21:00:00Z')),
    ).toBe("We're open now until midnight.");
  });

  it('uses London time in summer, and says so plainly with no hours at all', () => {
    // Sunday 29 March 2026, the day the clocks go forward: 11:00 UTC is midday in London.
    expect(openingSentence(demoHours, at('2026-03-29T11:00:00Z'))).toBe(
      "We're closed. We open today at 6pm.",
    );
    expect(nextOpening(demoHours, at('2026-03-29T11:00:00Z'))).toEqual(at('2026-03-29T17:00:00Z'));
    expect(openingSentence([], at('2026-03-29T11:00:00Z'))).toBe("We're closed at the moment.");
    expect(nextOpening([], at('2026-03-29T11:00:00Z'))).toBeNull();
  });

  it('closes when the clocks go back out of a session, and opens again in the repeated hour', () => {
    // Sunday 25 October 2026: at 01:00 UTC the wall clock goes from 02:00 back to 01:00, so a
    // session from 01:15 to 02:00 ends then and runs a second time from 01:15 GMT.
    const early: OpeningSession[] = [{ dayOfWeek: 7, opens: '01:15', closes: '02:00' }];
    expect(nextClosing(early, at('2026-10-25T00:59:59.999Z'))).toEqual(at('2026-10-25T01:00:00Z'));
    expect(nextOpening(early, at('2026-10-25T01:00:00Z'))).toEqual(at('2026-10-25T01:15:00Z'));
  });

  it('never closes a service open all week', () => {
    const always = [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({ dayOfWeek, opens: '00:00', closes: '00:00' }));
    expect(nextClosing(always, at('2026-10-25T01:30:00Z'))).toBeNull();
    expect(openingSentence(always, at('2026-10-25T01:30:00Z'))).toBe("We're open now.");
  });
});

// Sessions on quarter hours, so every opening and closing falls on a quarter-hour instant (London is
// a whole number of hours from UTC), and a scan of quarter hours finds every one.
const QUARTER = 15 * 60_000;
const session = fc
  .record({
    dayOfWeek: fc.integer({ min: 1, max: 7 }),
    start: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 1, max: 96 }),
  })
  .map(({ dayOfWeek, start, length }): OpeningSession => {
    const end = Math.min(96, start + length);
    const hhmm = (q: number) =>
      `${String(Math.floor(q / 4) % 24).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
    return { dayOfWeek, opens: hhmm(start), closes: hhmm(end) };
  });
const hoursArb = fc.array(session, { minLength: 1, maxLength: 6 });
// Instants within eight days of a clock change, where mistakes would show.
const clockChanges = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2027-03-28T01:00:00Z'].map((iso) =>
  at(iso).getTime(),
);
const nowArb = fc
  .tuple(fc.constantFrom(...clockChanges), fc.integer({ min: -8 * 86_400_000, max: 8 * 86_400_000 }))
  .map(([base, offset]) => new Date(base + offset));

/** Quarter-hour instants after `from` up to and including `to`. */
function quartersBetween(from: Date, to: Date): Date[] {
  const first = Math.floor(from.getTime() / QUARTER) * QUARTER + QUARTER;
  const found: Date[] = [];
  for (let t = first; t <= to.getTime(); t += QUARTER) found.push(new Date(t));
  return found;
}

const opensAt = (hours: OpeningSession[], t: Date) =>
  isOpenAt(hours, t) && !isOpenAt(hours, new Date(t.getTime() - QUARTER));
const closesAt = (hours: OpeningSession[], t: Date) =>
  !isOpenAt(hours, t) && isOpenAt(hours, new Date(t.getTime() - QUARTER));

describe('opening and closing across clock changes', () => {
  it('finds the first opening after now, with none missed before it', () => {
    fc.assert(
      fc.property(hoursArb, nowArb, (hours, now) => {
        const opening = nextOpening(hours, now);
        const horizon = new Date(now.getTime() + 8 * 86_400_000);
        const missed = quartersBetween(now, opening ?? horizon).filter((t) => opensAt(hours, t));
        if (opening === null) {
          expect(missed).toEqual([]);
          expect(quartersBetween(now, horizon).every((t) => isOpenAt(hours, t))).toBe(true);
          return;
        }
        expect(opening.getTime()).toBeGreaterThan(now.getTime());
        expect(isOpenAt(hours, opening)).toBe(true);
        expect(isOpenAt(hours, new Date(opening.getTime() - 60_000))).toBe(false);
        expect(missed.map((t) => t.toISOString())).toEqual([opening.toISOString()]);
      }),
      { numRuns: 150 },
    );
  });

  it('finds the first closing after now, with none missed before it', () => {
    fc.assert(
      fc.property(hoursArb, nowArb, (hours, now) => {
        const closing = nextClosing(hours, now);
        const horizon = new Date(now.getTime() + 8 * 86_400_000);
        const missed = quartersBetween(now, closing ?? horizon).filter((t) => closesAt(hours, t));
        if (closing === null) {
          expect(missed).toEqual([]);
          return;
        }
        expect(isOpenAt(hours, closing)).toBe(false);
        expect(isOpenAt(hours, new Date(closing.getTime() - 60_000))).toBe(true);
        expect(missed.map((t) => t.toISOString())).toEqual([closing.toISOString()]);
      }),
      { numRuns: 150 },
    );
  });

  it('says open exactly when the service is open', () => {
    fc.assert(
      fc.property(hoursArb, nowArb, (hours, now) => {
        expect(openingSentence(hours, now).startsWith("We're open now")).toBe(isOpenAt(hours, now));
      }),
    );
  });
});
