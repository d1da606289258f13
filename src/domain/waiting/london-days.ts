import { londonWallClock } from '../organisations/opening-hours.js';
import { londonDate } from '../people/child-details.js';

/**
 * Calendar days in England. Waits are counted in London calendar days, not in 24-hour blocks, so
 * a referral received on 20 October and seen on 17 November has waited 28 days even though the
 * clocks went back in between (that stretch is 28 days and one hour long).
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Days since 1 January 1970 of the London calendar date an instant falls on. */
export function londonDayNumber(at: Date): number {
  const [year, month, day] = londonDate(at).split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** London calendar days from one instant to another (negative when `to` is the earlier). */
export function londonDaysBetween(from: Date, to: Date): number {
  return londonDayNumber(to) - londonDayNumber(from);
}

/** The YYYY-MM-DD date of a London day number. */
export function isoDateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** How far London's wall clock is ahead of UTC at an instant (0 in winter, an hour in summer). */
function londonOffsetMs(at: Date): number {
  const wallMs =
    londonDayNumber(at) * DAY_MS +
    londonWallClock(at).minuteOfDay * MINUTE_MS +
    (((at.getTime() % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
  return wallMs - at.getTime();
}

/**
 * The same London wall-clock time a number of calendar days later (or earlier). Adding 24-hour
 * blocks instead would land an hour out, and sometimes on the wrong day, across a clock change.
 */
export function addLondonDays(at: Date, days: number): Date {
  const targetWallMs = at.getTime() + londonOffsetMs(at) + days * DAY_MS;
  // Guess the offset from the target wall time, then correct it once if the guess crossed a change.
  const firstOffset = londonOffsetMs(new Date(targetWallMs));
  let result = targetWallMs - firstOffset;
  const secondOffset = londonOffsetMs(new Date(result));
  if (secondOffset !== firstOffset) result = targetWallMs - secondOffset;
  return new Date(result);
}
