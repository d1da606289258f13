import { and, eq, isNull } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { sessions, signInThrottle } from '../schema/identity.js';

// The only code that queries the identity area's session and sign-in throttle tables.

export type SessionRow = typeof sessions.$inferSelect;

export async function createSession(
  db: LanternDb,
  session: Pick<
    SessionRow,
    'tokenHash' | 'userId' | 'isSecondFactorDone' | 'csrfToken' | 'createdAt' | 'lastSeenAt'
  >,
) {
  await db.insert(sessions).values(session);
}

export async function findSession(db: LanternDb, tokenHash: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row ?? null;
}

export async function touchSession(db: LanternDb, tokenHash: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function endSession(db: LanternDb, tokenHash: string, reason: string, at: Date) {
  await db
    .update(sessions)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
}

/** Ends every open session of a user; returns how many. */
export async function endAllSessions(db: LanternDb, userId: string, reason: string, at: Date) {
  const rows = await db
    .update(sessions)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

export async function findThrottle(db: LanternDb, emailHash: string) {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.emailHash, emailHash));
  return row ?? null;
}

export async function saveThrottle(
  db: LanternDb,
  emailHash: string,
  failures: number,
  lockedUntil: Date | null,
  at: Date,
) {
  await db
    .insert(signInThrottle)
    .values({ emailHash, failures, lockedUntil, updatedAt: at })
    .onConflictDoUpdate({ target: signInThrottle.emailHash, set: { failures, lockedUntil, updatedAt: at } });
}

export async function clearThrottle(db: LanternDb, emailHash: string) {
  await db.delete(signInThrottle).where(eq(signInThrottle.emailHash, emailHash));
}
