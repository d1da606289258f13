import { z } from 'zod';
import {
  dischargeChoiceCodes,
  dischargeOutcomeCodes,
  dischargeReasonCodes,
  interventionCodes,
  presentingProblemCodes,
  riskLevelCodes,
} from '../domain/casework/episode.js';

// An episode of care as the practitioner works it: assessment with risk and safety plan, care-plan
// goals, the intervention chosen, and how it closed, with who the closing letters go to.

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be a date and time' });

export const AssessmentOut = z.object({
  id: z.string(),
  assessedAt: z.string(),
  presentingProblems: z.array(z.string()),
  summary: z.string(),
  riskLevel: z.enum(riskLevelCodes),
  riskDetail: z.string(),
  safetyPlan: z.string(),
  inConfidence: z.boolean(),
  recordedByName: z.string(),
});
export type AssessmentOut = z.infer<typeof AssessmentOut>;

export const GoalOut = z.object({
  id: z.string(),
  goal: z.string(),
  agreedAt: z.string(),
  status: z.enum(['active', 'achieved', 'stopped']),
  statusChangedAt: z.string().nullable(),
  version: z.number().int(),
});
export type GoalOut = z.infer<typeof GoalOut>;

export const OnwardReferralOut = z.object({
  id: z.string(),
  direction: z.enum(['step-up', 'step-down', 'onward']),
  serviceName: z.string(),
  reason: z.string(),
  referredAt: z.string(),
});

export const LetterRecipientOut = z.object({
  who: z.enum(['referrer', 'young-person', 'carer']),
  label: z.string(),
  channel: z.enum(['email', 'sms']),
  address: z.string(),
  template: z.enum(['discharge-referrer', 'discharge-family']),
});
export const NotWrittenOut = z.object({
  who: z.enum(['referrer', 'young-person', 'carer']),
  label: z.string(),
  reason: z.string(),
});
export const LettersOut = z.object({
  recipients: z.array(LetterRecipientOut),
  notWritten: z.array(NotWrittenOut),
});
export type LettersOut = z.infer<typeof LettersOut>;

export const EpisodeOut = z.object({
  /** Null for an older allocation with no episode row yet: the row is made on the first change. */
  id: z.string().nullable(),
  version: z.number().int(),
  status: z.enum(['open', 'stepped-up', 'stepped-down', 'discharged']),
  openedAt: z.string().nullable(),
  intervention: z.enum(interventionCodes).nullable(),
  interventionChosenAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.enum(dischargeReasonCodes).nullable(),
  closeOutcome: z.enum(dischargeOutcomeCodes).nullable(),
  closeSummary: z.string().nullable(),
});

export const EpisodeView = z.object({
  referralId: z.string(),
  reference: z.string(),
  name: z.string(),
  referralStatus: z.string(),
  episode: EpisodeOut,
  /** Newest first: the first is the one in force. */
  assessments: z.array(AssessmentOut),
  goals: z.array(GoalOut),
  onwardReferrals: z.array(OnwardReferralOut),
  letters: LettersOut,
});
export type EpisodeView = z.infer<typeof EpisodeView>;

export const AssessmentInput = z
  .object({
    presentingProblems: z.array(z.enum(presentingProblemCodes)).min(1, 'choose at least one').max(10),
    summary: z.string().trim().min(3, 'write a short summary').max(4000),
    riskLevel: z.enum(riskLevelCodes, 'choose low, medium or high'),
    riskDetail: z.string().trim().max(4000).default(''),
    safetyPlan: z.string().trim().max(4000).default(''),
    inConfidence: z.boolean().default(false),
    assessedAt: isoDateTime,
  })
  .refine((a) => a.riskLevel === 'low' || a.safetyPlan.length >= 3, {
    path: ['safetyPlan'],
    message: 'is needed when risk is medium or high',
  })
  .refine((a) => a.riskLevel === 'low' || a.riskDetail.length >= 3, {
    path: ['riskDetail'],
    message: 'say what the risk is when it is medium or high',
  });
export type AssessmentInput = z.infer<typeof AssessmentInput>;

export const GoalInput = z.object({
  goal: z.string().trim().min(3, 'write the goal in the young person’s words').max(500),
  agreedAt: isoDateTime,
});
export type GoalInput = z.infer<typeof GoalInput>;
export const GoalStatusInput = z.object({
  status: z.enum(['achieved', 'stopped'], 'choose achieved or stopped'),
});
export type GoalStatusInput = z.infer<typeof GoalStatusInput>;
export const InterventionInput = z.object({
  intervention: z.enum(interventionCodes, 'choose an intervention'),
});
export type InterventionInput = z.infer<typeof InterventionInput>;

const serviceName = z.string().trim().min(2, 'name the service').max(200);
const stepReason = z.string().trim().min(3, 'say why').max(2000);
const summary = z.string().trim().max(4000).default('');

export const ClosureInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('step-up'), serviceName, reason: stepReason, summary }),
  z.object({ kind: z.literal('step-down'), serviceName, reason: stepReason, summary }),
  z.object({ kind: z.literal('onward'), serviceName, reason: stepReason, summary }),
  z.object({
    kind: z.literal('discharge'),
    reason: z.enum(dischargeChoiceCodes, 'choose why help is finishing'),
    outcome: z.enum(dischargeOutcomeCodes, 'choose how things went'),
    summary: z.string().trim().min(3, 'write a short summary').max(4000),
  }),
]);
export type ClosureInput = z.infer<typeof ClosureInput>;

export const EpisodeChanged = z.object({ id: z.string(), version: z.number().int(), status: z.string() });
export type EpisodeChanged = z.infer<typeof EpisodeChanged>;
export const GoalChanged = z.object({ id: z.string(), version: z.number().int(), status: z.string() });
export type GoalChanged = z.infer<typeof GoalChanged>;
export const Closed = EpisodeChanged.extend({ letters: LettersOut, referralStatus: z.string() });
export type Closed = z.infer<typeof Closed>;
