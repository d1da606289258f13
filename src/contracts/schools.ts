import { z } from 'zod';
import { type ReferralStatus, referralStatuses } from '../domain/referrals/triage-decisions.js';
import {
  consultationOutcomes,
  groupSessionKinds,
  planActionStatuses,
} from '../domain/schools/whole-school.js';
import { CalendarDate } from './referral-form.js';

// Mental Health Support Teams' work with schools: the whole-school approach, the professionals'
// consultation line, school staff confidence surveys, and the school's own dashboard.

const words = (max: number, missing: string) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, missing)
    .max(max, `must be ${max.toLocaleString('en-GB')} characters or fewer`);
const optionalWords = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, `must be ${max.toLocaleString('en-GB')} characters or fewer`);
const Instant = z.string({ error: 'must be a date and time' }).datetime({
  offset: true,
  error: 'must be a date and time, such as 2026-11-30T14:00:00Z',
});

export const SchoolInReach = z.object({
  urn: z.number().int(),
  name: z.string(),
  phase: z.string(),
  /** The Mental Health Support Team(s) serving the school, if any. */
  teamName: z.string().nullable(),
});
export const SchoolList = z.object({ schools: z.array(SchoolInReach) });
export type SchoolList = z.infer<typeof SchoolList>;

// The whole-school plan, by tier of the graduated model.

export const PlanActionStatus = z.enum(planActionStatuses, { error: 'Choose a status' });

export const PlanAction = z.object({
  id: z.string(),
  tier: z.number().int(),
  action: z.string(),
  owner: z.string(),
  dueOn: z.string().nullable(),
  status: PlanActionStatus,
  version: z.number().int(),
  recordedAt: z.string(),
});
export type PlanAction = z.infer<typeof PlanAction>;

export const CreatePlanActionInput = z.object({
  tier: z
    .number({ error: 'Choose a tier from 1 to 4' })
    .int('Choose a tier from 1 to 4')
    .min(1, 'Choose a tier from 1 to 4')
    .max(4, 'Choose a tier from 1 to 4'),
  action: words(1000, 'Say what will be done'),
  owner: words(200, 'Say who will do it'),
  dueOn: CalendarDate.optional(),
  status: PlanActionStatus.default('planned'),
});
export type CreatePlanActionInput = z.infer<typeof CreatePlanActionInput>;

/** The whole action as it should now read. Sent with If-Match: the version it changes. */
export const UpdatePlanActionInput = z.object({
  action: words(1000, 'Say what will be done'),
  owner: words(200, 'Say who will do it'),
  dueOn: CalendarDate.nullable().optional(),
  status: PlanActionStatus,
});
export type UpdatePlanActionInput = z.infer<typeof UpdatePlanActionInput>;

// Group sessions: workshops, assemblies, parent sessions and staff training. Counted, never named.

export const GroupSessionKind = z.enum(groupSessionKinds, { error: 'Choose the kind of session' });

export const GroupSession = z.object({
  id: z.string(),
  kind: GroupSessionKind,
  kindLabel: z.string(),
  topic: z.string(),
  heldAt: z.string(),
  attendeeCount: z.number().int(),
  yearGroups: z.string(),
  deliveredBy: z.string(),
});

export const CreateGroupSessionInput = z.object({
  kind: GroupSessionKind,
  topic: words(200, 'Say what the session was about'),
  heldAt: Instant,
  attendeeCount: z
    .number({ error: 'Enter how many attended, as a number' })
    .int('Enter a whole number')
    .min(0, 'cannot be less than 0')
    .max(5000, 'must be 5,000 or fewer'),
  yearGroups: optionalWords(100).default(''),
  deliveredBy: words(200, 'Say who delivered it'),
});
export type CreateGroupSessionInput = z.infer<typeof CreateGroupSessionInput>;

// Advice to school staff. A child is named only when needed, by linking their referral.

export const StaffConsultation = z.object({
  id: z.string(),
  givenAt: z.string(),
  staffRole: z.string(),
  topic: z.string(),
  advice: z.string(),
  referralId: z.string().nullable(),
});

export const CreateStaffConsultationInput = z.object({
  givenAt: Instant,
  staffRole: words(200, 'Say the role of the member of staff, such as Head of Year 8'),
  topic: words(200, 'Say what they asked about'),
  advice: words(5000, 'Write down the advice given'),
  referralId: z.string().uuid('must be a referral id').optional(),
});
export type CreateStaffConsultationInput = z.infer<typeof CreateStaffConsultationInput>;

// School Link meetings between the school and specialist services.

export const LinkMeeting = z.object({
  id: z.string(),
  heldAt: z.string(),
  attendees: z.array(z.string()),
  discussed: z.string(),
  agreedActions: z.string(),
});

export const CreateLinkMeetingInput = z.object({
  heldAt: Instant,
  attendees: z
    .array(words(200, 'Name each person or agency'))
    .min(1, 'Name at least one person or agency')
    .max(30, 'Name 30 or fewer'),
  discussed: words(5000, 'Say what was discussed'),
  agreedActions: optionalWords(5000).default(''),
});
export type CreateLinkMeetingInput = z.infer<typeof CreateLinkMeetingInput>;

export const Recorded = z.object({ id: z.string() });
export const CallLogged = z.object({ id: z.string(), responseMinutes: z.number().int().nullable() });

export const WholeSchool = z.object({
  school: SchoolInReach,
  leads: z.array(z.object({ name: z.string() })),
  tiers: z.array(
    z.object({
      tier: z.number().int(),
      name: z.string(),
      description: z.string(),
      ledBy: z.string(),
      actions: z.array(PlanAction),
    }),
  ),
  groupSessions: z.array(GroupSession),
  consultations: z.array(StaffConsultation),
  linkMeetings: z.array(LinkMeeting),
});
export type WholeSchool = z.infer<typeof WholeSchool>;

// The professionals' consultation line.

export const ConsultationOutcome = z.enum(consultationOutcomes, { error: 'Choose an outcome' });

export const CreateConsultationCallInput = z.object({
  /** Needed only by someone on the line for more than one team. */
  teamId: z.string().uuid('must be a team id').optional(),
  receivedAt: Instant,
  advisedAt: Instant.optional(),
  callerRole: words(200, "Say the caller's role, such as GP or school nurse"),
  callerOrganisation: words(200, 'Say where the caller works'),
  schoolUrn: z.number().int('must be a school URN').positive('must be a school URN').optional(),
  question: words(5000, 'Write down what they asked'),
  advice: optionalWords(5000).default(''),
  outcome: ConsultationOutcome.optional(),
});
export type CreateConsultationCallInput = z.infer<typeof CreateConsultationCallInput>;

export const ConsultationCallsQuery = z.object({
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});
export type ConsultationCallsQuery = z.infer<typeof ConsultationCallsQuery>;

export const ConsultationCall = z.object({
  id: z.string(),
  teamName: z.string(),
  receivedAt: z.string(),
  advisedAt: z.string().nullable(),
  /** Minutes from the call to the advice; null until advice is given. */
  responseMinutes: z.number().int().nullable(),
  callerRole: z.string(),
  callerOrganisation: z.string(),
  schoolUrn: z.number().int().nullable(),
  schoolName: z.string().nullable(),
  question: z.string(),
  advice: z.string(),
  outcome: ConsultationOutcome.nullable(),
  outcomeLabel: z.string().nullable(),
  handledBy: z.string(),
});

export const ConsultationCallList = z.object({
  from: z.string(),
  to: z.string(),
  calls: z.array(ConsultationCall),
  summary: z.object({
    count: z.number().int(),
    medianResponseMinutes: z.number().nullable(),
    byOutcome: z.array(
      z.object({ outcome: ConsultationOutcome, label: z.string(), count: z.number().int() }),
    ),
    /** Calls with no outcome recorded yet. */
    withoutOutcome: z.number().int(),
  }),
});
export type ConsultationCallList = z.infer<typeof ConsultationCallList>;

// School staff confidence surveys.

export const SurveyPhase = z.enum(['before', 'after'], { error: 'Choose before or after' });

export const OpenSurveyInput = z.object({
  phase: SurveyPhase,
  closesOn: CalendarDate,
});
export type OpenSurveyInput = z.infer<typeof OpenSurveyInput>;

/** Shown once: only a hash of the secret is kept, so the link cannot be shown again. */
export const SurveyOpened = z.object({
  id: z.string(),
  phase: SurveyPhase,
  closesOn: z.string(),
  secret: z.string(),
  /** The web page staff answer on: share this link with the school's staff. */
  path: z.string(),
});
export type SurveyOpened = z.infer<typeof SurveyOpened>;

export const SurveyForStaff = z.object({
  schoolName: z.string(),
  phase: SurveyPhase,
  closesOn: z.string(),
  isOpen: z.boolean(),
  statements: z.array(z.object({ id: z.string(), text: z.string() })),
  scale: z.array(z.object({ value: z.number().int(), label: z.string() })),
});

export const SurveyAnswerInput = z.object({
  answers: z.record(z.string(), z.number({ error: 'must be a number on the scale' })),
});
export type SurveyAnswerInput = z.infer<typeof SurveyAnswerInput>;
export const SurveyAnswered = z.object({ received: z.literal(true) });
export type SurveyForStaff = z.infer<typeof SurveyForStaff>;

/** The domain's surveyResult: every figure null when fewer than SURVEY_MIN_RESPONSES answered. */
export const SurveyRoundResult = z.object({
  responseCount: z.number().int(),
  isSuppressed: z.boolean(),
  statements: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      meanScore: z.number().nullable(),
      agreePercent: z.number().nullable(),
      answered: z.number().int().nullable(),
    }),
  ),
});

export const SurveyRound = z.object({
  id: z.string(),
  phase: SurveyPhase,
  opensAt: z.string(),
  closesOn: z.string(),
  isOpen: z.boolean(),
  result: SurveyRoundResult,
});

/** Mean scores before and after the team's work, from the latest round of each with answers. */
export const SurveyChangeResult = z.object({
  beforeId: z.string(),
  afterId: z.string(),
  statements: z.array(
    z.object({
      statementId: z.string(),
      text: z.string(),
      before: z.number().nullable(),
      after: z.number().nullable(),
      change: z.number().nullable(),
    }),
  ),
});

export const SchoolSurveys = z.object({
  minimumResponses: z.number().int(),
  rounds: z.array(SurveyRound),
  change: SurveyChangeResult.nullable(),
});
export type SchoolSurveys = z.infer<typeof SchoolSurveys>;

// The school's dashboard for its senior mental health lead: statuses and counts, no clinical detail.

export const SchoolDashboard = z.object({
  school: SchoolInReach,
  referrals: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      childName: z.string(),
      receivedAt: z.string(),
      status: z.enum(Object.keys(referralStatuses) as [ReferralStatus, ...ReferralStatus[]]),
      statusText: z.string(),
      isWaiting: z.boolean(),
      /** London days since the referral was received, while still waiting for help to start. */
      daysWaited: z.number().int().nullable(),
    }),
  ),
  waiting: z.object({
    count: z.number().int(),
    medianDays: z.number().nullable(),
    longestDays: z.number().int().nullable(),
  }),
  delivered: z.object({
    since: z.string(),
    groupSessions: z.array(
      z.object({
        kind: GroupSessionKind,
        label: z.string(),
        sessions: z.number().int(),
        attendees: z.number().int(),
      }),
    ),
    consultations: z.number().int(),
    linkMeetings: z.number().int(),
  }),
  surveys: SchoolSurveys,
});
export type SchoolDashboard = z.infer<typeof SchoolDashboard>;
