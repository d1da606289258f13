import { and, eq, isNull } from 'drizzle-orm';
import { systemScope } from '../src/access/scope.js';
import { insertInChunks } from '../src/db/bulk-insert.js';
import type { LanternDb } from '../src/db/client.js';
import { sessions, userRoles, users } from '../src/db/schema/identity.js';
import { onlineAccounts, onlineChats } from '../src/db/schema/online.js';
import { withScope } from '../src/db/scoped.js';
import { newToken, sha256 } from '../src/services/identity/credentials.js';
import { openYoungPersonSession } from '../src/services/online/young-person-session.js';
import { demoOnlineService } from '../src/test-support/online.js';

// The chat benchmark's people, straight in the database (no HTTP API, so it is quick): for every
// pair a young person's account with a session, a counsellor of the demo area's online provider
// with a signed-in staff session (second factor done), and an active drop-in chat between them.
// Every socket belongs to a different person, as in real use (one socket per signed-in person).
// The service's chat limit is a rule of taking chats from the queue; rows inserted here skip it.

export interface BenchPair {
  chatId: string;
  /** The young person's online support cookie value. */
  youngPersonToken: string;
  /** The counsellor's staff session cookie value. */
  counsellorToken: string;
}

/** Makes `pairs` chats, each with a signed-in young person and a signed-in counsellor. */
export async function makeChatPairs(db: LanternDb, pairs: number, now = new Date()): Promise<BenchPair[]> {
  const service = await demoOnlineService(db);
  const run = newToken().slice(0, 8).toLowerCase();
  return withScope(db, systemScope('chat benchmark set-up'), async (tx) => {
    // The demo area's online counsellors' team: the benchmark's counsellors join it.
    const [demoGrant] = await tx
      .select({ teamId: userRoles.teamId })
      .from(userRoles)
      .where(and(eq(userRoles.role, 'online-counsellor'), isNull(userRoles.revokedAt)))
      .limit(1);
    if (!demoGrant) throw new Error('the demo area has no online counsellor: write the demo area first');

    const accounts = await tx
      .insert(onlineAccounts)
      .values(
        Array.from({ length: pairs }, (_, i) => {
          const username = `bench-${run}-${i}`;
          return {
            serviceId: service.id,
            organisationId: service.organisationId,
            username,
            usernameKey: username,
            passwordHash: 'not-a-real-hash',
            ageAtSignUp: 11 + (i % 9),
            gender: 'prefer-not-to-say',
            heardFrom: 'school',
            signedUpAt: now,
          };
        }),
      )
      .returning({ id: onlineAccounts.id });
    const counsellors = await tx
      .insert(users)
      .values(
        Array.from({ length: pairs }, (_, i) => ({
          email: `bench-counsellor-${run}-${i}@bench.lantern.example`,
          displayName: `Bench counsellor ${i + 1}`,
          organisationId: service.organisationId,
        })),
      )
      .returning({ id: users.id });
    await insertInChunks(
      tx,
      userRoles,
      counsellors.map((user) => ({ userId: user.id, role: 'online-counsellor', teamId: demoGrant.teamId })),
    );
    const counsellorTokens = counsellors.map(() => newToken());
    await insertInChunks(
      tx,
      sessions,
      counsellors.map((user, i) => ({
        tokenHash: sha256(counsellorTokens[i] ?? ''),
        userId: user.id,
        isSecondFactorDone: true,
        csrfToken: newToken(),
        createdAt: now,
        lastSeenAt: now,
      })),
    );
    const chats = await tx
      .insert(onlineChats)
      .values(
        accounts.map((account, i) => ({
          serviceId: service.id,
          accountId: account.id,
          kind: 'drop-in',
          status: 'active',
          queuedAt: now,
          takenAt: now,
          counsellorUserId: counsellors[i]?.id ?? null,
        })),
      )
      .returning({ id: onlineChats.id });
    // The young people's sessions as sign-in opens them, one at a time in this transaction.
    const result: BenchPair[] = [];
    for (const [i, account] of accounts.entries()) {
      const { token } = await openYoungPersonSession(tx, account.id, now);
      result.push({
        chatId: chats[i]?.id ?? '',
        youngPersonToken: token,
        counsellorToken: counsellorTokens[i] ?? '',
      });
    }
    return result;
  });
}
