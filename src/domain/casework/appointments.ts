import { londonWallClock } from '../organisations/opening-hours.js';

/**
 * Appointment rules: where a contact happens (MHSDS ConsMechanismMH, simplified to three media),
 * the school-day rule for in-person contacts, and the reminder sent the day before.
 */

export const contactMedia = ['in-person', 'video', 'phone'] as const;
export type ContactMedium = (typeof contactMedia)[number];

export const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Monday", "Monday and Thursday", "Monday, Tuesday and Thursday". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The London weekday (1 = Monday … 7 = Sunday) an instant falls on. */
export function londonWeekday(at: Date): number {
  return londonWallClock(at).dayOfWeek;
}

export interface SchoolDayFacts {
  startsAt: Date;
  medium: ContactMedium;
  schoolUrn: number | null;
  /** Every day the practitioner works in a school: weekday 1 is Monday, 5 is Friday. */
  practitionerDays: readonly { schoolUrn: number; weekday: number }[];
}

export interface BookingProblem {
  field: 'startsAt' | 'schoolUrn';
  reason: string;
}

/**
 * Where a booking breaks the school-day rule, or null. MHST practitioners see young people in
 * school on the days they work there (DOMAIN.md: "face-to-face contact through an appointment
 * system set by each school"); video and phone need no school (one given is not kept). A practitioner whose school days
 * have not been recorded yet is not held to them (ADR 0020): a new starter must still be able to book.
 */
export function bookingProblem(facts: SchoolDayFacts): BookingProblem | null {
  if (facts.medium !== 'in-person') return null;
  if (facts.schoolUrn === null) {
    return {
      field: 'schoolUrn',
      reason: 'Choose the school where you will meet, or choose video or phone.',
    };
  }
  if (facts.practitionerDays.length === 0) return null;
  const days = [
    ...new Set(facts.practitionerDays.filter((d) => d.schoolUrn === facts.schoolUrn).map((d) => d.weekday)),
  ].sort((a, b) => a - b);
  if (days.length === 0) {
    return {
      field: 'schoolUrn',
      reason: 'You do not work at that school on any day. Choose one of your schools, or video or phone.',
    };
  }
  const weekday = londonWeekday(facts.startsAt);
  if (days.includes(weekday)) return null;
  const names = days.map((d) => weekdayNames[d - 1] ?? '');
  return {
    field: 'startsAt',
    reason: `You are not at that school on ${weekdayNames[weekday - 1]}s. Your ${
      days.length === 1 ? 'day there is' : 'days there are'
    } ${listWords(names)}.`,
  };
}

const HOUR_MS = 3_600_000;

/**
 * When the reminder may be sent: 24 hours before the appointment, or at once if that has passed.
 * Null when the appointment itself has started: nobody needs reminding of the past.
 */
export function reminderNotBefore(startsAt: Date, now: Date): Date | null {
  if (startsAt.getTime() <= now.getTime()) return null;
  const dayBefore = new Date(startsAt.getTime() - 24 * HOUR_MS);
  return dayBefore.getTime() > now.getTime() ? dayBefore : now;
}

export interface ReminderPeople {
  /** The young person's record: the routes chosen (phone, text, email, letter) and their details. */
  child: { contactRoutes: readonly string[]; contactPhone: string | null; contactEmail: string | null };
  carers: readonly { phone: string | null; email: string | null; doNotShare: boolean }[];
  isSelfReferral: boolean;
}

export type ReminderRoute =
  | { channel: 'sms' | 'email'; recipient: string }
  | { channel: null; why: 'no-route' | 'not-safe' };

const samePhone = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.replace(/\D/g, '') === b.replace(/\D/g, '');
const sameEmail = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Who gets a reminder, and how: only a route chosen on the young person's record (a text, else an
 * email). Never a number or address that belongs to a carer marked "do not share"; and when the
 * young person asked for help themselves, never one that belongs to any carer, because the
 * household must not learn of a self-referral (DOMAIN.md, consent and confidentiality).
 */
export function reminderRoute(people: ReminderPeople): ReminderRoute {
  const { child, carers, isSelfReferral } = people;
  const blocked = carers.filter((c) => c.doNotShare || isSelfReferral);
  const options: { channel: 'sms' | 'email'; recipient: string | null; isSafe: boolean }[] = [
    {
      channel: 'sms',
      recipient: child.contactRoutes.includes('text') ? child.contactPhone : null,
      isSafe: !blocked.some((c) => samePhone(c.phone, child.contactPhone)),
    },
    {
      channel: 'email',
      recipient: child.contactRoutes.includes('email') ? child.contactEmail : null,
      isSafe: !blocked.some((c) => sameEmail(c.email, child.contactEmail)),
    },
  ];
  const chosen = options.filter((o) => o.recipient !== null && o.recipient.trim() !== '');
  const safe = chosen.find((o) => o.isSafe);
  if (safe?.recipient) return { channel: safe.channel, recipient: safe.recipient };
  return { channel: null, why: chosen.length > 0 ? 'not-safe' : 'no-route' };
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export const placeWords: Record<ContactMedium, string> = {
  'in-person': 'at school',
  video: 'by video',
  phone: 'by phone',
};

/**
 * The reminder's words: day, time, place and reference only. Never the school's name, the
 * practitioner or what the appointment is for: someone else at home may read it.
 */
export function reminderPersonalisation(startsAt: Date, medium: ContactMedium, reference: string) {
  return {
    day: dayFormat.format(startsAt),
    time: timeFormat.format(startsAt),
    place: placeWords[medium],
    reference,
  };
}
