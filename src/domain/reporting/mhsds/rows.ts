/**
 * The facts the MHSDS-shaped export reads from Lantern, one interface per kind of row. The
 * repository fills them; the table definitions (tables.ts) turn them into CSV cells. Free text
 * (need descriptions, notes, reasons in words, service names typed by staff) is never read.
 */

export interface PersonFacts {
  /** children.id, or the surviving record's id when a triage clinician linked two records. */
  patientId: string;
  providerCode: string;
  nhsNumber: string | null;
  dateOfBirth: string;
  gender: string | null;
  ethnicity: string | null;
  /** The school the child attends at the end of the period (or was referred from). */
  schoolUrn: number | null;
}

export interface ReferralFacts {
  referralId: string;
  reference: string;
  patientId: string;
  providerCode: string;
  receivedAt: Date;
  source: string;
  priority: string | null;
  isUrgent: boolean;
  presentingNeeds: string[];
  /** The service the referral is with now, by kind (mhst, camhs…), when it has one. */
  serviceKind: string | null;
  /** When the episode of care closed (discharge, step up or down), if before the period ended. */
  closedAt: Date | null;
  closeReason: string | null;
  /** When triage declined the referral, if it did before the period ended. */
  declinedAt: Date | null;
  /** When triage signposted the family elsewhere and closed the referral, if before the period ended. */
  signpostedAt: Date | null;
}

export interface ContactFacts {
  contactId: string;
  reference: string;
  patientId: string;
  startsAt: Date;
  medium: string;
  attendStatus: string | null;
  isGroupTherapy: boolean;
  /** The intervention chosen for the referral's episode of care, when one was. */
  intervention: string | null;
}

export interface OnwardReferralFacts {
  onwardReferralId: string;
  reference: string;
  direction: string;
  referredAt: Date;
  /** The ODS code of the organisation referred to, when it is one Lantern knows. */
  receivingOrganisationCode: string | null;
}

export interface GroupSessionFacts {
  sessionId: string;
  providerCode: string;
  heldAt: Date;
  kind: string;
  attendeeCount: number;
  schoolUrn: number;
}

export interface DropInFacts {
  chatId: string;
  providerCode: string;
  /** When a counsellor took the chat from the queue. */
  startedAt: Date;
  ageAtSignUp: number;
  gender: string;
}

export interface MeasureFacts {
  responseId: string;
  reference: string;
  /** The appointment it was completed for, when there was one. */
  contactId: string | null;
  instrumentId: string;
  respondent: string;
  total: number | null;
  completedAt: Date;
}
