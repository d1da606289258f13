import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { londonWallClock } from '../organisations/opening-hours.js';
import { londonDate } from '../people/child-details.js';
import { addLondonDays, isoDateOfDayNumber, londonDayNumber, londonDaysBetween } from './london-days.js';

const dateArb = fc.date({
  min: new Date('2020-01-01T00:00:00Z'),
  max: new Date('2030-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('londonDaysBetween', () => {
  it('counts calendar days in London, not 24-hour blocks, across the October clock change', () => {
    // 20 October is in British Summer Time, 17 November in Greenwich Mean Time.
    expect(londonDaysBetween(new Date('2026-10-20T09:00:00Z'), new Date('2026-11-17T10:00:00Z'))).toBe(28);
    // 00:30 on 20 October in London is still 19 October in UTC.
    expect(londonDaysBetween(new Date('2026-10-19T23:30:00Z'), new Date('2026-11-16T23:30:00Z'))).toBe(27);
  });

  it('is negative when the second instant is the earlier', () => {
    expect(londonDaysBetween(new Date('2026-03-10T12:00:00Z'), new Date('2026-03-07T12:00:00Z'))).toBe(-3);
  });
});

describe('isoDateOfDayNumber', () => {
  it('turns a day number back into the London date it came from', () => {
    fc.assert(
      fc.property(dateArb, (at) => {
        expect(isoDateOfDayNumber(londonDayNumber(at))).toBe(londonDate(at));
      }),
    );
  });
});

describe('addLondonDays', () => {
  it('keeps the London time of day across the clock changes', () => {
    expect(addLondonDays(new Date('2026-10-20T09:00:00Z'), 28)).toEqual(new Date('2026-11-17T10:00:00Z'));
    expect(addLondonDays(new Date('2026-03-20T10:00:00Z'), 14)).toEqual(new Date('2026-04-03T09:00:00Z'));
  });

  it('moves by exactly that many London calendar days', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -400, max: 400 }), (at, days) => {
        const moved = addLondonDays(at, days);
        expect(londonDaysBetween(at, moved)).toBe(days);
      }),
    );
  });

  it('keeps the time of day, except for times the spring clock change skips', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -400, max: 400 }), (at, days) => {
        const before = londonWallClock(at).minuteOfDay;
        const after = londonWallClock(addLondonDays(at, days)).minuteOfDay;
        const skipped = before >= 60 && before < 120 && after === before + 60;
        expect(after === before || skipped).toBe(true);
      }),
    );
  });
});
