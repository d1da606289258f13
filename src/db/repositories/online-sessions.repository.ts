import { and, eq, inArray, isNull } from 'drizzle-orm';
import { chunksOf } from '../bulk-insert.js';
import type { LanternDb } from '../client.js';
import { onlineAccounts, onlineServices, onlineSessions } from '../schema/online.js';

// The only code that queries young people's online support sessions. The session table holds no
// personal data (a token hash and an account id), so it has no row-level security; the account row
// it joins to does, and is read here under the caller's system scope.

export type OnlineSessionRow = typeof onlineSessions.$inferSelect;

export async function createOnlineSession(
  db: LanternDb,
  session: Pick<OnlineSessionRow, 'tokenHash' | 'accountId' | 'csrfToken' | 'createdAt' | 'lastSeenAt'>,
) {
  await db.insert(onlineSessions).values(session);
}

function onlineSessionsWithAccountsIn(db: LanternDb, tokenHashes: string[]) {
  return db
    .select({
      session: onlineSessions,
      account: {
        isActive: onlineAccounts.isActive,
        serviceId: onlineAccounts.serviceId,
        organisationId: onlineServices.organisationId,
      },
    })
    .from(onlineSessions)
    .innerJoin(onlineAccounts, eq(onlineAccounts.id, onlineSessions.accountId))
    .innerJoin(onlineServices, eq(onlineServices.id, onlineAccounts.serviceId))
    .where(inArray(onlineSessions.tokenHash, tokenHashes));
}

/**
 * Sessions with what every request needs to know about their accounts, one query per thousand
 * tokens: a request reads its one, the chat socket sweep every open socket's at once.
 */
export async function findOnlineSessionsWithAccounts(db: LanternDb, tokenHashes: readonly string[]) {
  const rows: Awaited<ReturnType<typeof onlineSessionsWithAccountsIn>> = [];
  for (const chunk of chunksOf(tokenHashes)) rows.push(...(await onlineSessionsWithAccountsIn(db, chunk)));
  return rows;
}

export type OnlineSessionWithAccount = Awaited<ReturnType<typeof findOnlineSessionsWithAccounts>>[number];

/** A session with what every request needs to know about its account, in one query. */
export async function findOnlineSessionWithAccount(
  db: LanternDb,
  tokenHash: string,
): Promise<OnlineSessionWithAccount | null> {
  const [row] = await findOnlineSessionsWithAccounts(db, [tokenHash]);
  return row ?? null;
}

/** Marks sessions as seen at `at`: one UPDATE per thousand, however many sockets were swept. */
export async function touchOnlineSessions(db: LanternDb, tokenHashes: readonly string[], at: Date) {
  for (const chunk of chunksOf(tokenHashes)) {
    await db.update(onlineSessions).set({ lastSeenAt: at }).where(inArray(onlineSessions.tokenHash, chunk));
  }
}

export async function endOnlineSession(db: LanternDb, tokenHash: string, reason: string, at: Date) {
  await db
    .update(onlineSessions)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(onlineSessions.tokenHash, tokenHash), isNull(onlineSessions.endedAt)));
}

/** Ends every open session of the account (a new password was chosen); returns how many. */
export async function endAllOnlineSessions(db: LanternDb, accountId: string, reason: string, at: Date) {
  const ended = await db
    .update(onlineSessions)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(onlineSessions.accountId, accountId), isNull(onlineSessions.endedAt)))
    .returning({ tokenHash: onlineSessions.tokenHash });
  return ended.length;
}
