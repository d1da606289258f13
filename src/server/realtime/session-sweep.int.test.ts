import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { insertInChunks } from '../../db/bulk-insert.js';
import type { LanternDb } from '../../db/client.js';
import { sessions } from '../../db/schema/identity.js';
import { onlineSessions } from '../../db/schema/online.js';
import { withScope } from '../../db/scoped.js';
import { newToken, sha256 } from '../../services/identity/credentials.js';
import { createDemoDatabase } from '../../test-support/app.js';
import { type TestDatabase, testDatabases } from '../../test-support/databases.js';
import { youngPersonSession } from '../../test-support/online.js';
import { demoIdentity, MINUTE } from '../../test-support/session.js';
import { createSessionSweep, type SweptSocket } from './session-sweep.js';
import { countingQueries } from './socket-test-kit.js';

// What a sweep costs the database: the same few queries for two open sockets as for twenty, and a
// handful for thousands, where one check per socket cost a transaction apiece.
describe.each(testDatabases)('the session sweep’s queries on $name', (factory) => {
  const startedAt = new Date('2026-12-01T15:00:00Z');
  // Every session was last seen two minutes before the sweep, so each sweep touches them all.
  const sweptAt = new Date(startedAt.getTime() + 2 * MINUTE);
  let database: TestDatabase;
  let db: LanternDb;
  const staffUsers = demoIdentity.users
    .filter((user) => user.isActive !== false)
    .map((user) => user.id ?? '');

  beforeAll(async () => {
    database = await createDemoDatabase(factory);
    db = database.database.db;
  }, 240_000);
  afterAll(async () => {
    await database?.dispose();
  });

  /** `count` staff sessions (of different people where there are enough) and `count` young people's. */
  async function openSessions(count: number, youngPeople: number) {
    const staff = Array.from({ length: count }, () => newToken());
    const accounts = await Promise.all(
      Array.from({ length: youngPeople }, () => youngPersonSession(db, { now: startedAt })),
    );
    const young = Array.from({ length: count }, () => newToken());
    await withScope(db, systemScope('test sessions'), async (tx) => {
      const times = { createdAt: startedAt, lastSeenAt: startedAt };
      await insertInChunks(
        tx,
        sessions,
        staff.map((token, i) => ({
          tokenHash: sha256(token),
          userId: staffUsers[i % staffUsers.length] ?? '',
          isSecondFactorDone: true,
          csrfToken: token,
          ...times,
        })),
      );
      await insertInChunks(
        tx,
        onlineSessions,
        young.map((token, i) => ({
          tokenHash: sha256(token),
          accountId: accounts[i % accounts.length]?.accountId ?? '',
          csrfToken: token,
          ...times,
        })),
      );
    });
    return { staff, young };
  }

  /** Sweeps sockets on those sessions once; how many queries it took and what each socket was told. */
  async function sweepOnce(tokens: { staff: string[]; young: string[] }) {
    const counter = { queries: 0 };
    const sweep = createSessionSweep({
      db: countingQueries(db, counter),
      now: () => sweptAt,
      log: { warn: () => {}, error: () => {} },
    });
    const told: string[] = [];
    const open = (kind: SweptSocket['kind'], token: string) =>
      sweep.register({ kind, token, onResolved: (resolved) => told.push(resolved.kind) });
    for (const token of tokens.staff) open('staff', token);
    for (const token of tokens.young) open('young-person', token);
    await sweep.sweepNow();
    await sweep.stop();
    return { queries: counter.queries, told };
  }

  it('makes as many queries for twenty sockets as for two', async () => {
    const few = await sweepOnce(await openSessions(2, 2));
    const many = await sweepOnce(await openSessions(20, 20));
    expect(few.told).toEqual(Array(4).fill('active'));
    expect(many.told).toEqual(Array(40).fill('active'));
    expect(few.queries).toBeGreaterThan(0);
    expect(many.queries).toBe(few.queries);
  });

  it('checks thousands of sockets in a handful of queries', async () => {
    const swept = await sweepOnce(await openSessions(2_500, 10));
    expect(swept.told).toEqual(Array(5_000).fill('active'));
    // Per kind: reads and touches in chunks of a thousand, the roles once, a transaction for young people.
    expect(swept.queries).toBeLessThanOrEqual(20);
  });
});
