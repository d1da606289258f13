import { FOUR_WEEKS_DAYS } from './clocks.js';
import { addLondonDays, isoDateOfDayNumber, londonDayNumber, londonDaysBetween } from './london-days.js';

/**
 * Which young people are likely to wait more than four weeks for their first contact, so a team
 * can act while there is still time. A forecast, not a measure: the measure is in clocks.ts.
 *
 * Days are London calendar days, as for the clocks: a first contact on day 28 is within four
 * weeks (ragFor in clocks.ts calls a stopped 28-day clock green), so "after breachAt" and "before
 * breachAt" here compare London dates, not times of day.
 */

/** How long this team usually takes, in days: from referral to allocation, and allocation to first contact. */
export interface TeamPace {
  daysToAllocate: number;
  daysAllocationToFirstContact: number;
}

/** Used until a team has enough history of its own. */
export const DEFAULT_PACE: TeamPace = { daysToAllocate: 7, daysAllocationToFirstContact: 10 };

/** Fewer data points than this and a median says more about chance than about the team. */
const MIN_PACE_DATA_POINTS = 5;

/** The middle value, rounded to whole days; null when there are too few values to trust. */
function medianDays(values: number[]): number | null {
  if (values.length < MIN_PACE_DATA_POINTS) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(median);
}

/** Medians over recent history (entries lacking the later date are skipped); falls back per field to DEFAULT_PACE when fewer than 5 data points. */
export function teamPace(
  history: readonly { receivedAt: Date; allocatedAt: Date | null; firstContactAt: Date | null }[],
): TeamPace {
  const toAllocate: number[] = [];
  const toFirstContact: number[] = [];
  for (const entry of history) {
    // A later date recorded before an earlier one is a data error: count it as no time at all.
    if (entry.allocatedAt)
      toAllocate.push(Math.max(0, londonDaysBetween(entry.receivedAt, entry.allocatedAt)));
    if (entry.allocatedAt && entry.firstContactAt) {
      toFirstContact.push(Math.max(0, londonDaysBetween(entry.allocatedAt, entry.firstContactAt)));
    }
  }
  return {
    daysToAllocate: medianDays(toAllocate) ?? DEFAULT_PACE.daysToAllocate,
    daysAllocationToFirstContact: medianDays(toFirstContact) ?? DEFAULT_PACE.daysAllocationToFirstContact,
  };
}

export interface WaitingReferral {
  referralId: string;
  receivedAt: Date;
  allocatedAt: Date | null;
  /** The first attended contact, if there has been one. */
  firstContactAt: Date | null;
  nextBookedContactAt: Date | null;
}

export interface BreachRisk {
  referralId: string;
  /** receivedAt + 28 London calendar days, at the same time of day. */
  breachAt: Date;
  likelyFirstContactAt: Date;
  willBreach: boolean;
  /** London calendar days from now to breachAt; negative once it has passed. */
  daysLeft: number;
  basis: 'attended' | 'booked' | 'allocated-pace' | 'unallocated-pace';
}

const later = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);

/**
 * A booking that can still happen: on or after today. One dated earlier that has no attended
 * contact did not go ahead, so it tells us nothing about when help will start.
 */
function currentBooking(referral: WaitingReferral, now: Date): Date | null {
  const booked = referral.nextBookedContactAt;
  return booked && londonDayNumber(booked) >= londonDayNumber(now) ? booked : null;
}

/**
 * Attended: that date. Booked: the booking. Allocated: max(now, allocatedAt + daysAllocationToFirstContact).
 * Unallocated: max(now, receivedAt + daysToAllocate) + daysAllocationToFirstContact. willBreach when
 * there is no attended contact and likelyFirstContactAt is after breachAt (or breachAt already passed).
 */
export function breachRisk(referral: WaitingReferral, pace: TeamPace, now: Date): BreachRisk {
  const breachAt = addLondonDays(referral.receivedAt, FOUR_WEEKS_DAYS);
  const booking = currentBooking(referral, now);
  let basis: BreachRisk['basis'];
  let likelyFirstContactAt: Date;
  if (referral.firstContactAt) {
    basis = 'attended';
    likelyFirstContactAt = referral.firstContactAt;
  } else if (booking) {
    basis = 'booked';
    likelyFirstContactAt = booking;
  } else if (referral.allocatedAt) {
    basis = 'allocated-pace';
    likelyFirstContactAt = later(now, addLondonDays(referral.allocatedAt, pace.daysAllocationToFirstContact));
  } else {
    basis = 'unallocated-pace';
    const likelyAllocatedAt = later(now, addLondonDays(referral.receivedAt, pace.daysToAllocate));
    likelyFirstContactAt = addLondonDays(likelyAllocatedAt, pace.daysAllocationToFirstContact);
  }
  const breachDay = londonDayNumber(breachAt);
  const willBreach =
    basis !== 'attended' &&
    (londonDayNumber(likelyFirstContactAt) > breachDay || londonDayNumber(now) > breachDay);
  return {
    referralId: referral.referralId,
    breachAt,
    likelyFirstContactAt,
    willBreach,
    daysLeft: londonDaysBetween(now, breachAt),
    basis,
  };
}

/** The seven London days starting today: for each, the referrals whose four weeks end that day with no attended contact, and of them how many have a booking before then. */
export function weekForecast(
  referrals: readonly WaitingReferral[],
  pace: TeamPace,
  now: Date,
): { date: string; reaching28Days: string[]; withBookingInTime: string[] }[] {
  const today = londonDayNumber(now);
  const days = Array.from({ length: 7 }, (_, offset) => ({
    date: isoDateOfDayNumber(today + offset),
    reaching28Days: [] as string[],
    withBookingInTime: [] as string[],
  }));
  for (const referral of referrals) {
    const risk = breachRisk(referral, pace, now);
    if (risk.basis === 'attended') continue;
    const day = days[londonDayNumber(risk.breachAt) - today];
    if (!day) continue;
    day.reaching28Days.push(referral.referralId);
    if (risk.basis === 'booked' && !risk.willBreach) day.withBookingInTime.push(referral.referralId);
  }
  return days;
}
