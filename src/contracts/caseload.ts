import { z } from 'zod';
import { contactMedia } from '../domain/casework/appointments.js';
import { attendStatuses, milestones } from '../domain/waiting/clocks.js';
import { AllocationRecord, WaitingClocksOut, WaitingEntry } from './mhst.js';

// A practitioner's caseload: the young people allocated to them, their contacts and clock milestones.

export const CaseloadEntry = WaitingEntry.extend({
  /** Allocated in the last 7 days with no contact booked yet: the practitioner should get in touch. */
  isNew: z.boolean(),
});
export type CaseloadEntry = z.infer<typeof CaseloadEntry>;
export const Caseload = z.object({ items: z.array(CaseloadEntry), capacity: z.number().int().nullable() });
export type Caseload = z.infer<typeof Caseload>;

export const ContactOut = z.object({
  id: z.string(),
  version: z.number().int(),
  startsAt: z.string(),
  schoolUrn: z.number().int().nullable(),
  schoolName: z.string().nullable(),
  kind: z.enum(['one-to-one', 'group-therapy']),
  attendStatus: z.enum(attendStatuses).nullable(),
  practitionerName: z.string(),
  medium: z.enum(contactMedia),
  /** For a group therapy contact: the programme the session belonged to. */
  groupProgramme: z.string().nullable(),
  /** The reminder for this appointment, if one was queued: waiting, sent, or withdrawn. */
  reminder: z
    .object({ channel: z.enum(['sms', 'email']), state: z.enum(['waiting', 'sent', 'withdrawn']) })
    .nullable(),
});
export type ContactOut = z.infer<typeof ContactOut>;

export const CaseloadReferral = z.object({
  referral: WaitingEntry,
  needDescription: z.string(),
  clocks: WaitingClocksOut,
  contacts: z.array(ContactOut),
  milestones: z.array(z.object({ id: z.string(), milestone: z.enum(milestones), occurredAt: z.string() })),
  pauses: z.array(
    z.object({ id: z.string(), startsOn: z.string(), endsOn: z.string().nullable(), note: z.string() }),
  ),
  allocations: z.array(AllocationRecord),
  schools: z.array(z.object({ urn: z.number().int(), name: z.string() })),
  /**
   * How appointment reminders reach the young person: by text or email, or none because no such
   * route was chosen ('no-route') or the route chosen is not safe to use ('not-safe').
   */
  reminders: z.union([
    z.object({ channel: z.enum(['sms', 'email']) }),
    z.object({ channel: z.null(), why: z.enum(['no-route', 'not-safe']) }),
  ]),
});
export type CaseloadReferral = z.infer<typeof CaseloadReferral>;

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be a date and time' });

export const BookContactInput = z.object({
  startsAt: isoDateTime,
  /** Null for video or phone; any school given with them is not kept. */
  schoolUrn: z.number().int().positive().nullable(),
  kind: z.enum(['one-to-one', 'group-therapy']).default('one-to-one'),
  medium: z.enum(contactMedia).default('in-person'),
});
/** Moving a booked appointment (If-Match: its version): a new time, and where it happens. */
export const MoveContactInput = z.object({
  startsAt: isoDateTime,
  schoolUrn: z.number().int().positive().nullable(),
  medium: z.enum(contactMedia),
});
export const AttendanceInput = z.object({ attendStatus: z.enum(attendStatuses) });
export const MilestoneInput = z.object({ milestone: z.enum(milestones), occurredAt: isoDateTime });
export const PauseInput = z
  .object({
    startsOn: isoDateTime,
    endsOn: isoDateTime.nullable(),
    note: z.string().trim().min(3, 'say why the young person asked to wait').max(500),
  })
  .refine((p) => p.endsOn === null || p.endsOn >= p.startsOn, {
    path: ['endsOn'],
    message: 'must be on or after the start',
  });
export const ContactChanged = z.object({
  id: z.string(),
  version: z.number().int(),
  referralStatus: z.string(),
});
export type ContactChanged = z.infer<typeof ContactChanged>;
