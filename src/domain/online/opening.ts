import {
  formatTime,
  londonWallClock,
  type OpeningSession,
  isOpenAt as openAt,
} from '../organisations/opening-hours.js';
import { londonDayNumber } from '../waiting/london-days.js';

// When the online service is open, and the plain sentence young people read about it. Sessions are
// London wall-clock times; every answer is worked out from the instants where the wall clock meets a
// session's edge, so clock changes (a missing hour in March, a repeated hour in October) need no
// special cases beyond finding those instants.

export type { OpeningSession };

/** Whether the service is open at an instant (London wall-clock time). */
export const isOpenAt = openAt;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

function minutesOf(time: string): number {
  const [hours = '0', mins = '0'] = time.split(':');
  return Number(hours) * 60 + Number(mins);
}

/** ISO day of week (1 Monday to 7 Sunday) of a day number (1 January 1970 was a Thursday). */
function dayOfWeekOf(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** How far London's wall clock is ahead of UTC at an instant: 0 or one hour. */
function londonOffsetMs(at: number): number {
  const instant = new Date(at);
  const wall = londonDayNumber(instant) * DAY + londonWallClock(instant).minuteOfDay * MINUTE;
  return wall - Math.floor(at / MINUTE) * MINUTE;
}

/**
 * Every instant a London wall-clock minute happens on a day: none or one usually, two in the hour
 * repeated in October. A minute in the hour skipped in March takes effect when the clocks go forward
 * (01:00 UTC), the first instant the wall clock is past it.
 */
function instantsOf(dayNumber: number, minuteOfDay: number): number[] {
  const wall = dayNumber * DAY + minuteOfDay * MINUTE;
  const found = [0, HOUR].map((offset) => wall - offset).filter((at) => londonOffsetMs(at) === wall - at);
  return found.length > 0 ? found : [dayNumber * DAY + HOUR];
}

/**
 * Instants near `now` where the service may open or close, in order. Besides the instants the wall
 * clock meets a session's edge, the clock change itself (01:00 UTC) is one: in October the clocks
 * going back from 02:00 to 01:00 can end a session or start it again without the wall clock ever
 * reading its edge.
 */
function edges(hours: readonly OpeningSession[], now: Date): number[] {
  const today = londonDayNumber(now);
  const found = new Set<number>();
  for (let day = today - 1; day <= today + 8; day += 1) {
    const change = day * DAY + HOUR;
    if (londonOffsetMs(change - MINUTE) !== londonOffsetMs(change)) found.add(change);
    for (const session of hours) {
      if (session.dayOfWeek !== dayOfWeekOf(day)) continue;
      const closes = minutesOf(session.closes);
      for (const at of instantsOf(day, minutesOf(session.opens))) found.add(at);
      for (const at of closes === 0 ? instantsOf(day + 1, 0) : instantsOf(day, closes)) found.add(at);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** The next instant after `now` when the service opens (from closed), or null with no hours at all. */
export function nextOpening(hours: readonly OpeningSession[], now: Date): Date | null {
  const at = edges(hours, now).find(
    (edge) =>
      edge > now.getTime() && openAt(hours, new Date(edge)) && !openAt(hours, new Date(edge - MINUTE)),
  );
  return at === undefined ? null : new Date(at);
}

/** The next instant after `now` when the service closes, or null when it never does (open all week). */
export function nextClosing(hours: readonly OpeningSession[], now: Date): Date | null {
  const at = edges(hours, now).find(
    (edge) =>
      edge > now.getTime() && !openAt(hours, new Date(edge)) && openAt(hours, new Date(edge - MINUTE)),
  );
  return at === undefined ? null : new Date(at);
}

/** '6pm', 'midday', 'midnight' for an instant's London wall-clock time. */
function timeOf(at: Date): string {
  const minute = londonWallClock(at).minuteOfDay;
  return formatTime(`${Math.floor(minute / 60)}:${minute % 60}`);
}

const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** 'today at 6pm', 'tomorrow at midday', 'on Monday at 6pm', 'next Monday at 6pm'. */
function when(at: Date, now: Date): string {
  const days = londonDayNumber(at) - londonDayNumber(now);
  const time = timeOf(at);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  const dayName = dayNames[londonWallClock(at).dayOfWeek - 1];
  return days >= 7 ? `next ${dayName} at ${time}` : `on ${dayName} at ${time}`;
}

/** 'until 10pm', 'until midnight', 'until 2am tomorrow', 'until Monday at 6pm'. */
function until(at: Date, now: Date): string {
  const days = londonDayNumber(at) - londonDayNumber(now);
  const time = timeOf(at);
  if (days === 0 || (days === 1 && londonWallClock(at).minuteOfDay === 0)) return `until ${time}`;
  if (days === 1) return `until ${time} tomorrow`;
  return `until ${dayNames[londonWallClock(at).dayOfWeek - 1]} at ${time}`;
}

/** Whether the service is open, in a sentence a 12-year-old can read: "We're open now until 10pm." */
export function openingSentence(hours: readonly OpeningSession[], now: Date): string {
  if (openAt(hours, now)) {
    const closing = nextClosing(hours, now);
    return closing ? `We're open now ${until(closing, now)}.` : "We're open now.";
  }
  const opening = nextOpening(hours, now);
  return opening ? `We're closed. We open ${when(opening, now)}.` : "We're closed at the moment.";
}
