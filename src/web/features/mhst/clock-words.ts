import type { CaseloadReferral, ContactOut } from '../../../contracts/caseload.js';
import type { WaitingClocksOut } from '../../../contracts/mhst.js';
import {
  type AttendStatus,
  FOUR_WEEKS_DAYS,
  type Milestone,
  milestones,
} from '../../../domain/waiting/clocks.js';
import { addLondonDays } from '../../../domain/waiting/london-days.js';
import { plural } from './mhst-view.js';

// The waiting clocks in plain words. The headline is the first-contact wait, which never pauses:
// paused days are said beside it, never taken off it (ADR 0012).

const london = 'Europe/London';

function londonYear(at: Date): string {
  return at.toLocaleDateString('en-GB', { year: 'numeric', timeZone: london });
}

/** A day in England, such as "20 November", with the year when it is not this year. */
export function dayWords(at: Date | string, now: Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const sameYear = londonYear(date) === londonYear(now);
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: london,
  });
}

/**
 * "Tuesday 1 December" or "Tuesday 1 December 2026", built from its parts: ICU versions differ on
 * whether a comma follows the weekday, and the page should read the same in every browser.
 */
function longDay(at: Date, timeZone: string, withYear: boolean): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone,
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return [part('weekday'), part('day'), part('month'), withYear ? part('year') : '']
    .filter(Boolean)
    .join(' ');
}

/** A day with its weekday, such as "Tuesday 1 December", for the week ahead. */
export function weekdayWords(isoDate: string): string {
  return longDay(new Date(`${isoDate}T12:00:00Z`), 'UTC', false);
}

/** A moment in England as time and day, such as "10:30 on Tuesday 1 December 2026". */
export function appointmentWords(iso: string): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: london });
  return `${time} on ${longDay(at, london, true)}`;
}

/** The day four weeks after the clock started: help should have started by then. */
export function fourWeeksDay(startedAt: string): Date {
  return addLondonDays(new Date(startedAt), FOUR_WEEKS_DAYS);
}

/** The headline: the wait for a first appointment against four weeks. */
export function firstContactSentence(
  clocks: Pick<WaitingClocksOut, 'startedAt' | 'firstContact'>,
  now: Date,
) {
  const { days, isRunning, stoppedAt } = clocks.firstContact;
  const deadline = dayWords(fourWeeksDay(clocks.startedAt), now);
  if (!isRunning && stoppedAt) {
    const seen = `First seen after ${plural(days, 'day')}, on ${dayWords(stoppedAt, now)}`;
    return days <= FOUR_WEEKS_DAYS
      ? `${seen}: within the four-week standard.`
      : `${seen}: ${plural(days - FOUR_WEEKS_DAYS, 'day')} over the four-week standard.`;
  }
  if (days === FOUR_WEEKS_DAYS) {
    return `Waited ${plural(days, 'day')}. Today, ${deadline}, is the last day to be seen within four weeks.`;
  }
  if (days > FOUR_WEEKS_DAYS) {
    return `Waited ${plural(days, 'day')}. The four-week standard was passed on ${deadline}.`;
  }
  return `Waited ${plural(days, 'day')} so far. To be seen within four weeks, the first appointment must be by ${deadline}.`;
}

/** The older NHS England measure: the wait for a second attended appointment. */
export function secondContactSentence(clocks: Pick<WaitingClocksOut, 'secondContact'>, now: Date): string {
  const { days, isRunning, stoppedAt } = clocks.secondContact;
  if (!isRunning && stoppedAt) {
    return `Seen a second time after ${plural(days, 'day')}, on ${dayWords(stoppedAt, now)}.`;
  }
  return `Not seen a second time yet: ${plural(days, 'day')} since the referral.`;
}

export const milestoneWords: Record<Milestone, string> = {
  assessment: 'Assessment',
  'care-plan': 'Care plan',
  intervention: 'Intervention started',
  'baseline-measure': 'Baseline measure (outcome questionnaire)',
};

/** Names in a list: "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Milestones not yet recorded, in the order NHS England lists them. */
export function missingMilestones(recorded: readonly Milestone[]): Milestone[] {
  return milestones.filter((milestone) => !recorded.includes(milestone));
}

/**
 * The referral spell's clock stop: all four milestones recorded. `recorded` is null where the page
 * does not know which have been recorded.
 */
export function clockStopSentence(
  clocks: Pick<WaitingClocksOut, 'clockStop'>,
  recorded: readonly Milestone[] | null,
  now: Date,
): string {
  const { days, isRunning, stoppedAt } = clocks.clockStop;
  if (!isRunning && stoppedAt) {
    return `The clock stopped after ${plural(days, 'day')}, on ${dayWords(stoppedAt, now)}, when all four milestones had been recorded.`;
  }
  const still = `Still running after ${plural(days, 'day')}.`;
  if (recorded === null)
    return `${still} It stops when the assessment, care plan, intervention and baseline measure are all recorded.`;
  const missing = missingMilestones(recorded).map((m) => milestoneWords[m].toLowerCase());
  return `${still} Still to record: ${listWords(missing)}.`;
}

/** Paused days, said beside the headline wait; never taken off it. */
export function pausedSentences(
  clocks: Pick<WaitingClocksOut, 'pausedDays' | 'firstContact' | 'firstContactLessChosenPauses'>,
): string[] {
  const chosen = clocks.pausedDays['young-person-choice'];
  const asked = clocks.pausedDays['more-information'];
  if (chosen === 0 && asked === 0) return ['No time paused.'];
  const lines: string[] = [];
  if (chosen > 0) {
    lines.push(
      `The young person asked to wait for ${plural(chosen, 'day')}. These days are shown beside the wait, not taken off it. Without them the wait would be ${plural(clocks.firstContactLessChosenPauses, 'day')}.`,
    );
  }
  if (asked > 0) {
    lines.push(
      `${plural(asked, 'day')} waiting for more information from the referrer, also counted in the wait.`,
    );
  }
  return lines;
}

/** When the young person's referrals were joined into one spell. */
export function spellSentence(count: number): string | null {
  if (count <= 1) return null;
  return `This is one of ${count} referrals for this young person received within 5 days of each other. They count as one request for help, so the clocks start at the first.`;
}

export const attendWords: Record<AttendStatus, string> = {
  attended: 'Attended',
  'late-seen': 'Arrived late but was seen',
  'did-not-attend': 'Did not attend',
  'cancelled-by-patient': 'Cancelled by the young person or family',
  'cancelled-by-service': 'Cancelled by us',
};

/** Where an appointment happens, in words: the school's name, or how it is held remotely. */
export function placeWords(contact: Pick<ContactOut, 'medium' | 'schoolName'>): string {
  if (contact.medium === 'video') return 'By video';
  if (contact.medium === 'phone') return 'By phone';
  return contact.schoolName ? `In person at ${contact.schoolName}` : 'In person';
}

/** What kind of appointment, with a group session's programme. */
export function kindWords(contact: Pick<ContactOut, 'kind' | 'groupProgramme'>): string {
  if (contact.kind !== 'group-therapy') return 'One-to-one';
  return contact.groupProgramme ? `Group session: ${contact.groupProgramme}` : 'Group session';
}

const channelWords = { sms: 'text', email: 'email' } as const;

/** How this young person's reminders go, or why there are none. */
export function remindersSentence(reminders: CaseloadReferral['reminders']): string {
  if (reminders.channel !== null) {
    return `Reminders go by ${channelWords[reminders.channel]} the day before each appointment, to the route chosen on the referral.`;
  }
  return reminders.why === 'no-route'
    ? 'No reminders are sent: no text or email contact route was chosen.'
    : 'No reminders are sent: the contact route chosen may be shared with someone who must not be told.';
}

/** One appointment's reminder, in words. */
export function reminderWords(
  contact: Pick<ContactOut, 'reminder' | 'attendStatus' | 'startsAt'>,
  reminders: CaseloadReferral['reminders'],
  now: Date,
): string {
  const { reminder } = contact;
  if (reminder?.state === 'waiting') return `Reminder by ${channelWords[reminder.channel]} the day before`;
  if (reminder?.state === 'sent') return `Reminder sent by ${channelWords[reminder.channel]}`;
  if (reminder?.state === 'withdrawn') return 'Reminder withdrawn';
  if (contact.attendStatus !== null || Date.parse(contact.startsAt) <= now.getTime()) return 'None';
  if (reminders.channel === null) {
    return reminders.why === 'no-route'
      ? 'No reminder: no contact route chosen'
      : 'No reminder: the contact route may not be safe';
  }
  return 'No reminder';
}
