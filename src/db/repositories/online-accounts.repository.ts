import { eq, sql } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { onlineAccounts, onlineServices } from '../schema/online.js';

// The only code that queries young people's online support accounts. Row-level security (migration
// 0019) limits every read to the caller's scope: a young person sees their own account, online staff
// their organisation's. Sign-up and sign-in run under a system scope, as nobody is signed in yet.

export type OnlineAccountRow = typeof onlineAccounts.$inferSelect;

export async function insertAccount(
  db: LanternDb,
  row: typeof onlineAccounts.$inferInsert,
): Promise<{ id: string }> {
  const [inserted] = await db.insert(onlineAccounts).values(row).returning({ id: onlineAccounts.id });
  if (!inserted) throw new Error('online account not inserted');
  return inserted;
}

export async function isUsernameTaken(db: LanternDb, usernameKey: string): Promise<boolean> {
  const [row] = await db
    .select({ id: onlineAccounts.id })
    .from(onlineAccounts)
    .where(eq(onlineAccounts.usernameKey, usernameKey));
  return row !== undefined;
}

/** What signing in needs to know about the account a username names. */
export async function findAccountForSignIn(db: LanternDb, usernameKey: string) {
  const [row] = await db
    .select({
      id: onlineAccounts.id,
      username: onlineAccounts.username,
      passwordHash: onlineAccounts.passwordHash,
      isActive: onlineAccounts.isActive,
    })
    .from(onlineAccounts)
    .where(eq(onlineAccounts.usernameKey, usernameKey));
  return row ?? null;
}

/** An account in the caller's scope, with its service's name and age range. */
export async function findAccountWithService(db: LanternDb, accountId: string) {
  const [row] = await db
    .select({
      id: onlineAccounts.id,
      username: onlineAccounts.username,
      ageAtSignUp: onlineAccounts.ageAtSignUp,
      signedUpAt: onlineAccounts.signedUpAt,
      serviceName: onlineServices.name,
      minAge: onlineServices.minAge,
      maxAge: onlineServices.maxAge,
    })
    .from(onlineAccounts)
    .innerJoin(onlineServices, eq(onlineServices.id, onlineAccounts.serviceId))
    .where(eq(onlineAccounts.id, accountId));
  return row ?? null;
}

/**
 * What sending a recovery link needs: whether the account is active and where to send it. The row
 * is locked until the caller's transaction ends, so two requests at once count the same account's
 * links one after the other.
 */
export async function findAccountForRecovery(db: LanternDb, usernameKey: string) {
  const [row] = await db
    .select({
      id: onlineAccounts.id,
      isActive: onlineAccounts.isActive,
      recoveryEmail: onlineAccounts.recoveryEmail,
      recoveryPhone: onlineAccounts.recoveryPhone,
    })
    .from(onlineAccounts)
    .where(eq(onlineAccounts.usernameKey, usernameKey))
    .for('update');
  return row ?? null;
}

/** What choosing a new password needs to check about the account. */
export async function findAccountForNewPassword(db: LanternDb, accountId: string) {
  const [row] = await db
    .select({ id: onlineAccounts.id, username: onlineAccounts.username, isActive: onlineAccounts.isActive })
    .from(onlineAccounts)
    .where(eq(onlineAccounts.id, accountId));
  return row ?? null;
}

/** Stores a new password hash (argon2id) for the account. */
export async function setPasswordHash(db: LanternDb, accountId: string, passwordHash: string) {
  await db
    .update(onlineAccounts)
    .set({ passwordHash, version: sql`${onlineAccounts.version} + 1` })
    .where(eq(onlineAccounts.id, accountId));
}
