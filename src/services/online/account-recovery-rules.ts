// Rules for recovery links, the young person's way back into their online support account. Pure:
// no I/O.

/** A recovery link works for this long. */
export const RECOVERY_LINK_MINUTES = 30;
/** At most this many links are sent to one account in an hour; more asks get the same answer. */
export const RECOVERY_LINKS_PER_HOUR = 3;

const MINUTE = 60_000;

export function linkExpiry(now: Date): Date {
  return new Date(now.getTime() + RECOVERY_LINK_MINUTES * MINUTE);
}

/** The start of the hour the per-account limit counts links in. */
export function windowStart(now: Date): Date {
  return new Date(now.getTime() - 60 * MINUTE);
}

export function tooManyLinks(sentInLastHour: number): boolean {
  return sentInLastHour >= RECOVERY_LINKS_PER_HOUR;
}

/** Where a link goes: the recovery email if there is one, otherwise the phone, otherwise nowhere. */
export function recoveryRoute(account: { recoveryEmail: string | null; recoveryPhone: string | null }) {
  if (account.recoveryEmail) {
    return { channel: 'email', sentTo: 'email', recipient: account.recoveryEmail } as const;
  }
  if (account.recoveryPhone) {
    return { channel: 'sms', sentTo: 'phone', recipient: account.recoveryPhone } as const;
  }
  return null;
}
