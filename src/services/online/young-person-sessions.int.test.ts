import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import { onlineAccounts, onlineSessions } from '../../db/schema/online.js';
import { withScope } from '../../db/scoped.js';
import { createDemoDatabase } from '../../test-support/app.js';
import { type TestDatabase, testDatabases } from '../../test-support/databases.js';
import { youngPersonSession } from '../../test-support/online.js';
import { HOUR, MINUTE } from '../../test-support/session.js';
import { newToken, sha256 } from '../identity/credentials.js';
import { type ResolvedYoungPerson, resolveYoungPeople, resolveYoungPerson } from './young-person-session.js';

// The chat socket sweep resolves every open young person's session at once: it must come to exactly
// what one request's resolveYoungPerson comes to, session by session, and leave the same rows behind.
describe.each(testDatabases)('resolving many young people’s sessions at once on $name', (factory) => {
  const now = new Date('2026-12-01T15:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  let database: TestDatabase;
  let db: LanternDb;

  beforeAll(async () => {
    database = await createDemoDatabase(factory);
    db = database.database.db;
  }, 240_000);
  afterAll(async () => {
    await database?.dispose();
  });

  const asSystem = <T>(work: (tx: LanternDb) => Promise<T>) => withScope(db, systemScope('test'), work);

  interface Made {
    token: string;
    accountId?: string;
  }

  /** A young person signed in an hour ago, their session changed as the case needs. */
  function signedIn(
    change: Partial<Pick<typeof onlineSessions.$inferInsert, 'createdAt' | 'lastSeenAt' | 'endedAt'>> = {},
    account: { isActive?: boolean } = {},
  ) {
    return async (): Promise<Made> => {
      const made = await youngPersonSession(db, { now: ago(HOUR) });
      await asSystem(async (tx) => {
        await tx
          .update(onlineSessions)
          .set({ lastSeenAt: ago(5 * MINUTE), ...change, endReason: change.endedAt ? 'signed-out' : null })
          .where(eq(onlineSessions.tokenHash, sha256(made.token)));
        if (account.isActive === false)
          await tx
            .update(onlineAccounts)
            .set({ isActive: false })
            .where(eq(onlineAccounts.id, made.accountId));
      });
      return made;
    };
  }

  const cases: { name: string; expected: string; make(): Promise<Made> }[] = [
    { name: 'active, last seen minutes ago', expected: 'active', make: signedIn() },
    { name: 'active, seen just now', expected: 'active', make: signedIn({ lastSeenAt: ago(10_000) }) },
    { name: 'signed out', expected: 'ended', make: signedIn({ endedAt: ago(MINUTE) }) },
    { name: 'idle too long', expected: 'idle-timeout', make: signedIn({ lastSeenAt: ago(31 * MINUTE) }) },
    {
      name: 'open too long',
      expected: 'absolute-timeout',
      make: signedIn({ createdAt: ago(13 * HOUR), lastSeenAt: ago(MINUTE) }),
    },
    { name: 'account closed', expected: 'deactivated', make: signedIn({}, { isActive: false }) },
    { name: 'never stored', expected: 'unknown', make: async () => ({ token: newToken() }) },
    { name: 'no cookie', expected: 'none', make: async () => ({ token: '' }) },
  ];

  /** What must match: everything but the ids that differ between the two copies of a case. */
  function comparable(resolved: ResolvedYoungPerson | undefined) {
    if (resolved?.kind !== 'active') return resolved;
    const { tokenHash: _t, accountId: _a, csrfToken: _c, ...session } = resolved.session;
    const { sessionTokenHash: _s, accountId: _b, ...actor } = resolved.actor;
    return { kind: resolved.kind, session, actor };
  }

  const sessionsOf = (accountId: string | undefined) =>
    accountId
      ? asSystem((tx) =>
          tx
            .select({
              lastSeenAt: onlineSessions.lastSeenAt,
              endedAt: onlineSessions.endedAt,
              endReason: onlineSessions.endReason,
            })
            .from(onlineSessions)
            .where(eq(onlineSessions.accountId, accountId))
            .orderBy(asc(onlineSessions.lastSeenAt)),
        )
      : Promise.resolve([]);

  it('comes to the same as resolving one by one, and leaves the same sessions behind', async () => {
    const bulkCases: Made[] = [];
    const singleCases: Made[] = [];
    for (const { make } of cases) {
      bulkCases.push(await make());
      singleCases.push(await make());
    }
    const bulkTokens = bulkCases.map((made) => made.token);
    // A token twice (two sockets on one session) is resolved once.
    const bulk = await resolveYoungPeople(db, [...bulkTokens, bulkTokens[0] ?? ''], now);
    expect(bulk.size).toBe(bulkTokens.length);
    for (const [index, { name, expected }] of cases.entries()) {
      const one = await resolveYoungPerson(db, singleCases[index]?.token, now);
      const many = bulk.get(bulkTokens[index] ?? '');
      const outcome = many?.kind === 'ended' ? many.reason : many?.kind;
      expect(outcome, name).toBe(expected);
      expect(comparable(many), name).toEqual(comparable(one));
      if (many?.kind === 'active') {
        expect(many.actor.sessionTokenHash, name).toBe(sha256(bulkTokens[index] ?? ''));
        expect(many.actor.accountId, name).toBe(bulkCases[index]?.accountId);
      }
      expect(await sessionsOf(bulkCases[index]?.accountId), name).toEqual(
        await sessionsOf(singleCases[index]?.accountId),
      );
    }
  });

  it('touches every session that needs it, and none that does not', async () => {
    const stale = await signedIn({ lastSeenAt: ago(2 * MINUTE) })();
    const fresh = await signedIn({ lastSeenAt: ago(20_000) })();
    const resolved = await resolveYoungPeople(db, [stale.token, fresh.token], now);
    expect([...resolved.values()].map((r) => r.kind)).toEqual(['active', 'active']);
    expect((await sessionsOf(stale.accountId)).map((row) => row.lastSeenAt)).toEqual([now]);
    expect((await sessionsOf(fresh.accountId)).map((row) => row.lastSeenAt)).toEqual([ago(20_000)]);
  });
});
