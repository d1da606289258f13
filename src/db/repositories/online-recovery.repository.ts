import { and, count, eq, gt, gte, isNull } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { onlineRecoveryLinks } from '../schema/online.js';

// The only code that queries recovery links: a young person's way back into their online support
// account when they forget the password. Only each secret's SHA-256 is stored. The table holds no
// personal data (a hash, an account id, "email" or "phone"), so, like online sessions, it has no
// row-level security; callers read it under a system scope, as nobody is signed in.

export type OnlineRecoveryLinkRow = typeof onlineRecoveryLinks.$inferSelect;

export async function insertRecoveryLink(db: LanternDb, link: Omit<OnlineRecoveryLinkRow, 'usedAt'>) {
  await db.insert(onlineRecoveryLinks).values(link);
}

/** How many links the account was sent since `since` (for the per-account limit). */
export async function countRecoveryLinksSince(db: LanternDb, accountId: string, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(onlineRecoveryLinks)
    .where(and(eq(onlineRecoveryLinks.accountId, accountId), gte(onlineRecoveryLinks.createdAt, since)));
  return row?.n ?? 0;
}

/**
 * Makes the account's earlier links stop working, when a new one is sent: they expire now. Used
 * links keep their `used_at`; rows are kept (the app role may not delete them) as a record.
 */
export async function expireUnusedRecoveryLinks(db: LanternDb, accountId: string, at: Date) {
  await db
    .update(onlineRecoveryLinks)
    .set({ expiresAt: at })
    .where(
      and(
        eq(onlineRecoveryLinks.accountId, accountId),
        isNull(onlineRecoveryLinks.usedAt),
        gt(onlineRecoveryLinks.expiresAt, at),
      ),
    );
}

/** The account a working link (not used, not expired) is for, without using it up. */
export async function findWorkingRecoveryLink(db: LanternDb, secretHash: string, at: Date) {
  const [row] = await db
    .select({ accountId: onlineRecoveryLinks.accountId })
    .from(onlineRecoveryLinks)
    .where(
      and(
        eq(onlineRecoveryLinks.secretHash, secretHash),
        isNull(onlineRecoveryLinks.usedAt),
        gt(onlineRecoveryLinks.expiresAt, at),
      ),
    );
  return row ?? null;
}

/**
 * Uses a working link up, in one conditional statement, so two requests with the same secret
 * cannot both succeed. Returns the account it was for, or null when it no longer works.
 */
export async function useRecoveryLink(db: LanternDb, secretHash: string, at: Date) {
  const [row] = await db
    .update(onlineRecoveryLinks)
    .set({ usedAt: at })
    .where(
      and(
        eq(onlineRecoveryLinks.secretHash, secretHash),
        isNull(onlineRecoveryLinks.usedAt),
        gt(onlineRecoveryLinks.expiresAt, at),
      ),
    )
    .returning({ accountId: onlineRecoveryLinks.accountId });
  return row ?? null;
}
