import { z } from 'zod';

// Subject access requests for one child's record: finding the child, what a requester may be given,
// the export itself (JSON, or the same object as a PDF) and the list of past requests. Retention
// review dates come with the export (docs/adr/0019-subject-access-and-retention.md).

export const requesters = ['young-person', 'parent', 'other-with-consent'] as const;
export type Requester = (typeof requesters)[number];
export const requesterLabels: Record<Requester, string> = {
  'young-person': 'The young person',
  parent: 'A parent or carer',
  'other-with-consent': 'Someone else, with the young person’s written consent',
};

const isoDate = z.iso.date({ message: 'must be a date such as 2026-11-20' });

/** Find a child by NHS number or by a referral reference (in the body, never in the URL). */
export const SubjectAccessSearchInput = z
  .object({
    nhsNumber: z.string().trim().max(20).optional(),
    reference: z.string().trim().max(40).optional(),
  })
  .refine((q) => Boolean(q.nhsNumber) !== Boolean(q.reference), {
    path: ['nhsNumber'],
    message: 'give an NHS number or a referral reference, not both',
  });

export const SubjectAccessCarer = z.object({
  id: z.string(),
  name: z.string(),
  relationship: z.string(),
  hasParentalResponsibility: z.boolean(),
  doNotShare: z.boolean(),
});
export const SubjectAccessChild = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  referrals: z.array(z.object({ reference: z.string(), receivedOn: z.string() })),
  carers: z.array(SubjectAccessCarer),
});
export type SubjectAccessChild = z.infer<typeof SubjectAccessChild>;

export const SubjectAccessPreviewInput = z
  .object({
    childId: z.string().uuid('must be a child id'),
    requester: z.enum(requesters),
    carerId: z.string().uuid('must be a carer id').optional(),
  })
  .refine((r) => r.requester !== 'parent' || r.carerId !== undefined, {
    path: ['carerId'],
    message: 'choose which parent or carer is asking',
  });

export const SubjectAccessExportInput = z
  .object({
    childId: z.string().uuid('must be a child id'),
    requester: z.enum(requesters),
    carerId: z.string().uuid('must be a carer id').optional(),
    receivedOn: isoDate,
    format: z.enum(['json', 'pdf']),
  })
  .refine((r) => r.requester !== 'parent' || r.carerId !== undefined, {
    path: ['carerId'],
    message: 'choose which parent or carer is asking',
  });
export type SubjectAccessExportInput = z.infer<typeof SubjectAccessExportInput>;

/** What is withheld, by kind of information: counts only, never the items. */
export const WithheldSummary = z.object({
  total: z.number().int(),
  byCategory: z.array(z.object({ category: z.string(), label: z.string(), count: z.number().int() })),
  reasons: z.array(z.string()),
  /** The legal basis, in one sentence, when anything is withheld. */
  legalBasis: z.string().nullable(),
});
export type WithheldSummary = z.infer<typeof WithheldSummary>;

export const SubjectAccessPreview = z.object({
  requester: z.string(),
  itemsIncluded: z.number().int(),
  withheld: WithheldSummary,
});
export type SubjectAccessPreview = z.infer<typeof SubjectAccessPreview>;

const nullableText = z.string().nullable();

export const ExportChild = z.object({
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  nhsNumber: nullableText,
  gender: nullableText,
  postcode: nullableText,
  gpPractice: nullableText,
});
export const ExportContactDetails = z.object({
  contactRoutes: z.array(z.string()),
  phone: nullableText,
  email: nullableText,
});
export const ExportReferral = z.object({ reference: z.string(), receivedOn: z.string(), status: z.string() });
export const ExportReferralWords = z.object({
  reference: z.string(),
  source: z.string(),
  presentingNeeds: z.array(z.string()),
  needDescription: z.string(),
  triedSoFar: z.string(),
  riskDetails: z.string(),
});
export const ExportConsent = z.object({
  reference: z.string(),
  recordedOn: z.string(),
  consentedBy: z.string(),
  status: z.string(),
  method: z.string(),
  isGillickCompetent: z.boolean().nullable(),
  gillickNotes: nullableText,
  parentsMayBeTold: z.string(),
  withdrawnOrCorrectedOn: nullableText,
});
export const ExportDecision = z.object({
  reference: z.string(),
  decidedOn: z.string(),
  decision: z.string(),
  priority: z.string(),
  thriveGrouping: z.string(),
  declineReason: nullableText,
  notes: z.string(),
  correctedOn: nullableText,
});
export const ExportContact = z.object({
  reference: z.string(),
  startsAt: z.string(),
  kind: z.string(),
  medium: z.string(),
  attendance: z.string(),
  practitioner: z.string(),
});
export const ExportEpisode = z.object({
  reference: z.string(),
  openedOn: z.string(),
  intervention: nullableText,
  status: z.string(),
  closedOn: nullableText,
  closeReason: nullableText,
  closeOutcome: nullableText,
  closeSummary: nullableText,
});
export const ExportAssessment = z.object({
  reference: z.string(),
  assessedOn: z.string(),
  presentingProblems: z.array(z.string()),
  summary: z.string(),
  riskLevel: z.string(),
  riskDetail: z.string(),
  safetyPlan: z.string(),
});
export const ExportGoal = z.object({
  reference: z.string(),
  goal: z.string(),
  agreedOn: z.string(),
  status: z.string(),
});
export const ExportNoteVersion = z.object({
  version: z.number().int(),
  writtenAt: z.string(),
  writtenBy: z.string(),
  body: z.string(),
  correctionReason: nullableText,
});
export const ExportNote = z.object({
  reference: z.string(),
  current: ExportNoteVersion,
  earlierVersions: z.array(ExportNoteVersion),
  signedOff: z.object({ version: z.number().int(), signedAt: z.string(), signedBy: z.string() }).nullable(),
});
export const ExportMeasure = z.object({
  reference: z.string(),
  instrument: z.string(),
  respondent: z.string(),
  completedOn: z.string(),
  total: z.number().nullable(),
  band: nullableText,
  scores: z.record(z.string(), z.number()),
});
export const ExportOnwardReferral = z.object({
  reference: z.string(),
  direction: z.string(),
  serviceName: z.string(),
  reason: z.string(),
  referredOn: z.string(),
});
export const ExportSafeguarding = z.object({
  reference: z.string(),
  raisedOn: z.string(),
  category: z.string(),
  concern: z.string(),
  immediateAction: z.string(),
  status: z.string(),
  outcome: nullableText,
  actions: z.array(z.object({ recordedOn: z.string(), action: z.string(), statusAfter: z.string() })),
});

/** The export: everything the requester may be given from the record, and counts of what was not. */
export const SubjectAccessExport = z.object({
  generatedAt: z.string(),
  requester: z.string(),
  receivedOn: z.string(),
  child: ExportChild,
  retention: z.object({ status: z.string(), reviewOn: nullableText, note: z.string() }),
  contactDetails: z.array(ExportContactDetails),
  referrals: z.array(ExportReferral),
  referralWords: z.array(ExportReferralWords),
  consents: z.array(ExportConsent),
  decisions: z.array(ExportDecision),
  contacts: z.array(ExportContact),
  episodes: z.array(ExportEpisode),
  assessments: z.array(ExportAssessment),
  goals: z.array(ExportGoal),
  notes: z.array(ExportNote),
  measures: z.array(ExportMeasure),
  onwardReferrals: z.array(ExportOnwardReferral),
  safeguarding: z.array(ExportSafeguarding),
  withheld: WithheldSummary,
});
export type SubjectAccessExport = z.infer<typeof SubjectAccessExport>;

export const SubjectAccessRequestList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      childId: z.string(),
      requester: z.string(),
      receivedOn: z.string(),
      exportedAt: z.string(),
      exportedBy: z.string(),
      itemsIncluded: z.number().int(),
      itemsWithheld: z.number().int(),
    }),
  ),
});
export type SubjectAccessRequestList = z.infer<typeof SubjectAccessRequestList>;
