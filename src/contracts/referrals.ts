import { z } from 'zod';

export const ReferralParams = z.object({ referralId: z.string().uuid('must be a referral id') });

/** A referral as staff within its scope see it: the child's name and the referral's state. */
export const ReferralSummary = z.object({
  id: z.string(),
  child: z.object({ givenName: z.string(), familyName: z.string(), dateOfBirth: z.string() }),
  receivedAt: z.string(),
  source: z.string(),
  status: z.string(),
  isUrgent: z.boolean(),
  presentingNeeds: z.array(z.string()),
  /** Why the reader may see it: caseload, own-referral, school, team, service, organisation, break-glass. */
  accessBasis: z.string(),
});
export type ReferralSummary = z.infer<typeof ReferralSummary>;

export const BreakGlassInput = z.object({
  reason: z
    .string()
    .trim()
    .min(10, 'must say why you need this record now, in at least 10 characters')
    .max(1000, 'must be 1,000 characters or fewer'),
});
export type BreakGlassInput = z.infer<typeof BreakGlassInput>;

export const PrivacyAlertList = z.object({
  alerts: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      raisedAt: z.string(),
      userId: z.string().nullable(),
      subjectKind: z.string(),
      subjectId: z.string(),
      reason: z.string(),
      reviewedAt: z.string().nullable(),
    }),
  ),
});
