/**
 * Questionnaire links (ADR 0018): a secure, expiring, single-use link to answer one questionnaire
 * before a session. One status in words for staff; the public page never learns which of the
 * closed states a link is in, so it cannot be used to probe.
 */

export const linkStatuses = ['waiting', 'answered', 'expired', 'withdrawn'] as const;
export type LinkStatus = (typeof linkStatuses)[number];

export const linkStatusWords: Record<LinkStatus, string> = {
  waiting: 'Waiting for answers',
  answered: 'Answered',
  expired: 'Expired without answers',
  withdrawn: 'Withdrawn',
};

export interface LinkTimes {
  expiresAt: Date;
  answeredAt: Date | null;
  withdrawnAt: Date | null;
}

/** Answered wins over everything (the answers are kept), then withdrawn, then expired. */
export function linkStatus(link: LinkTimes, now: Date): LinkStatus {
  if (link.answeredAt) return 'answered';
  if (link.withdrawnAt) return 'withdrawn';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'waiting';
}

export const MIN_LINK_DAYS = 1;
export const MAX_LINK_DAYS = 14;
/** 32 random bytes, base64url: 256 bits, well over the 128 the brief asks for. */
export const SECRET_BYTES = 32;

/** The public path a link's secret is given as, once. */
export function questionnairePath(secret: string): string {
  return `/questionnaire/${secret}`;
}
