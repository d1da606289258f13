import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { oidcLogins } from '../schema/identity.js';

// The only code that queries the identity area's OpenID Connect sign-ins under way.

export type OidcLoginRow = typeof oidcLogins.$inferSelect;

export async function createOidcLogin(
  db: LanternDb,
  login: Pick<OidcLoginRow, 'idHash' | 'state' | 'nonce' | 'codeVerifier' | 'createdAt' | 'expiresAt'>,
) {
  await db.insert(oidcLogins).values(login);
}

/**
 * Marks a sign-in used and returns it, if it is still unused and unexpired. One statement, so two
 * callbacks racing with the same cookie cannot both have it.
 */
export async function claimOidcLogin(db: LanternDb, idHash: string, at: Date): Promise<OidcLoginRow | null> {
  const [row] = await db
    .update(oidcLogins)
    .set({ usedAt: at })
    .where(and(eq(oidcLogins.idHash, idHash), isNull(oidcLogins.usedAt), gt(oidcLogins.expiresAt, at)))
    .returning();
  return row ?? null;
}

/** Clears sign-ins that can no longer be finished. */
export async function deleteExpiredOidcLogins(db: LanternDb, at: Date) {
  await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, at));
}
