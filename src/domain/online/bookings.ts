import type { BookingShownStatus } from '../../contracts/online-bookings.js';
import { formatTime, isOpenAt, type OpeningSession } from '../organisations/opening-hours.js';

// Booked chats and asynchronous messages: pure rules, `now` passed in.

/** A young person may start their booked chat from this many minutes before it begins… */
export const START_WINDOW_BEFORE_MINUTES = 10;
/** …until this many minutes after; a booking not started by then is missed. */
export const MISSED_AFTER_MINUTES = 15;
/** How far ahead a session may be booked. */
export const BOOK_AHEAD_DAYS = 56;

const MINUTE = 60_000;

export interface BookingFacts {
  /** booked, cancelled-by-young-person, cancelled-by-service, attended, missed */
  status: string;
  startsAt: Date;
  minutes: number;
  /** Whether the booked chat has been opened. */
  hasChat: boolean;
}

/** Whether the young person may press "Start my booked chat" now. */
export function canStartBooking(booking: BookingFacts, now: Date): boolean {
  if (booking.status !== 'booked' || booking.hasChat) return false;
  const opensAt = booking.startsAt.getTime() - START_WINDOW_BEFORE_MINUTES * MINUTE;
  const missedAt = booking.startsAt.getTime() + MISSED_AFTER_MINUTES * MINUTE;
  return now.getTime() >= opensAt && now.getTime() < missedAt;
}

/** A booking still open but not started 15 minutes after its start is missed. */
export function isMissed(booking: BookingFacts, now: Date): boolean {
  if (booking.status === 'missed') return true;
  if (booking.status !== 'booked' || booking.hasChat) return false;
  return now.getTime() >= booking.startsAt.getTime() + MISSED_AFTER_MINUTES * MINUTE;
}

/** What a booking is, as shown to anyone. */
export function shownBookingStatus(booking: BookingFacts, now: Date): BookingShownStatus {
  if (booking.status.startsWith('cancelled')) return 'cancelled';
  if (booking.hasChat || booking.status === 'attended') return 'started';
  if (isMissed(booking, now)) return 'missed';
  return 'booked';
}

/** The young person may cancel a booking until it starts. */
export function canCancelBooking(booking: BookingFacts, now: Date): boolean {
  return booking.status === 'booked' && !booking.hasChat && now.getTime() < booking.startsAt.getTime();
}

/** Whether two sessions overlap in time (touching end to start does not). */
export function overlaps(
  a: { startsAt: Date; minutes: number },
  b: { startsAt: Date; minutes: number },
): boolean {
  const aEnd = a.startsAt.getTime() + a.minutes * MINUTE;
  const bEnd = b.startsAt.getTime() + b.minutes * MINUTE;
  return a.startsAt.getTime() < bEnd && b.startsAt.getTime() < aEnd;
}

/** Whether the whole session, start to end, falls while the service is open (checked each 5 minutes). */
export function fitsOpeningHours(
  sessions: readonly OpeningSession[],
  startsAt: Date,
  minutes: number,
): boolean {
  for (let offset = 0; offset < minutes; offset += 5) {
    if (!isOpenAt(sessions, new Date(startsAt.getTime() + offset * MINUTE))) return false;
  }
  return isOpenAt(sessions, new Date(startsAt.getTime() + (minutes - 1) * MINUTE));
}

export type BookingProblem = 'in-the-past' | 'too-far-ahead' | 'closed';

/** Why a start time cannot be booked, or null when it can. */
export function bookingTimeProblem(
  sessions: readonly OpeningSession[],
  startsAt: Date,
  minutes: number,
  now: Date,
): BookingProblem | null {
  if (startsAt.getTime() <= now.getTime()) return 'in-the-past';
  if (startsAt.getTime() > now.getTime() + BOOK_AHEAD_DAYS * 24 * 60 * MINUTE) return 'too-far-ahead';
  if (!fitsOpeningHours(sessions, startsAt, minutes)) return 'closed';
  return null;
}

const londonDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const londonLong = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Today at 6:30pm", "Tomorrow at 6pm", "Tuesday 8 December at 6:30pm" (London time). */
export function describeWhen(at: Date, now: Date): string {
  const time = formatTime(londonClock.format(at));
  const day = londonDay.format(at);
  if (day === londonDay.format(now)) return `Today at ${time}`;
  if (day === londonDay.format(new Date(now.getTime() + 24 * 60 * MINUTE))) return `Tomorrow at ${time}`;
  if (day === londonDay.format(new Date(now.getTime() - 24 * 60 * MINUTE))) return `Yesterday at ${time}`;
  return `${londonLong.format(at).replace(',', '')} at ${time}`;
}

/** The first word of a counsellor's name: young people see first names only. */
export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? displayName;
}

/** What a young person is told about when to expect a reply. */
export const REPLY_EXPECTATION =
  'We usually reply within 1 day. We reply when we are open, so it may take longer at weekends.';

export interface ThreadFacts {
  direction: string;
  sentAt: Date;
}

/**
 * A thread waits for a reply when the young person has written since the service last did: the
 * messages waiting, and when the first of them was sent.
 */
export function waitingForReply(messages: readonly ThreadFacts[]): { count: number; since: Date | null } {
  let count = 0;
  let since: Date | null = null;
  for (const message of messages) {
    if (message.direction === 'to-young-person') {
      count = 0;
      since = null;
    } else {
      count += 1;
      since ??= message.sentAt;
    }
  }
  return { count, since };
}

/** The young person's age now, from the age they gave at sign-up (we never hold a date of birth). */
export function ageNow(ageAtSignUp: number, signedUpAt: Date, now: Date): number {
  const years = (now.getTime() - signedUpAt.getTime()) / (365.25 * 24 * 60 * MINUTE);
  return ageAtSignUp + Math.max(0, Math.floor(years));
}
