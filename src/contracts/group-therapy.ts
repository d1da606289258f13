import { z } from 'zod';
import { attendStatuses } from '../domain/waiting/clocks.js';

// Group therapy with known attendees (DOMAIN.md "Group work"): one session, recorded as a contact
// in each young person's record.

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be a date and time' });

export const RecordGroupSessionInput = z
  .object({
    teamId: z.string().uuid('choose a team'),
    schoolUrn: z.number().int().positive().nullable().default(null),
    programme: z
      .string()
      .trim()
      .min(2, 'give the name of the programme, such as "Managing worry"')
      .max(120, 'must be 120 characters or fewer'),
    startsAt: isoDateTime,
    attendees: z
      .array(
        z.object({
          referralId: z.string().uuid('must be a referral id'),
          attendStatus: z.enum(attendStatuses),
        }),
      )
      .min(1, 'choose at least one young person')
      .max(30, 'must be 30 young people or fewer'),
  })
  .refine((input) => new Set(input.attendees.map((a) => a.referralId)).size === input.attendees.length, {
    path: ['attendees'],
    message: 'list each young person once',
  });
export type RecordGroupSessionInput = z.infer<typeof RecordGroupSessionInput>;

export const GroupSessionSaved = z.object({ id: z.string(), contacts: z.number().int() });
export type GroupSessionSaved = z.infer<typeof GroupSessionSaved>;

export const GroupTeamQuery = z.object({ teamId: z.string().uuid('must be a team id').optional() });

const Team = z.object({ id: z.string(), name: z.string() });

export const GroupSessionSummary = z.object({
  id: z.string(),
  programme: z.string(),
  startsAt: z.string(),
  schoolName: z.string().nullable(),
  facilitatorName: z.string(),
  /** Young people you can see who attended (on time or late but seen), and who did not. */
  attended: z.number().int(),
  notAttended: z.number().int(),
  /** Whether this programme's sessions so far count towards access (≥2 young people over ≥2 sessions). */
  programmeCountsTowardsAccess: z.boolean(),
});
export type GroupSessionSummary = z.infer<typeof GroupSessionSummary>;

export const GroupSessionList = z.object({
  teams: z.array(Team),
  teamId: z.string(),
  items: z.array(GroupSessionSummary),
});
export type GroupSessionList = z.infer<typeof GroupSessionList>;

export const GroupCandidate = z.object({
  referralId: z.string(),
  reference: z.string(),
  childName: z.string(),
  status: z.enum(['group-waiting-list', 'in-intervention']),
  groupName: z.string().nullable(),
  schoolName: z.string().nullable(),
});
export type GroupCandidate = z.infer<typeof GroupCandidate>;

export const GroupCandidates = z.object({
  teamId: z.string(),
  items: z.array(GroupCandidate),
  schools: z.array(z.object({ urn: z.number().int(), name: z.string() })),
});
export type GroupCandidates = z.infer<typeof GroupCandidates>;
