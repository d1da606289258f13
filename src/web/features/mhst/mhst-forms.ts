import type { AllocateInput, BulkAllocateInput, Preferences } from '../../../contracts/mhst.js';
import { londonDate } from '../../../domain/people/child-details.js';
import type { Milestone } from '../../../domain/waiting/clocks.js';
import { ApiError } from '../../api.js';
import type { FieldError } from '../../components/form.js';
import { londonDateTime } from '../triage/triage-view.js';

// The MHST and caseload forms' answers as typed, checked in plain words before they are sent,
// and the request bodies built from them. Field names match the API's, so its errors line up.

export type Checked<T> = { body: T } | { errors: FieldError[] };

const fieldLabels: Record<string, string> = {
  reason: 'Reason',
  userId: 'Practitioner',
  groupName: 'Group name',
  items: 'Referrals',
  practitionerGender: 'Gender',
  language: 'Language',
  caseloadCapacity: 'Caseload capacity',
  gender: 'Gender',
  languages: 'Languages',
  schoolDays: 'School days',
  schoolUrn: 'School',
  weekday: 'Day',
  startsAt: 'Date and time',
  kind: 'Kind of appointment',
  attendStatus: 'Attendance',
  milestone: 'Milestone',
  occurredAt: 'Date',
  startsOn: 'Start date',
  endsOn: 'End date',
  note: 'Note',
};

const imperative = /^(give|name|choose|say|enter|select|list|allocate)\b/;

/**
 * One error-summary line from a reason the API gave: instructions ("give the reason …") become a
 * sentence; fragments ("must be 0 or more") get the field's name in front.
 */
export function fieldMessage(name: string, reason: string): string {
  if (!/^[a-z]/.test(reason)) return reason;
  if (imperative.test(reason)) return reason.charAt(0).toUpperCase() + reason.slice(1);
  const last = name
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .at(-1);
  return `${(last && fieldLabels[last]) ?? 'This answer'} ${reason}`;
}

/** A failed request as error-summary lines; `fieldId` turns the API's field name into the page's id. */
export function problemLines(
  error: unknown,
  fallbackField: string,
  fieldId: (name: string) => string = (name) => name,
): FieldError[] {
  if (!(error instanceof ApiError)) {
    return [
      {
        field: fieldId(fallbackField),
        message: 'Something went wrong. Check your connection and try again.',
      },
    ];
  }
  const { problem } = error;
  if (problem.status === 400 && problem.invalidParams?.length) {
    const seen = new Set<string>();
    return problem.invalidParams.flatMap((param) => {
      const field = fieldId(param.name.split('.')[0] ?? param.name);
      if (seen.has(field)) return [];
      seen.add(field);
      return [{ field, message: fieldMessage(param.name, param.reason) }];
    });
  }
  return [{ field: fieldId(fallbackField), message: problem.detail ?? problem.title }];
}

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.problem.status === 412;
}

function checkReason(reason: string, field: string, what: string): FieldError[] {
  const trimmed = reason.trim();
  if (trimmed.length < 3) return [{ field, message: `Give the reason for ${what}` }];
  if (trimmed.length > 500) return [{ field, message: 'The reason must be 500 characters or fewer' }];
  return [];
}

export function checkAllocation(
  userId: string,
  reason: string,
  reasonId: string,
): Checked<Extract<AllocateInput, { kind: 'practitioner' }>> {
  const errors = checkReason(reason, reasonId, 'this allocation');
  return errors.length > 0 ? { errors } : { body: { kind: 'practitioner', userId, reason: reason.trim() } };
}

export interface GroupForm {
  /** An existing group's name, or 'new'. */
  choice: string;
  newName: string;
  reason: string;
}

export function checkGroup(form: GroupForm): Checked<Extract<AllocateInput, { kind: 'group-waiting-list' }>> {
  const errors: FieldError[] = [];
  const groupName = form.choice === 'new' ? form.newName.trim() : form.choice;
  if (form.choice === '')
    errors.push({ field: 'group-choice', message: 'Choose a group, or name a new one' });
  else if (form.choice === 'new' && groupName.length < 3) {
    errors.push({ field: 'group-new-name', message: 'Enter the name of the new group' });
  } else if (groupName.length > 120) {
    errors.push({ field: 'group-new-name', message: 'The group name must be 120 characters or fewer' });
  }
  errors.push(...checkReason(form.reason, 'group-reason', 'putting them on this group’s waiting list'));
  return errors.length > 0
    ? { errors }
    : { body: { kind: 'group-waiting-list', groupName, reason: form.reason.trim() } };
}

export function checkBulk(
  selected: readonly { referralId: string; version: number }[],
  reason: string,
): Checked<BulkAllocateInput> {
  const errors: FieldError[] = [];
  if (selected.length === 0)
    errors.push({ field: 'bulk-select', message: 'Select at least one referral to allocate' });
  if (selected.length > 100) errors.push({ field: 'bulk-select', message: 'Select 100 referrals or fewer' });
  errors.push(...checkReason(reason, 'bulk-reason', 'these allocations'));
  if (errors.length > 0) return { errors };
  return {
    body: {
      items: selected.map(({ referralId, version }) => ({ referralId, version })),
      reason: reason.trim(),
    },
  };
}

export function checkPreferences(gender: string, language: string): Checked<Preferences> {
  const spoken = language.trim();
  if (spoken.length > 60) {
    return { errors: [{ field: 'pref-language', message: 'The language must be 60 characters or fewer' }] };
  }
  return {
    body: {
      practitionerGender: gender === 'female' || gender === 'male' ? gender : null,
      language: spoken === '' ? null : spoken,
    },
  };
}

export interface PractitionerForm {
  capacity: string;
  gender: string;
  languages: string;
  /** School URN to the weekdays (1 = Monday) spent there. */
  days: Record<string, number[]>;
}

export interface PractitionerBody {
  caseloadCapacity: number;
  gender: string | null;
  languages: string[];
  schoolDays: { schoolUrn: number; weekday: number }[];
}

/** Languages typed as a list: "Polish, Urdu" or one a line. */
export function splitLanguages(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[,\n]/)
    .map((language) => language.trim())
    .filter((language) => {
      const key = language.toLowerCase();
      if (language === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export function checkPractitioner(form: PractitionerForm, prefix: string): Checked<PractitionerBody> {
  const errors: FieldError[] = [];
  const capacity = form.capacity.trim();
  if (!/^\d{1,3}$/.test(capacity) || Number(capacity) > 100) {
    errors.push({
      field: `${prefix}capacity`,
      message: 'Enter the caseload capacity as a whole number from 0 to 100',
    });
  }
  const languages = splitLanguages(form.languages);
  if (languages.length > 10)
    errors.push({ field: `${prefix}languages`, message: 'List 10 languages or fewer' });
  if (languages.some((language) => language.length > 40)) {
    errors.push({ field: `${prefix}languages`, message: 'Each language must be 40 characters or fewer' });
  }
  if (form.gender.trim().length > 40) {
    errors.push({ field: `${prefix}gender`, message: 'Gender must be 40 characters or fewer' });
  }
  if (errors.length > 0) return { errors };
  return {
    body: {
      caseloadCapacity: Number(capacity),
      gender: form.gender.trim() === '' ? null : form.gender.trim(),
      languages,
      schoolDays: Object.entries(form.days).flatMap(([urn, days]) =>
        [...new Set(days)].sort((a, b) => a - b).map((weekday) => ({ schoolUrn: Number(urn), weekday })),
      ),
    },
  };
}

export interface BookingForm {
  date: string;
  time: string;
  /** A school URN, 'remote', or '' when not chosen. */
  place: string;
  kind: 'one-to-one' | 'group-therapy';
}

export function checkBooking(
  form: BookingForm,
): Checked<{ startsAt: string; schoolUrn: number | null; kind: 'one-to-one' | 'group-therapy' }> {
  const errors: FieldError[] = [];
  const startsAt = londonDateTime(form.date, form.time);
  if (!startsAt) {
    errors.push({
      field: 'book-date',
      message: 'Enter the date and time of the appointment, such as 14/03/2027 at 10:00',
    });
  }
  if (form.place === '')
    errors.push({ field: 'book-place', message: 'Choose where the appointment will be' });
  if (errors.length > 0 || !startsAt) return { errors };
  return {
    body: { startsAt, schoolUrn: form.place === 'remote' ? null : Number(form.place), kind: form.kind },
  };
}

/**
 * When a milestone happened, from the day chosen: now if it is today (a later time would not count
 * yet), otherwise midday in England, never before the referral was received that same day.
 */
export function milestoneMoment(date: string, now: Date, receivedAt: string): string | null {
  if (date === londonDate(now)) return now.toISOString();
  const midday = londonDateTime(date, '12:00');
  if (!midday) return null;
  const received = new Date(receivedAt);
  if (Date.parse(midday) < received.getTime() && londonDate(received) === date) return received.toISOString();
  return midday;
}

export function checkMilestone(
  milestone: string,
  date: string,
  now: Date,
  receivedAt: string,
  valid: readonly Milestone[],
): Checked<{ milestone: Milestone; occurredAt: string }> {
  const errors: FieldError[] = [];
  const chosen = valid.find((m) => m === milestone);
  if (!chosen) errors.push({ field: 'milestone', message: 'Choose what was done' });
  const occurredAt = milestoneMoment(date, now, receivedAt);
  if (!occurredAt)
    errors.push({ field: 'milestone-date', message: 'Enter the date it was done, such as 14/03/2027' });
  else if (Date.parse(occurredAt) > now.getTime()) {
    errors.push({ field: 'milestone-date', message: 'The date must be today or in the past' });
  }
  if (errors.length > 0 || !chosen || !occurredAt) return { errors };
  return { body: { milestone: chosen, occurredAt } };
}

export function checkPause(
  startsOn: string,
  endsOn: string,
  note: string,
): Checked<{ startsOn: string; endsOn: string | null; note: string }> {
  const errors: FieldError[] = [];
  const start = londonDateTime(startsOn, '00:00');
  const end = endsOn.trim() === '' ? null : londonDateTime(endsOn, '00:00');
  if (!start) errors.push({ field: 'pause-start', message: 'Enter the date they asked to wait from' });
  if (endsOn.trim() !== '' && !end)
    errors.push({ field: 'pause-end', message: 'Enter a real date, or leave it empty' });
  else if (start && end && startsOn > endsOn) {
    errors.push({
      field: 'pause-end',
      message: 'The date they are ready must be on or after the date they asked to wait from',
    });
  }
  if (note.trim().length < 3)
    errors.push({ field: 'pause-note', message: 'Say why the young person asked to wait' });
  else if (note.trim().length > 500)
    errors.push({ field: 'pause-note', message: 'The note must be 500 characters or fewer' });
  if (errors.length > 0 || !start) return { errors };
  return { body: { startsOn: start, endsOn: end, note: note.trim() } };
}
