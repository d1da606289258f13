import { type ClockInput, type WaitingClocks, waitingClocks } from './clocks.js';
import { londonDayNumber } from './london-days.js';

/**
 * Referral spells (NHS England, from September 2024): referrals open at the same time, or within 5
 * days of each other, are one spell, and the young person's wait runs from the spell's first
 * referral. Without this, closing a referral and opening a new one would restart the clock.
 * Days are London calendar days, as for the clocks.
 */

export const SPELL_JOIN_DAYS = 5;

export interface SpellReferral {
  id: string;
  receivedAt: Date;
  closedAt: Date | null;
}

export interface ReferralSpell<T extends SpellReferral> {
  startedAt: Date;
  /** Sorted by when each referral was received. */
  members: T[];
}

/** Earliest received first; the id settles ties so the answer does not depend on input order. */
function byReceipt(a: SpellReferral, b: SpellReferral): number {
  return a.receivedAt.getTime() - b.receivedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The London day a closed referral closed on; a close dated before receipt counts as receipt. */
function closedDay(receivedAt: Date, closedAt: Date): number {
  return londonDayNumber(closedAt.getTime() < receivedAt.getTime() ? receivedAt : closedAt);
}

/**
 * Referrals open at the same time, or within 5 days of each other (gap between one closing and the
 * next being received <= 5 days), join one spell; joining is transitive.
 */
export function referralSpells<T extends SpellReferral>(referrals: readonly T[]): ReferralSpell<T>[] {
  const spells: ReferralSpell<T>[] = [];
  // Walking in order of receipt, a referral joins the current spell when it arrives no more than
  // 5 days after the latest close so far; while any member is still open, that close is Infinity.
  let current: ReferralSpell<T> | null = null;
  let lastClosedDay = Number.NEGATIVE_INFINITY;
  for (const referral of [...referrals].sort(byReceipt)) {
    if (!current || londonDayNumber(referral.receivedAt) - lastClosedDay > SPELL_JOIN_DAYS) {
      current = { startedAt: referral.receivedAt, members: [] };
      spells.push(current);
      lastClosedDay = Number.NEGATIVE_INFINITY;
    }
    current.members.push(referral);
    const closed =
      referral.closedAt === null
        ? Number.POSITIVE_INFINITY
        : closedDay(referral.receivedAt, referral.closedAt);
    lastClosedDay = Math.max(lastClosedDay, closed);
  }
  return spells;
}

/** The clocks of a spell: started at the spell's first referral, over all members' contacts, milestones and pauses. */
export function spellClocks(
  members: readonly (SpellReferral & Omit<ClockInput, 'receivedAt'>)[],
  now: Date,
): WaitingClocks {
  const first = [...members].sort(byReceipt)[0];
  if (!first) throw new RangeError('spellClocks needs at least one referral');
  return waitingClocks(
    {
      receivedAt: first.receivedAt,
      contacts: members.flatMap((member) => member.contacts),
      milestones: members.flatMap((member) => member.milestones),
      pauses: members.flatMap((member) => member.pauses),
    },
    now,
  );
}
