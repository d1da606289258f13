import { z } from 'zod';
import { priorityCodes } from '../domain/referrals/triage-decisions.js';
import { ReferralStatusCode } from './triage.js';

// Mental Health Support Teams: waiting lists, allocation, the week's forecast, team capacity.

export const trays = ['awaiting-allocation', 'allocated', 'in-intervention', 'group-waiting-list'] as const;
export type Tray = (typeof trays)[number];
export const trayLabels: Record<Tray, string> = {
  'awaiting-allocation': 'Awaiting allocation',
  allocated: 'Allocated, awaiting first appointment',
  'in-intervention': 'In intervention',
  'group-waiting-list': 'Group waiting list',
};

const Rag = z.enum(['green', 'amber', 'red']);
const reason = (what: string) =>
  z.string().trim().min(3, `give the reason for ${what}`).max(500, 'must be 500 characters or fewer');

export const MhstTeam = z.object({
  id: z.string(),
  name: z.string(),
  serviceName: z.string(),
  schoolCount: z.number().int(),
  awaitingAllocation: z.number().int(),
});
export const MhstTeamList = z.object({ items: z.array(MhstTeam) });
export type MhstTeamList = z.infer<typeof MhstTeamList>;
export type MhstTeam = z.infer<typeof MhstTeam>;

export const WaitingListQuery = z.object({
  tray: z.enum(trays).default('awaiting-allocation'),
  schoolUrn: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1, 'must be 1 or more').max(1000).default(1),
});
export const WAITING_PAGE_SIZE = 100;

export const WaitingEntry = z.object({
  referralId: z.string(),
  reference: z.string(),
  version: z.number().int(),
  childName: z.string(),
  age: z.number().int(),
  schoolUrn: z.number().int().nullable(),
  schoolName: z.string().nullable(),
  receivedAt: z.string(),
  /** Calendar days since the referral was received (the headline clock: it never pauses). */
  daysWaited: z.number().int(),
  daysLeft: z.number().int(),
  rag: Rag,
  priority: z.enum(priorityCodes).nullable(),
  isUrgent: z.boolean(),
  presentingNeeds: z.array(z.string()),
  status: ReferralStatusCode,
  allocatedTo: z.string().nullable(),
  groupName: z.string().nullable(),
  allocatedAt: z.string().nullable(),
  nextContactAt: z.string().nullable(),
  firstContactAt: z.string().nullable(),
  /** Will likely pass four weeks before a first contact (the breach forecast). */
  isAtRisk: z.boolean(),
});
export type WaitingEntry = z.infer<typeof WaitingEntry>;

export const WaitingList = z.object({
  team: z.object({ id: z.string(), name: z.string() }),
  tray: z.enum(trays),
  counts: z.record(z.enum(trays), z.number().int()),
  schools: z.array(z.object({ urn: z.number().int(), name: z.string() })),
  /** Referrals in this tray (and school, if chosen); items holds one page of them. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Open breach alerts for the team, shown as a banner linking to the forecast. */
  openAlerts: z.number().int(),
  items: z.array(WaitingEntry),
});
export type WaitingList = z.infer<typeof WaitingList>;

export const SuggestionReason = z.object({ kind: z.string(), points: z.number(), text: z.string() });
export const Suggestion = z.object({
  userId: z.string(),
  displayName: z.string(),
  score: z.number(),
  spareCapacity: z.number().int(),
  caseload: z.number().int(),
  capacity: z.number().int(),
  reasons: z.array(SuggestionReason),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const AllocationRecord = z.object({
  id: z.string(),
  kind: z.enum(['practitioner', 'group-waiting-list']),
  practitionerName: z.string().nullable(),
  groupName: z.string().nullable(),
  reason: z.string(),
  isBulk: z.boolean(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
});

export const ClockViewOut = z.object({
  days: z.number().int(),
  isRunning: z.boolean(),
  stoppedAt: z.string().nullable(),
});
export const WaitingClocksOut = z.object({
  startedAt: z.string(),
  firstContact: ClockViewOut,
  secondContact: ClockViewOut,
  clockStop: ClockViewOut,
  pausedDays: z.object({ 'more-information': z.number().int(), 'young-person-choice': z.number().int() }),
  firstContactLessChosenPauses: z.number().int(),
  rag: Rag,
  /** Other referrals for the same young person that share the spell (received within 5 days). */
  spellReferralCount: z.number().int(),
});
export type WaitingClocksOut = z.infer<typeof WaitingClocksOut>;

export const Preferences = z.object({
  practitionerGender: z.enum(['female', 'male']).nullable(),
  language: z.string().trim().max(60, 'must be 60 characters or fewer').nullable(),
});
export type Preferences = z.infer<typeof Preferences>;

export const AllocationView = z.object({
  referral: WaitingEntry,
  teamId: z.string(),
  clocks: WaitingClocksOut,
  preferences: Preferences,
  suggestions: z.array(Suggestion),
  history: z.array(AllocationRecord),
  groups: z.array(z.string()),
});
export type AllocationView = z.infer<typeof AllocationView>;

export const AllocateInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('practitioner'),
    userId: z.string().uuid('choose a practitioner'),
    reason: reason('this allocation'),
  }),
  z.object({
    kind: z.literal('group-waiting-list'),
    groupName: z.string().trim().min(3, 'name the group').max(120, 'must be 120 characters or fewer'),
    reason: reason('this allocation'),
  }),
]);
export type AllocateInput = z.infer<typeof AllocateInput>;

export const BulkAllocateInput = z.object({
  items: z
    .array(
      z.object({
        referralId: z.string().uuid('must be a referral id'),
        version: z.number().int().positive(),
        /** A practitioner of the team; left out, the top suggestion is used. */
        userId: z.string().uuid('choose a practitioner').optional(),
      }),
    )
    .min(1, 'choose at least one referral')
    .max(100, 'allocate at most 100 at once'),
  reason: reason('these allocations'),
});
export type BulkAllocateInput = z.infer<typeof BulkAllocateInput>;

export const Allocated = z.object({
  referralId: z.string(),
  outcome: z.enum(['allocated', 'changed-since-you-looked', 'not-found', 'no-practitioner-with-space']),
  version: z.number().int().nullable(),
  practitionerName: z.string().nullable(),
});
export const BulkAllocated = z.object({ results: z.array(Allocated) });
export type BulkAllocated = z.infer<typeof BulkAllocated>;

export const ForecastDay = z.object({
  date: z.string(),
  reaching28Days: z.array(
    z.object({
      referralId: z.string(),
      reference: z.string(),
      childName: z.string(),
      hasBooking: z.boolean(),
    }),
  ),
});
export const BreachAlert = z.object({
  id: z.string(),
  referralId: z.string(),
  reference: z.string(),
  childName: z.string(),
  raisedAt: z.string(),
  breachAt: z.string(),
  likelyFirstContactAt: z.string(),
  basis: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export const TeamForecast = z.object({
  team: z.object({ id: z.string(), name: z.string() }),
  pace: z.object({ daysToAllocate: z.number(), daysAllocationToFirstContact: z.number() }),
  days: z.array(ForecastDay),
  alerts: z.array(BreachAlert),
});
export type TeamForecast = z.infer<typeof TeamForecast>;

export const PractitionerCapacity = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.string(),
  caseload: z.number().int(),
  capacity: z.number().int(),
  gender: z.string().nullable(),
  languages: z.array(z.string()),
  version: z.number().int(),
  schoolDays: z.array(z.object({ schoolUrn: z.number().int(), weekday: z.number().int() })),
});
export const TeamCapacity = z.object({
  team: z.object({ id: z.string(), name: z.string(), baseSchoolName: z.string().nullable() }),
  /** Everyone in the team and their role: managers, clinical lead, supervisors and practitioners. */
  members: z.array(
    z.object({ userId: z.string(), displayName: z.string(), role: z.string(), roleLabel: z.string() }),
  ),
  practitioners: z.array(PractitionerCapacity),
  schools: z.array(
    z.object({
      urn: z.number().int(),
      name: z.string(),
      linkPractitionerId: z.string().nullable(),
      linkPractitionerName: z.string().nullable(),
    }),
  ),
});
export type TeamCapacity = z.infer<typeof TeamCapacity>;

export const PractitionerCapacityInput = z.object({
  caseloadCapacity: z.number().int().min(0, 'must be 0 or more').max(100, 'must be 100 or fewer'),
  gender: z.string().trim().max(40, 'must be 40 characters or fewer').nullable(),
  languages: z.array(z.string().trim().min(1).max(40)).max(10, 'list at most 10 languages'),
  schoolDays: z
    .array(
      z.object({
        schoolUrn: z.number().int().positive(),
        weekday: z.number().int().min(1).max(5, 'must be Monday to Friday'),
      }),
    )
    .max(50),
});
export const LinkPractitionerInput = z.object({ userId: z.string().uuid('choose a practitioner') });

export const Changed = z.object({ id: z.string(), version: z.number().int() });
