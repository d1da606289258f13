import { en, en_GB, Faker } from '@faker-js/faker';
import { londonDate } from '../domain/people/child-details.js';
import { DAY, HOUR, isWeekend, startOfDay } from './demo-referral-plan.js';

// The school calendar the demo MHSTs work to: appointments on school days in school hours, none in
// the holidays. Times are UTC; 08:40 to 15:00 UTC is within the school day in GMT and in BST.

/**
 * A faker of its own for each part of the demo, seeded from the area's seed and a stream number:
 * adding a part never changes the rows of another, and the order parts are built in does not matter.
 */
export function demoFaker(seed: number, stream: number): Faker {
  const faker = new Faker({ locale: [en_GB, en] });
  faker.seed([seed, stream]);
  return faker;
}

/** The summer, Christmas, Easter and half-term holidays, as the referral calendar has them. */
export function isSchoolHoliday(ms: number): boolean {
  const date = new Date(ms);
  const [month, day] = [date.getUTCMonth() + 1, date.getUTCDate()];
  const inRange = (m: number, from: number, to: number) => month === m && day >= from && day <= to;
  return (
    month === 8 ||
    inRange(7, 22, 31) ||
    inRange(9, 1, 3) ||
    inRange(12, 20, 31) ||
    inRange(1, 1, 3) ||
    inRange(4, 1, 14) ||
    inRange(10, 26, 31) ||
    inRange(2, 14, 21) ||
    inRange(5, 25, 31)
  );
}

export function isSchoolDay(ms: number): boolean {
  return !isWeekend(ms) && !isSchoolHoliday(ms);
}

/** Midnight UTC of the first school day on or after `ms`, on one of `weekdays` (1 = Monday) if given. */
export function schoolDayOnOrAfter(ms: number, weekdays?: readonly number[]): number {
  let day = startOfDay(ms);
  for (let n = 0; n < 120; n += 1, day += DAY) {
    if (isSchoolDay(day) && (!weekdays?.length || weekdays.includes(new Date(day).getUTCDay()))) return day;
  }
  return day;
}

/** A time in the school day, on the ten minutes. */
export function atSchoolTime(faker: Faker, day: number): number {
  return startOfDay(day) + (8 * 60 + 40 + 10 * faker.number.int({ min: 0, max: 38 })) * 60_000;
}

/** A time between `from` and `to` in working hours on a weekday when one can be found; else halfway. */
export function workingTimeBetween(faker: Faker, from: number, to: number): number {
  for (let attempt = 0; attempt < 12 && to > from; attempt += 1) {
    const at = faker.number.int({ min: from, max: to });
    const hour = (at % DAY) / HOUR;
    if (!isWeekend(at) && hour >= 8.5 && hour < 17) return at;
  }
  return Math.round((from + to) / 2);
}

/** The first instant of the London day after `day` (YYYY-MM-DD): when a survey closing that day closes. */
export function londonMidnightAfter(day: string): Date {
  const next = Date.parse(`${day}T00:00:00Z`) + DAY;
  // In summer time London's midnight is 23:00 UTC the evening before.
  return new Date(londonDate(new Date(next - HOUR)) === londonDate(new Date(next)) ? next - HOUR : next);
}

/** A normally distributed number (Box–Muller), clamped to [min, max]. */
export function normal(faker: Faker, mean: number, sd: number, min: number, max: number): number {
  const u = faker.number.float({ min: Number.EPSILON, max: 1 });
  const v = faker.number.float({ min: 0, max: 1 });
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.min(max, Math.max(min, mean + sd * z));
}

/** Midnight UTC of a school day between `minDays` and `maxDays` before `now` (or just before that). */
export function recentSchoolDay(faker: Faker, now: number, minDays: number, maxDays: number): number {
  let day = startOfDay(now - faker.number.int({ min: minDays, max: maxDays }) * DAY);
  for (let n = 0; n < 60 && !isSchoolDay(day); n += 1) day -= DAY;
  return day;
}
