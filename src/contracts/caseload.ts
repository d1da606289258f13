import { z } from 'zod';
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
  schoolName: z.string().nullable(),
  kind: z.enum(['one-to-one', 'group-therapy']),
  attendStatus: z.enum(attendStatuses).nullable(),
  practitionerName: z.string(),
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
});
export type CaseloadReferral = z.infer<typeof CaseloadReferral>;

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be a date and time' });

export const BookContactInput = z.object({
  startsAt: isoDateTime,
  schoolUrn: z.number().int().positive().nullable(),
  kind: z.enum(['one-to-one', 'group-therapy']).default('one-to-one'),
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
