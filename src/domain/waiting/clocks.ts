import { londonDayNumber, londonDaysBetween } from './london-days.js';

/**
 * The waiting clocks for one referral (or one referral spell, see spells.ts), following DOMAIN.md
 * "Waiting times" and ADR 0012.
 *
 * - Every clock starts when the referral was received (MHSDS ReferralRequestReceivedDate).
 * - The headline clocks never pause. The national standard does not pause, and a service must not
 *   be able to shorten its waits by asking the referrer questions (ADR 0012). Time spent paused is
 *   reported beside the headline (`pausedDays`), never taken off it. The one figure with chosen
 *   waits taken off (`firstContactLessChosenPauses`) is a secondary view, never the headline.
 * - A contact or milestone dated before the referral was received, or after `now`, is ignored: it
 *   is a mistake, or a booking that has not happened yet.
 * - Only an attended contact stops a clock (attended on time, or late but seen). A young person
 *   who did not attend, or an appointment cancelled by either side, has not had help yet.
 * - Days are London calendar days, so a clock change does not add or lose a day.
 */

/** The proposed standard: help starts within four weeks of the request for service. */
export const FOUR_WEEKS_DAYS = 28;

export const attendStatuses = [
  'attended',
  'late-seen',
  'did-not-attend',
  'cancelled-by-patient',
  'cancelled-by-service',
] as const;
export type AttendStatus = (typeof attendStatuses)[number];

/** Whether the young person was seen: on time, or late but still seen. */
export function isAttended(status: AttendStatus | null): boolean {
  return status === 'attended' || status === 'late-seen';
}

/** The four things NHS England needs recorded before a referral spell's clock stops. */
export const milestones = ['assessment', 'care-plan', 'intervention', 'baseline-measure'] as const;
export type Milestone = (typeof milestones)[number];

export const pauseReasons = ['more-information', 'young-person-choice'] as const;
export type PauseReason = (typeof pauseReasons)[number];

/** A contact; `attendStatus` is null while it is booked but has not happened yet. */
export interface ClockContact {
  at: Date;
  attendStatus: AttendStatus | null;
}

/** A stretch of waiting for a reason outside the service's hands; `to` is null while it lasts. */
export interface ClockPause {
  from: Date;
  to: Date | null;
  reason: PauseReason;
}

export interface ClockInput {
  receivedAt: Date;
  contacts: readonly ClockContact[];
  milestones: readonly { milestone: Milestone; at: Date }[];
  pauses: readonly ClockPause[];
}

/** One clock: London calendar days from the start to the stop, or to now while it runs. */
export interface ClockView {
  stoppedAt: Date | null;
  days: number;
  isRunning: boolean;
}

export interface WaitingClocks {
  startedAt: Date;
  /** First attended contact: the proposed four-week standard. */
  firstContact: ClockView;
  /** Second attended contact: the older NHS England measure. */
  secondContact: ClockView;
  /** All four milestones recorded: the clock stop for referral spells. */
  clockStop: ClockView;
  /** Calendar days paused, up to the first contact (or now), for showing beside the headline. */
  pausedDays: Record<PauseReason, number>;
  /** First-contact wait less the days the young person chose to wait: a secondary view, never the headline. */
  firstContactLessChosenPauses: number;
}

function clockView(startedAt: Date, stoppedAt: Date | null, now: Date): ClockView {
  return {
    stoppedAt,
    days: Math.max(0, londonDaysBetween(startedAt, stoppedAt ?? now)),
    isRunning: stoppedAt === null,
  };
}

function inWindow(at: Date, receivedAt: Date, now: Date): boolean {
  return at.getTime() >= receivedAt.getTime() && at.getTime() <= now.getTime();
}

/** When every milestone has been recorded: the latest of each milestone's earliest time. */
function clockStopAt(input: ClockInput, now: Date): Date | null {
  const earliest = new Map<Milestone, number>();
  for (const { milestone, at } of input.milestones) {
    if (!inWindow(at, input.receivedAt, now)) continue;
    const seen = earliest.get(milestone);
    if (seen === undefined || at.getTime() < seen) earliest.set(milestone, at.getTime());
  }
  if (earliest.size < milestones.length) return null;
  return new Date(Math.max(...earliest.values()));
}

/**
 * Calendar days inside pauses of one reason between `start` and `end`. Overlapping pauses are
 * merged first so a day is not counted twice; each merged stretch counts the London calendar days
 * from its start to its end, so the total can never exceed the days from `start` to `end`.
 */
function pausedDaysFor(pauses: readonly ClockPause[], reason: PauseReason, start: Date, end: Date): number {
  const stretches = pauses
    .filter((pause) => pause.reason === reason)
    .map((pause) => ({
      from: Math.max(pause.from.getTime(), start.getTime()),
      to: Math.min((pause.to ?? end).getTime(), end.getTime()),
    }))
    .filter((stretch) => stretch.from < stretch.to)
    .sort((a, b) => a.from - b.from);
  let days = 0;
  let current: { from: number; to: number } | null = null;
  for (const stretch of stretches) {
    if (current && stretch.from <= current.to) {
      current.to = Math.max(current.to, stretch.to);
      continue;
    }
    if (current) days += londonDayNumber(new Date(current.to)) - londonDayNumber(new Date(current.from));
    current = { ...stretch };
  }
  if (current) days += londonDayNumber(new Date(current.to)) - londonDayNumber(new Date(current.from));
  return days;
}

export function waitingClocks(input: ClockInput, now: Date): WaitingClocks {
  const { receivedAt } = input;
  const attended = input.contacts
    .filter((contact) => isAttended(contact.attendStatus) && inWindow(contact.at, receivedAt, now))
    .map((contact) => contact.at)
    .sort((a, b) => a.getTime() - b.getTime());
  const firstContact = clockView(receivedAt, attended[0] ?? null, now);
  const secondContact = clockView(receivedAt, attended[1] ?? null, now);
  const clockStop = clockView(receivedAt, clockStopAt(input, now), now);
  // Pauses only matter while the young person is waiting for their first contact.
  const pauseEnd = firstContact.stoppedAt ?? now;
  const pausedDays = {
    'more-information': pausedDaysFor(input.pauses, 'more-information', receivedAt, pauseEnd),
    'young-person-choice': pausedDaysFor(input.pauses, 'young-person-choice', receivedAt, pauseEnd),
  };
  return {
    startedAt: receivedAt,
    firstContact,
    secondContact,
    clockStop,
    pausedDays,
    firstContactLessChosenPauses: Math.max(0, firstContact.days - pausedDays['young-person-choice']),
  };
}

export type Rag = 'green' | 'amber' | 'red';

/** Three weeks: the point a running clock turns amber, a week before the standard is missed. */
const AMBER_FROM_DAYS = 21;

/** Running clocks: green under 21 days, amber 21–27, red 28 or more. Stopped clocks: green if days <= 28 else red. */
export function ragFor(view: ClockView): Rag {
  if (!view.isRunning) return view.days <= FOUR_WEEKS_DAYS ? 'green' : 'red';
  if (view.days >= FOUR_WEEKS_DAYS) return 'red';
  return view.days >= AMBER_FROM_DAYS ? 'amber' : 'green';
}

/** Days until the four weeks are up; negative once they have passed. */
export function daysLeft(view: ClockView): number {
  return FOUR_WEEKS_DAYS - view.days;
}
