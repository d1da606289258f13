import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { SESSION_ABSOLUTE_HOURS, SESSION_IDLE_MINUTES } from '../../domain/identity/session-rules.js';
import { chunksOf } from '../bulk-insert.js';
import type { LanternDb } from '../client.js';
import { sessions, signInThrottle, users } from '../schema/identity.js';

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

function sessionsWithUsersIn(db: LanternDb, tokenHashes: string[]) {
  return db
    .select({
      session: sessions,
      user: {
        isActive: users.isActive,
        organisationId: users.organisationId,
        mustChangePassword: users.mustChangePassword,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(inArray(sessions.tokenHash, tokenHashes));
}

/**
 * Sessions with the facts about their users that every request needs, one query per thousand
 * tokens: each API request with a cookie runs this for its one token, the chat socket sweep for all.
 */
export async function findSessionsWithUsers(db: LanternDb, tokenHashes: readonly string[]) {
  const rows: Awaited<ReturnType<typeof sessionsWithUsersIn>> = [];
  for (const chunk of chunksOf(tokenHashes)) rows.push(...(await sessionsWithUsersIn(db, chunk)));
  return rows;
}

export type SessionWithUser = Awaited<ReturnType<typeof findSessionsWithUsers>>[number];

export async function findSession(db: LanternDb, tokenHash: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row ?? null;
}

/** Marks sessions as seen at `at`: one UPDATE per thousand, however many sockets were swept. */
export async function touchSessions(db: LanternDb, tokenHashes: readonly string[], at: Date) {
  for (const chunk of chunksOf(tokenHashes)) {
    await db.update(sessions).set({ lastSeenAt: at }).where(inArray(sessions.tokenHash, chunk));
  }
}

export async function endSession(db: LanternDb, tokenHash: string, reason: string, at: Date) {
  await db
    .update(sessions)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
}

/**
 * Ends every live session of a user and returns how many. Sessions already past their idle or
 * absolute limit are dead whatever this does, and keep the timeout as their end when next seen.
 */
export async function endAllSessions(db: LanternDb, userId: string, reason: string, at: Date) {
  const idleSince = new Date(at.getTime() - SESSION_IDLE_MINUTES * 60_000);
  const startedSince = new Date(at.getTime() - SESSION_ABSOLUTE_HOURS * 3_600_000);
  const rows = await db
    .update(sessions)
    .set({ endedAt: at, endReason: reason })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        gt(sessions.lastSeenAt, idleSince),
        gt(sessions.createdAt, startedSince),
      ),
    )
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
