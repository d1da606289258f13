import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import { sessions, userRoles, users } from '../../db/schema/identity.js';
import { withScope } from '../../db/scoped.js';
import { createDemoDatabase } from '../../test-support/app.js';
import { type TestDatabase, testDatabases } from '../../test-support/databases.js';
import { demoIdentity, demoUserOfRole, HOUR, MINUTE } from '../../test-support/session.js';
import { newToken, sha256 } from './credentials.js';
import { type Resolved, resolveActor, resolveActors } from './resolve-actor.js';

// The chat socket sweep resolves thousands of sessions at once: it must come to exactly what one
// request's resolveActor comes to, session by session, and leave the same rows behind.
describe.each(testDatabases)('resolving many staff sessions at once on $name', (factory) => {
  const now = new Date('2026-12-01T15:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  let database: TestDatabase;
  let db: LanternDb;
  const organisationId = demoUserOfRole('online-counsellor').organisationId;
  const teamGrant = demoIdentity.userRoles.find((grant) => grant.teamId && grant.role === 'emhp');

  beforeAll(async () => {
    database = await createDemoDatabase(factory);
    db = database.database.db;
  }, 240_000);
  afterAll(async () => {
    await database?.dispose();
  });

  interface Person {
    roles?: { role: string; teamId?: string | null; revoked?: boolean }[];
    isActive?: boolean;
    mustChangePassword?: boolean;
  }
  interface SessionTimes {
    createdAt?: Date;
    lastSeenAt?: Date;
    endedAt?: Date;
    isSecondFactorDone?: boolean;
  }

  const asSystem = <T>(work: (tx: LanternDb) => Promise<T>) => withScope(db, systemScope('test'), work);

  async function person(who: Person = {}): Promise<string> {
    const [user] = await asSystem((tx) =>
      tx
        .insert(users)
        .values({
          email: `${newToken().slice(0, 12)}@resolve.example`,
          displayName: 'Sam Resolve',
          organisationId,
          isActive: who.isActive ?? true,
          mustChangePassword: who.mustChangePassword ?? false,
        })
        .returning({ id: users.id }),
    );
    if (!user) throw new Error('no user made');
    for (const grant of who.roles ?? [{ role: 'online-counsellor' }]) {
      await asSystem((tx) =>
        tx.insert(userRoles).values({
          userId: user.id,
          role: grant.role,
          teamId: grant.teamId ?? null,
          grantedAt: ago(HOUR),
          revokedAt: grant.revoked ? ago(MINUTE) : null,
        }),
      );
    }
    return user.id;
  }

  async function session(userId: string, times: SessionTimes = {}): Promise<string> {
    const token = newToken();
    await asSystem((tx) =>
      tx.insert(sessions).values({
        tokenHash: sha256(token),
        userId,
        isSecondFactorDone: times.isSecondFactorDone ?? true,
        csrfToken: newToken(),
        createdAt: times.createdAt ?? ago(HOUR),
        lastSeenAt: times.lastSeenAt ?? ago(5 * MINUTE),
        endedAt: times.endedAt ?? null,
        endReason: times.endedAt ? 'signed-out' : null,
      }),
    );
    return token;
  }

  /** Each case makes a person and a session; it is made twice, once for each way of resolving. */
  const cases: { name: string; expected: string; make(): Promise<{ token: string; userId?: string }> }[] = [
    { name: 'active, last seen minutes ago', expected: 'active', make: useOne({}) },
    { name: 'active, seen just now', expected: 'active', make: useOne({}, { lastSeenAt: ago(10_000) }) },
    { name: 'signed out', expected: 'ended', make: useOne({}, { endedAt: ago(MINUTE) }) },
    { name: 'idle too long', expected: 'idle-timeout', make: useOne({}, { lastSeenAt: ago(31 * MINUTE) }) },
    {
      name: 'open too long',
      expected: 'absolute-timeout',
      make: useOne({}, { createdAt: ago(13 * HOUR), lastSeenAt: ago(MINUTE) }),
    },
    {
      name: 'user deactivated, with a second session',
      expected: 'deactivated',
      make: async () => {
        const userId = await person({ isActive: false });
        const token = await session(userId);
        await session(userId, { lastSeenAt: ago(2 * MINUTE) });
        return { token, userId };
      },
    },
    {
      name: 'a role removed, a team role kept',
      expected: 'active',
      make: useOne({
        roles: [
          { role: 'online-duty-senior', revoked: true },
          { role: 'emhp', teamId: teamGrant?.teamId ?? null },
        ],
      }),
    },
    {
      name: 'second factor not given',
      expected: 'active',
      make: useOne({}, { isSecondFactorDone: false }),
    },
    {
      name: 'no second factor needed',
      expected: 'active',
      make: useOne({ roles: [{ role: 'professional-referrer' }] }, { isSecondFactorDone: false }),
    },
    { name: 'temporary password', expected: 'active', make: useOne({ mustChangePassword: true }) },
    { name: 'never stored', expected: 'unknown', make: async () => ({ token: newToken() }) },
    { name: 'no cookie', expected: 'none', make: async () => ({ token: '' }) },
  ];

  function useOne(who: Person, times: SessionTimes = {}) {
    return async () => {
      const userId = await person(who);
      return { token: await session(userId, times), userId };
    };
  }

  /** What must match: everything but the ids that differ between the two copies of a case. */
  function comparable(resolved: Resolved | undefined) {
    if (resolved?.kind !== 'active') return resolved;
    const { tokenHash: _t, userId: _u, csrfToken: _c, ...session } = resolved.session;
    const { sessionTokenHash: _s, userId: _a, ...actor } = resolved.actor;
    return { kind: resolved.kind, session, actor };
  }

  const sessionsOf = (userId: string | undefined) =>
    userId
      ? asSystem((tx) =>
          tx
            .select({
              lastSeenAt: sessions.lastSeenAt,
              endedAt: sessions.endedAt,
              endReason: sessions.endReason,
            })
            .from(sessions)
            .where(eq(sessions.userId, userId))
            .orderBy(asc(sessions.lastSeenAt)),
        )
      : Promise.resolve([]);

  it('comes to the same as resolving one by one, and leaves the same sessions behind', async () => {
    expect(teamGrant).toBeDefined();
    const bulkCases = [];
    const singleCases = [];
    for (const { make } of cases) {
      bulkCases.push(await make());
      singleCases.push(await make());
    }
    const bulkTokens = bulkCases.map((made) => made.token);
    // A token twice (two sockets on one session) is resolved once.
    const bulk = await resolveActors(db, [...bulkTokens, bulkTokens[0] ?? ''], now);
    expect(bulk.size).toBe(bulkTokens.length);
    for (const [index, { name, expected }] of cases.entries()) {
      const one = await resolveActor(db, singleCases[index]?.token, now);
      const many = bulk.get(bulkTokens[index] ?? '');
      const outcome = many?.kind === 'ended' ? many.reason : many?.kind;
      expect(outcome, name).toBe(expected);
      expect(comparable(many), name).toEqual(comparable(one));
      if (many?.kind === 'active') {
        expect(many.actor.sessionTokenHash, name).toBe(sha256(bulkTokens[index] ?? ''));
        expect(many.actor.userId, name).toBe(bulkCases[index]?.userId);
      }
      expect(await sessionsOf(bulkCases[index]?.userId), name).toEqual(
        await sessionsOf(singleCases[index]?.userId),
      );
    }
  });

  it('sees what changed since the last time: a removed role, a touch once a minute', async () => {
    const userId = await person({ roles: [{ role: 'online-counsellor' }, { role: 'online-duty-senior' }] });
    const token = await session(userId, { lastSeenAt: ago(2 * MINUTE) });
    const before = (await resolveActors(db, [token], now)).get(token);
    expect(before?.kind === 'active' && before.actor.roles).toEqual([
      'online-counsellor',
      'online-duty-senior',
    ]);
    await asSystem((tx) =>
      tx
        .update(userRoles)
        .set({ revokedAt: now })
        .where(and(eq(userRoles.userId, userId), eq(userRoles.role, 'online-duty-senior'))),
    );
    const after = (await resolveActors(db, [token], new Date(now.getTime() + 30_000))).get(token);
    expect(after?.kind === 'active' && after.actor.roles).toEqual(['online-counsellor']);
    expect((await sessionsOf(userId)).map((row) => row.lastSeenAt)).toEqual([now]);
  });
});
