import { z } from 'zod';
import { riskCategories } from '../domain/online/risk-phrases.js';

// Risk in online support (ADR 0021): the risk phrase list, a risk assessment for every chat,
// escalation to the duty senior and the front door, and the duty senior's board of alerts.

export const ChatParams = z.object({ chatId: z.uuid('must be a chat id') });
export const AlertParams = z.object({ alertId: z.uuid('must be an alert id') });
export const EscalationParams = z.object({ escalationId: z.uuid('must be an escalation id') });
export const RiskPhraseParams = z.object({ phraseId: z.uuid('must be a risk phrase id') });

export const RiskPhraseInput = z.object({
  phrase: z
    .string()
    .trim()
    .min(2, 'enter the phrase')
    .max(80, 'must be 80 characters or fewer')
    .regex(/[a-z0-9]/i, 'must contain a word'),
  category: z.enum(riskCategories, 'choose what kind of risk it suggests'),
});
export type RiskPhraseInput = z.infer<typeof RiskPhraseInput>;

export const RiskPhraseOut = z.object({
  id: z.string(),
  phrase: z.string(),
  category: z.string(),
  addedAt: z.string(),
  addedByName: z.string().nullable(),
  retiredAt: z.string().nullable(),
});
export type RiskPhraseOut = z.infer<typeof RiskPhraseOut>;
export const RiskPhraseList = z.object({ items: z.array(RiskPhraseOut) });
export type RiskPhraseList = z.infer<typeof RiskPhraseList>;

export const riskLevels = ['none-identified', 'low', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];

export const RiskAssessmentInput = z.object({
  level: z.enum(riskLevels, 'choose the level of risk'),
  notes: z.string().trim().max(5000, 'must be 5000 characters or fewer').default(''),
});
export type RiskAssessmentInput = z.infer<typeof RiskAssessmentInput>;

export const RiskAssessmentOut = z.object({
  id: z.string(),
  chatId: z.string(),
  level: z.enum(riskLevels),
  notes: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  /** Set when a later assessment corrected this one. */
  invalidatedAt: z.string().nullable(),
});
export type RiskAssessmentOut = z.infer<typeof RiskAssessmentOut>;
export const RiskAssessmentList = z.object({
  current: RiskAssessmentOut.nullable(),
  items: z.array(RiskAssessmentOut),
});
export type RiskAssessmentList = z.infer<typeof RiskAssessmentList>;

export const identityAnswers = ['shared', 'declined', 'not-asked'] as const;
export type IdentityAnswer = (typeof identityAnswers)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const EscalationInput = z
  .object({
    reason: z.string().trim().min(10, 'say why you are escalating').max(5000),
    identityShared: z.enum(identityAnswers, 'say whether they shared who they are'),
    givenName: optionalText(100),
    familyName: optionalText(100),
    dateOfBirth: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2011-04-23')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    postcode: optionalText(10),
    schoolName: optionalText(200),
    phone: optionalText(30),
    location: optionalText(500),
  })
  .superRefine((input, check) => {
    if (input.identityShared === 'shared' && !input.givenName) {
      check.addIssue({ code: 'custom', path: ['givenName'], message: 'enter the name they gave' });
    }
  });
export type EscalationInput = z.infer<typeof EscalationInput>;

export const escalationStatuses = ['raised', 'duty-senior-joined', 'referred', 'closed'] as const;

export const EscalationOut = z.object({
  id: z.string(),
  version: z.number().int(),
  chatId: z.string(),
  reference: z.string(),
  raisedAt: z.string(),
  raisedByName: z.string(),
  reason: z.string(),
  identityShared: z.enum(identityAnswers),
  identity: z
    .object({
      givenName: z.string().nullable(),
      familyName: z.string().nullable(),
      dateOfBirth: z.string().nullable(),
      postcode: z.string().nullable(),
      schoolName: z.string().nullable(),
      phone: z.string().nullable(),
      location: z.string().nullable(),
    })
    .nullable(),
  status: z.enum(escalationStatuses),
  dutySeniorName: z.string().nullable(),
  /** The safeguarding referral made in the front door, when they shared who they are. */
  referralReference: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
});
export type EscalationOut = z.infer<typeof EscalationOut>;
export const EscalationList = z.object({ items: z.array(EscalationOut) });
export type EscalationList = z.infer<typeof EscalationList>;

export const EscalationRaised = z.object({
  escalation: EscalationOut,
  alertId: z.string(),
  dutySeniorsTold: z.number().int(),
  /** Why no referral was made in the front door, when one should have been: the duty senior makes it. */
  referralProblem: z.string().nullable(),
});
export type EscalationRaised = z.infer<typeof EscalationRaised>;

export const CloseEscalationInput = z.object({
  outcome: z.string().trim().min(3, 'say what happened').max(2000),
});

export const AlertTimingOut = z.object({
  secondsLeft: z.number().int(),
  isOverdue: z.boolean(),
  text: z.string(),
});

export const BoardAlert = z.object({
  id: z.string(),
  version: z.number().int(),
  kind: z.enum(['risk-phrase', 'escalation']),
  chatId: z.string().nullable(),
  username: z.string(),
  phrases: z.array(z.string()),
  escalationId: z.string().nullable(),
  raisedAt: z.string(),
  acknowledgeBy: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  escalatedFurtherAt: z.string().nullable(),
  timing: AlertTimingOut,
});
export type BoardAlert = z.infer<typeof BoardAlert>;

export const DutyBoard = z.object({
  alerts: z.array(BoardAlert),
  riskMatches: z.array(
    z.object({
      chatId: z.string(),
      seq: z.number().int(),
      username: z.string(),
      counsellorName: z.string().nullable(),
      phrases: z.array(z.string()),
      sentAt: z.string(),
    }),
  ),
  escalations: z.array(EscalationOut.extend({ username: z.string() })),
});
export type DutyBoard = z.infer<typeof DutyBoard>;

export const AlertAcknowledged = z.object({
  id: z.string(),
  version: z.number().int(),
  acknowledgedAt: z.string(),
});
export const ChatJoined = z.object({ chatId: z.string(), seq: z.number().int() });
export const EscalationClosed = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(escalationStatuses),
});
