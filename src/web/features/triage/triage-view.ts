import type { Problem } from '../../../contracts/problem.js';
import { webPaths } from '../../../contracts/web-paths.js';
import {
  type DeclineReason,
  declineReasons,
  type ReferralStatus,
  referralStatuses,
} from '../../../domain/referrals/triage-decisions.js';
import { ApiError } from '../../api.js';
import type { FieldError } from '../../components/form.js';

// Pure helpers for the triage, MDT, referrer and outbox pages: words, dates, waiting-time cues,
// request bodies and error lines. No React here, so each is unit tested.

export function triageReferralPath(referralId: string): string {
  return webPaths.triageReferral.replace(':referralId', referralId);
}

export function mdtMeetingPath(meetingId: string): string {
  return webPaths.mdtMeeting.replace(':meetingId', meetingId);
}

/** True when the signed-in person holds the permission (a string, so new permissions type-check). */
export function hasPermission(permissions: readonly string[] | undefined, permission: string): boolean {
  return permissions?.includes(permission) === true;
}

export const queueStatuses = {
  open: 'All open',
  received: 'Received',
  'more-information-requested': 'Waiting for more information',
  'awaiting-mdt': 'Awaiting MDT',
} as const;
export type QueueStatus = keyof typeof queueStatuses;

/** The queue filter from the address bar; anything unknown means all open referrals. */
export function parseQueueStatus(value: string | null): QueueStatus {
  return value !== null && Object.hasOwn(queueStatuses, value) ? (value as QueueStatus) : 'open';
}

export function statusWords(status: string): string {
  return Object.hasOwn(referralStatuses, status) ? referralStatuses[status as ReferralStatus] : status;
}

const sources: Record<string, string> = {
  school: 'School',
  gp: 'GP',
  professional: 'Another professional',
  parent: 'Parent or carer',
  self: 'Young person (self-referral)',
};

export function sourceWords(source: string): string {
  return sources[source] ?? source;
}

const london = 'Europe/London';

/** A moment as a date in England, such as "3 Mar 2025". */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: london,
  });
}

/** A moment as date and time in England, such as "3 Mar 2025, 14:05". */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: london,
  });
}

/** A calendar date (YYYY-MM-DD) such as a date of birth, which has no time zone. */
export function formatCalendarDate(date: string): string {
  return new Date(`${date.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function londonDay(at: Date): string {
  return at.toLocaleDateString('en-CA', { timeZone: london });
}

/** Working days (Monday to Friday) from the day received to today in England, not counting the first day. */
export function workingDaysSince(receivedAt: string, now: Date): number {
  const day = new Date(`${londonDay(new Date(receivedAt))}T12:00:00Z`);
  const end = new Date(`${londonDay(now)}T12:00:00Z`);
  let count = 0;
  while (day < end) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

export const fourWeeks = { days: 28, workingDays: 20 } as const;

export interface WaitingCue {
  level: 'red' | 'amber' | 'green';
  tagClass: string;
  /** Short words for the tag. */
  label: string;
  /** The full sentence, for the table cell and screen readers. */
  words: string;
}

/**
 * How long a referral has waited against the four-week standard (28 days, or 20 working days):
 * red when over it, amber in its last week, green otherwise. The words carry the meaning, so
 * the colour is never the only cue.
 */
export function waitingCue(days: number, workingDays: number): WaitingCue {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const waited = `${plural(days, 'day')} (${plural(workingDays, 'working day')})`;
  if (days > fourWeeks.days || workingDays > fourWeeks.workingDays) {
    return {
      level: 'red',
      tagClass: 'nhsuk-tag nhsuk-tag--red',
      label: 'Over 4 weeks',
      words: `${waited}: over the four-week standard`,
    };
  }
  if (days >= fourWeeks.days - 7 || workingDays >= fourWeeks.workingDays - 5) {
    const left = Math.max(0, Math.min(fourWeeks.days - days, fourWeeks.workingDays - workingDays));
    return {
      level: 'amber',
      tagClass: 'nhsuk-tag nhsuk-tag--orange',
      label: 'Near 4 weeks',
      words: `${waited}: ${left === 0 ? 'the four-week standard ends today' : `${plural(left, 'day')} left of the four-week standard`}`,
    };
  }
  return {
    level: 'green',
    tagClass: 'nhsuk-tag nhsuk-tag--green',
    label: 'Within 4 weeks',
    words: `${waited}: within the four-week standard`,
  };
}

export function declineWords(code: string): { text: string; alternative: string } | null {
  return Object.hasOwn(declineReasons, code) ? declineReasons[code as DeclineReason] : null;
}

/** Newest first, without changing the list given. */
export function newestFirst<T extends { recordedAt: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt));
}

const fieldLabels: Record<string, string> = {
  kind: 'Decision',
  thriveGrouping: 'THRIVE grouping',
  priority: 'Priority',
  service: 'Service',
  teamId: 'Team',
  signpostedTo: 'Services signposted to',
  informationSent: 'Information sent',
  question: 'Question',
  declineReason: 'Reason',
  notes: 'Notes',
  name: 'Name',
  agency: 'Agency',
  phone: 'Phone number',
  mergedChildId: 'Record to merge',
  reason: 'Reason',
  heldAt: 'Date and time',
  agenciesPresent: 'Agencies present',
  referralIds: 'Referrals',
  referralId: 'Referral',
  sharedDecision: 'Shared decision',
  description: 'What will be done',
  ownerName: 'Who will do it',
  ownerAgency: 'Their agency',
  dueOn: 'Due date',
};

/**
 * One error-summary line. Reasons written as sentences ("Choose a priority") stand alone; reasons
 * that finish a sentence ("must be a team") get the field's name in front.
 */
export function fieldMessage(name: string, reason: string): string {
  if (!/^[a-z]/.test(reason)) return reason;
  const last = name.split('.').at(-1) ?? name;
  return `${fieldLabels[last] ?? last} ${reason}`;
}

/** Turns a failed request into error-summary lines; field ids get `prefix` so several forms can share a page. */
export function problemLines(error: unknown, fallbackField: string, prefix = ''): FieldError[] {
  if (!(error instanceof ApiError)) {
    return [
      {
        field: prefix + fallbackField,
        message: 'Something went wrong. Check your connection and try again.',
      },
    ];
  }
  const problem: Problem = error.problem;
  if (problem.status === 400 && problem.invalidParams?.length) {
    const seen = new Set<string>();
    return problem.invalidParams.flatMap((param) => {
      if (seen.has(param.name)) return [];
      seen.add(param.name);
      return [{ field: prefix + param.name, message: fieldMessage(param.name, param.reason) }];
    });
  }
  return [{ field: prefix + fallbackField, message: problem.detail ?? problem.title }];
}

/** Schema issues (from the shared contracts) as error-summary lines, the first per field. */
export function issueLines(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix = '',
): FieldError[] {
  const lines = new Map<string, string>();
  for (const issue of issues) {
    const name = issue.path.map(String).join('.') || 'form';
    if (!lines.has(name)) lines.set(name, fieldMessage(name, issue.message));
  }
  return [...lines].map(([name, message]) => ({ field: prefix + name, message }));
}

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.problem.status === 412;
}

/**
 * The idempotency key for a submission: the same key when the same body is sent again (a retry),
 * a new one when the body changed (a new attempt).
 */
export function keyFor(
  previous: { key: string; body: string } | null,
  body: unknown,
  newKey: () => string,
): { key: string; body: string } {
  const json = JSON.stringify(body);
  return previous && previous.body === json ? previous : { key: newKey(), body: json };
}

/**
 * A random UUID for the idempotency-key header. `crypto.randomUUID` exists only on HTTPS or
 * localhost, so elsewhere (a test server on the local network) the key is built from random bytes.
 */
export function newIdempotencyKey(
  source: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = crypto,
): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function londonOffsetMinutes(at: Date): number {
  const name =
    new Intl.DateTimeFormat('en-GB', { timeZone: london, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** A date (YYYY-MM-DD) and time (HH:MM) on a clock in England, as an ISO moment with its offset. */
export function londonDateTime(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const asUtc = new Date(`${date}T${time}:00Z`);
  if (Number.isNaN(asUtc.getTime()) || asUtc.toISOString().slice(0, 16) !== `${date}T${time}`) return null;
  let offset = londonOffsetMinutes(new Date(asUtc.getTime() - londonOffsetMinutes(asUtc) * 60_000));
  offset = londonOffsetMinutes(new Date(asUtc.getTime() - offset * 60_000));
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${date}T${time}:00${sign}${hh}:${mm}`;
}
