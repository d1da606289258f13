import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeOpeningHours, formatTime, isOpenAt, londonWallClock } from './opening-hours.js';

const weekdays = [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, opens: '09:00', closes: '17:00' }));

describe('formatTime', () => {
  it.each([
    ['09:00', '9am'],
    ['17:30:00', '5:30pm'],
    ['12:00', 'midday'],
    ['00:00', 'midnight'],
    ['12:15', '12:15pm'],
  ])('%s is %s', (time, words) => expect(formatTime(time)).toBe(words));
});

describe('describeOpeningHours', () => {
  it('joins neighbouring days with the same hours', () => {
    const evenings = [6, 7].map((dayOfWeek) => ({ dayOfWeek, opens: '12:00', closes: '22:00' }));
    expect(describeOpeningHours([...weekdays, ...evenings])).toEqual([
      'Monday to Friday: 9am to 5pm',
      'Saturday to Sunday: midday to 10pm',
    ]);
  });

  it('lists two sessions on one day together', () => {
    expect(
      describeOpeningHours([
        { dayOfWeek: 3, opens: '18:00', closes: '21:00' },
        { dayOfWeek: 3, opens: '09:00', closes: '12:00' },
      ]),
    ).toEqual(['Wednesday: 9am to midday and 6pm to 9pm']);
  });

  it('says "Every day: 24 hours" for a service that never closes', () => {
    const always = [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({ dayOfWeek, opens: '00:00', closes: '00:00' }));
    expect(describeOpeningHours(always)).toEqual(['Every day: 24 hours']);
  });

  it('says nothing when there are no hours', () => expect(describeOpeningHours([])).toEqual([]));
});

describe('isOpenAt', () => {
  it('uses London time across the clock change', () => {
    // 08:30 UTC on a summer Monday is 09:30 in London (BST); in winter it is 08:30.
    expect(isOpenAt(weekdays, new Date('2026-07-06T08:30:00Z'))).toBe(true);
    expect(isOpenAt(weekdays, new Date('2026-11-23T08:30:00Z'))).toBe(false);
  });

  it('treats a closing time of midnight as the end of the day', () => {
    const late = [{ dayOfWeek: 1, opens: '18:00', closes: '00:00' }];
    expect(isOpenAt(late, new Date('2026-11-23T23:59:00Z'))).toBe(true);
    expect(isOpenAt(late, new Date('2026-11-24T00:01:00Z'))).toBe(false);
  });

  it('is never open when a service has no hours', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        (d) => {
          expect(isOpenAt([], d)).toBe(false);
        },
      ),
    );
  });

  it('is always open when every day runs from midnight to midnight', () => {
    const always = [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({ dayOfWeek, opens: '00:00', closes: '00:00' }));
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        (d) => {
          expect(isOpenAt(always, d)).toBe(true);
          const clock = londonWallClock(d);
          expect(clock.dayOfWeek).toBeGreaterThanOrEqual(1);
          expect(clock.dayOfWeek).toBeLessThanOrEqual(7);
        },
      ),
    );
  });
});
