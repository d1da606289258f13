import { z } from 'zod';
import { concernCategoryCodes, concernStatusCodes } from '../domain/safeguarding/concerns.js';

// Safeguarding concerns raised from a young person's record, and the safeguarding lead's actions.

export const RaiseConcernInput = z.object({
  contactId: z.string().uuid('must be an appointment id').nullable().optional(),
  category: z.enum(concernCategoryCodes, 'choose what the concern is about'),
  concern: z.string().trim().min(10, 'describe the concern').max(10_000),
  immediateAction: z.string().trim().max(5000).default(''),
});
export type RaiseConcernInput = z.infer<typeof RaiseConcernInput>;

export const ConcernActionInput = z.object({
  action: z.string().trim().min(3, 'say what was done').max(5000),
  statusAfter: z.enum(concernStatusCodes, 'choose the status after this action'),
  outcome: z.string().trim().max(2000).nullable().optional(),
});
export type ConcernActionInput = z.infer<typeof ConcernActionInput>;

export const ConcernActionOut = z.object({
  id: z.string(),
  action: z.string(),
  statusAfter: z.enum(concernStatusCodes),
  recordedAt: z.string(),
  recordedByName: z.string(),
});
export const ConcernOut = z.object({
  id: z.string(),
  version: z.number().int(),
  referralId: z.string(),
  reference: z.string(),
  childName: z.string(),
  contactId: z.string().nullable(),
  category: z.enum(concernCategoryCodes),
  concern: z.string(),
  immediateAction: z.string(),
  raisedAt: z.string(),
  raisedByName: z.string(),
  status: z.enum(concernStatusCodes),
  leadName: z.string().nullable(),
  outcome: z.string().nullable(),
  actions: z.array(ConcernActionOut),
});
export type ConcernOut = z.infer<typeof ConcernOut>;
export const ConcernList = z.object({ items: z.array(ConcernOut) });
export type ConcernList = z.infer<typeof ConcernList>;
/** A young person's concerns, with what the raise form needs: who they are and their appointments. */
export const ReferralConcerns = ConcernList.extend({
  reference: z.string(),
  childName: z.string(),
  contacts: z.array(z.object({ id: z.string(), startsAt: z.string() })),
});
export type ReferralConcerns = z.infer<typeof ReferralConcerns>;
export const ConcernBoardQuery = z.object({ status: z.enum(concernStatusCodes).optional() });
export const ConcernChanged = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(concernStatusCodes),
});
export type ConcernChanged = z.infer<typeof ConcernChanged>;
