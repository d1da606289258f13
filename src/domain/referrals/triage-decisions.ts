import type { ThriveGrouping } from '../organisations/thrive.js';

/**
 * What a referral's state can be, and how a triage decision moves it. Decisions are rows that are
 * never overwritten; the referral's status is worked out from the newest one and kept on the
 * referral so queues can be read without replaying history.
 */
export const referralStatuses = {
  received: 'Received',
  'more-information-requested': 'Waiting for more information',
  'awaiting-mdt': 'To be discussed at a multi-agency meeting',
  accepted: 'Accepted',
  signposted: 'Signposted to other help',
  declined: 'Not accepted',
  // After acceptance to a Mental Health Support Team (the allocation area moves these).
  allocated: 'Allocated to a practitioner',
  'group-waiting-list': 'Waiting for a group to start',
  'in-intervention': 'Getting help',
  /** Help finished and the young person discharged (case work, issue 6, records how and why). */
  discharged: 'Help finished',
} as const;
export type ReferralStatus = keyof typeof referralStatuses;

export const triageDecisionKinds = {
  accept: 'Accept to a service',
  signpost: 'Signpost, with information sent',
  'more-information': 'Ask the referrer for more information',
  decline: 'Decline: does not meet the threshold',
  mdt: 'Take to a multi-agency (MDT) meeting',
} as const;
export type TriageDecisionKind = keyof typeof triageDecisionKinds;
export const triageDecisionCodes = Object.keys(triageDecisionKinds) as [
  TriageDecisionKind,
  ...TriageDecisionKind[],
];

export const priorities = {
  routine: 'Routine',
  urgent: 'Urgent',
  emergency: 'Emergency (within 24 hours)',
} as const;
export type Priority = keyof typeof priorities;
export const priorityCodes = Object.keys(priorities) as [Priority, ...Priority[]];

/**
 * Coded reasons for declining. Every decline counts as an inappropriate referral in the board's
 * figures, so the reason says what was missing, and each has an alternative to offer.
 */
export const declineReasons = {
  'below-threshold': {
    text: 'The needs described can be met without a specialist service',
    alternative: 'Support at school from the pastoral team, and self-help from the online support service',
  },
  'above-threshold': {
    text: 'The needs described need a more specialist service than this one',
    alternative: 'A referral to the CAMHS locality team, which we can make',
  },
  'outside-area': {
    text: 'The young person does not live or go to school in this area',
    alternative: 'The children and young people’s mental health service where they live',
  },
  'outside-age': {
    text: 'The young person is outside the age range of our services',
    alternative: 'Adult mental health services, through their GP',
  },
  'not-mental-health': {
    text: 'The main need is not a mental health need',
    alternative: 'Early help from the council, or the school nursing service',
  },
  'already-receiving-help': {
    text: 'The young person is already getting help for this from another service',
    alternative: 'Talk to the service already helping them',
  },
  'consent-withdrawn': {
    text: 'Consent to the referral was withdrawn',
    alternative: 'A new referral can be made at any time',
  },
} as const;
export type DeclineReason = keyof typeof declineReasons;
export const declineReasonCodes = Object.keys(declineReasons) as [DeclineReason, ...DeclineReason[]];

const statusAfter: Record<TriageDecisionKind, ReferralStatus> = {
  accept: 'accepted',
  signpost: 'signposted',
  'more-information': 'more-information-requested',
  decline: 'declined',
  mdt: 'awaiting-mdt',
};

/** Statuses in which triage still has a decision to make. */
export const openStatuses: readonly ReferralStatus[] = [
  'received',
  'more-information-requested',
  'awaiting-mdt',
];

/** The move a decision makes, or null when the referral is already closed by an earlier decision. */
export function statusAfterDecision(
  current: ReferralStatus,
  decision: TriageDecisionKind,
): ReferralStatus | null {
  if (!openStatuses.includes(current)) return null;
  if (current === 'awaiting-mdt' && decision === 'mdt') return null;
  return statusAfter[decision];
}

/** A decision made at triage: accept to a service, signpost, ask, decline, or take to MDT. */
export interface TriageDecision {
  kind: TriageDecisionKind;
  thriveGrouping: ThriveGrouping;
  priority: Priority;
}

/** Declines count as inappropriate referrals (the source documents' measure of success). */
export function isInappropriate(decision: {
  kind: TriageDecisionKind;
  invalidatedAt?: Date | null;
}): boolean {
  return decision.kind === 'decline' && !decision.invalidatedAt;
}
