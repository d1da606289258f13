import { z } from 'zod';
import { thriveGroupings } from '../domain/organisations/thrive.js';
import {
  declineReasonCodes,
  priorityCodes,
  triageDecisionCodes,
} from '../domain/referrals/triage-decisions.js';
import { CalendarDate, UkPhone } from './referral-form.js';

const notes = (max: number) =>
  z.string().max(max, `must be ${max.toLocaleString('en-GB')} characters or fewer`);

export const ReferralStatusCode = z.enum([
  'received',
  'more-information-requested',
  'awaiting-mdt',
  'accepted',
  'signposted',
  'declined',
  'allocated',
  'group-waiting-list',
  'in-intervention',
  'discharged',
]);

export const TriageQueueQuery = z.object({
  status: z.enum(['open', 'received', 'more-information-requested', 'awaiting-mdt']).default('open'),
});

export const TriageQueueItem = z.object({
  id: z.string(),
  reference: z.string(),
  childName: z.string(),
  age: z.number().int(),
  schoolName: z.string().nullable(),
  source: z.string(),
  receivedAt: z.string(),
  daysWaiting: z.number().int(),
  isUrgent: z.boolean(),
  priority: z.enum(priorityCodes).nullable(),
  status: ReferralStatusCode,
  presentingNeeds: z.array(z.string()),
  otherReferrals: z.number().int(),
  hasPossibleDuplicate: z.boolean(),
});
export const TriageQueue = z.object({ items: z.array(TriageQueueItem) });
export type TriageQueueItem = z.infer<typeof TriageQueueItem>;

export const DecisionRecord = z.object({
  id: z.string(),
  kind: z.enum(triageDecisionCodes),
  thriveGrouping: z.enum(thriveGroupings),
  priority: z.enum(priorityCodes),
  serviceName: z.string().nullable(),
  teamName: z.string().nullable(),
  signpostedTo: z.array(z.string()),
  informationSent: z.string().nullable(),
  question: z.string().nullable(),
  declineReason: z.enum(declineReasonCodes).nullable(),
  notes: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  mdtMeetingId: z.string().nullable(),
});

/** An action agreed at an MDT meeting: what, who from which agency, and by when. */
export const MdtAction = z.object({
  description: z.string(),
  ownerName: z.string(),
  ownerAgency: z.string(),
  dueOn: z.string(),
});

export const LeadWorker = z.object({
  name: z.string(),
  agency: z.string(),
  phone: z.string().nullable(),
  since: z.string(),
});

export const PossibleDuplicate = z.object({
  childId: z.string(),
  childName: z.string(),
  dateOfBirth: z.string(),
  schoolName: z.string().nullable(),
  reasons: z.array(z.string()),
  referralCount: z.number().int(),
});

/** Everything triage needs about one referral: the child, the answers, and what has been decided. */
export const TriageReferral = z.object({
  id: z.string(),
  reference: z.string(),
  version: z.number().int(),
  status: ReferralStatusCode,
  receivedAt: z.string(),
  daysWaiting: z.number().int(),
  source: z.string(),
  isUrgent: z.boolean(),
  priority: z.enum(priorityCodes).nullable(),
  thriveGrouping: z.enum(thriveGroupings).nullable(),
  child: z.object({
    id: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    dateOfBirth: z.string(),
    age: z.number().int(),
    nhsNumber: z.string().nullable(),
    gender: z.string().nullable(),
    genderSelfDescription: z.string().nullable(),
    ethnicity: z.string().nullable(),
    schoolName: z.string().nullable(),
    schoolUrn: z.number().int().nullable(),
    postcode: z.string().nullable(),
    gpPractice: z.string().nullable(),
    contactRoutes: z.array(z.string()),
    contactPhone: z.string().nullable(),
    contactEmail: z.string().nullable(),
    canLeaveMessage: z.boolean(),
  }),
  carers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      relationship: z.string(),
      hasParentalResponsibility: z.boolean(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      doNotShare: z.boolean(),
      doNotShareReason: z.string().nullable(),
    }),
  ),
  presentingNeeds: z.array(z.string()),
  needDescription: z.string(),
  needDuration: z.string().nullable(),
  needImpact: z.string().nullable(),
  triedSoFar: z.string(),
  risk: z.object({
    riskToLifeNow: z.boolean(),
    recentSelfHarm: z.boolean(),
    riskToOthers: z.boolean(),
    details: z.string(),
  }),
  consent: z
    .object({
      consentedBy: z.string(),
      status: z.string(),
      isGillickCompetent: z.boolean().nullable(),
      gillickAssessedBy: z.string().nullable(),
      parentsMayBeTold: z.string(),
      youngPersonAgrees: z.string().nullable(),
      recordedAt: z.string(),
    })
    .nullable(),
  referrer: z.object({
    name: z.string().nullable(),
    role: z.string().nullable(),
    organisation: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  decisions: z.array(DecisionRecord),
  otherReferrals: z.array(
    z.object({ id: z.string(), reference: z.string(), receivedAt: z.string(), status: ReferralStatusCode }),
  ),
  possibleDuplicates: z.array(PossibleDuplicate),
  leadWorker: LeadWorker.nullable(),
  /** What the referrer sent back when triage asked for more. */
  information: z.array(z.object({ answer: z.string(), givenBy: z.string(), givenAt: z.string() })),
  mdt: z.array(
    z.object({
      meetingId: z.string(),
      heldAt: z.string(),
      sharedDecision: z.string().nullable(),
      actions: z.array(MdtAction),
    }),
  ),
});
export type TriageReferral = z.infer<typeof TriageReferral>;

const base = {
  thriveGrouping: z.enum(thriveGroupings, { error: 'Choose a THRIVE grouping' }),
  priority: z.enum(priorityCodes, { error: 'Choose a priority' }),
  notes: notes(5000).default(''),
};

/** One triage decision. Sent with If-Match: the referral's version, so two clinicians cannot both decide. */
export const TriageDecisionInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('accept'),
      ...base,
      service: z
        .string({ error: 'Choose the service that will help' })
        .min(1, 'Choose the service that will help'),
      teamId: z.string().uuid('must be a team').optional(),
    }),
    z.object({
      kind: z.literal('signpost'),
      ...base,
      signpostedTo: z.array(z.string()).min(1, 'Choose at least one service to point them to'),
      informationSent: notes(5000).trim().min(1, 'Say what information was sent'),
    }),
    z.object({
      kind: z.literal('more-information'),
      ...base,
      question: notes(2000).trim().min(1, 'Say what you need to know'),
    }),
    z.object({
      kind: z.literal('decline'),
      ...base,
      declineReason: z.enum(declineReasonCodes, { error: 'Choose a reason' }),
    }),
    z.object({ kind: z.literal('mdt'), ...base }),
  ],
  { error: 'Choose a decision' },
);
export type TriageDecisionInput = z.infer<typeof TriageDecisionInput>;

export const LeadWorkerInput = z.object({
  name: z.string().trim().min(1, 'Enter their name').max(200),
  agency: z.string().trim().min(1, 'Enter the agency they work for').max(200),
  phone: UkPhone.optional(),
});

export const MergeChildrenInput = z.object({
  mergedChildId: z.string().uuid('must be a child record'),
  reason: z
    .string()
    .trim()
    .min(10, 'Say why these are the same young person, in at least 10 characters')
    .max(1000),
});
export const UndoMergeInput = z.object({
  reason: z.string().trim().min(10, 'Say why this merge was wrong, in at least 10 characters').max(1000),
});

export const CreateMdtMeetingInput = z.object({
  heldAt: z.string().datetime({ offset: true, error: 'must be a date and time' }),
  agenciesPresent: z.array(z.string().trim().min(1).max(200)).min(1, 'Name at least one agency').max(20),
  referralIds: z.array(z.string().uuid()).max(50).default([]),
});
export const AddToAgendaInput = z.object({ referralId: z.string().uuid('must be a referral') });

export const MdtOutcomeInput = z.object({
  sharedDecision: z.string().trim().min(1, 'Write down what the agencies agreed').max(5000),
  actions: z
    .array(
      z.object({
        description: z.string().trim().min(1, 'Say what will be done').max(1000),
        ownerName: z.string().trim().min(1, 'Say who will do it').max(200),
        ownerAgency: z.string().trim().min(1, 'Say which agency they work for').max(200),
        dueOn: CalendarDate,
      }),
    )
    .max(20)
    .default([]),
});

export const MdtMeeting = z.object({
  id: z.string(),
  heldAt: z.string(),
  agenciesPresent: z.array(z.string()),
  agenda: z.array(
    z.object({
      itemId: z.string(),
      referralId: z.string(),
      reference: z.string(),
      childName: z.string(),
      status: ReferralStatusCode,
      sharedDecision: z.string().nullable(),
      actions: z.array(MdtAction),
    }),
  ),
});
export const MdtMeetingCreated = z.object({ id: z.string() });
export const MdtMeetingList = z.object({
  meetings: z.array(
    z.object({
      id: z.string(),
      heldAt: z.string(),
      agenciesPresent: z.array(z.string()),
      items: z.number().int(),
    }),
  ),
});

/** What a referrer sees about referrals they made: the status and who is helping, not clinical detail. */
export const MyReferral = z.object({
  id: z.string(),
  reference: z.string(),
  childName: z.string(),
  receivedAt: z.string(),
  status: ReferralStatusCode,
  statusText: z.string(),
  acceptedBy: z.string().nullable(),
  signpostedTo: z.array(z.string()),
  declineReason: z.string().nullable(),
  alternatives: z.string().nullable(),
  question: z.string().nullable(),
  leadWorker: LeadWorker.nullable(),
});
export const MyReferralList = z.object({ referrals: z.array(MyReferral) });

export const OutboxList = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      channel: z.string(),
      template: z.string(),
      recipient: z.string(),
      body: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
    }),
  ),
});

export type TriageQueue = z.infer<typeof TriageQueue>;
export type LeadWorkerInput = z.infer<typeof LeadWorkerInput>;
export type MergeChildrenInput = z.infer<typeof MergeChildrenInput>;
export type UndoMergeInput = z.infer<typeof UndoMergeInput>;
export type CreateMdtMeetingInput = z.infer<typeof CreateMdtMeetingInput>;
export type MdtOutcomeInput = z.infer<typeof MdtOutcomeInput>;
export type MdtMeeting = z.infer<typeof MdtMeeting>;
export type MdtMeetingList = z.infer<typeof MdtMeetingList>;
export type MyReferralList = z.infer<typeof MyReferralList>;
export type OutboxList = z.infer<typeof OutboxList>;

/** The answer to a change on a referral: its new version, for the next If-Match. */
export const ReferralChanged = z.object({
  id: z.string(),
  version: z.number().int(),
  status: ReferralStatusCode,
  statusText: z.string(),
});
export type ReferralChanged = z.infer<typeof ReferralChanged>;

export const MoreInformationInput = z.object({
  answer: z
    .string()
    .trim()
    .min(1, 'Write your answer to the question')
    .max(5000, 'must be 5,000 characters or fewer'),
});
export type MoreInformationInput = z.infer<typeof MoreInformationInput>;
