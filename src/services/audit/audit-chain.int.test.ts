import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { asc, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database, LanternDb } from '../../db/client.js';
import {
  type AccessLogEntry,
  accessContent,
  appendAccessLog,
  appendAuditLog,
  auditContent,
} from '../../db/repositories/audit.repository.js';
import { accessLog, auditLog } from '../../db/schema/audit.js';
import { chainHash } from '../../domain/audit/hash-chain.js';
import { packageRoot } from '../../paths.js';
import { createTestApp } from '../../test-support/app.js';
import { type TestDatabase, testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  enrolledDemoUser,
  signIn,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';
import { verifyAuditChains } from './access-log.js';

type Chain = 'access_log' | 'audit_log';
const chains: Chain[] = ['access_log', 'audit_log'];
const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 9, minute));

/** Why a query failed: drizzle wraps the database's own error as its cause. */
async function failureOf(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    const { message, cause } = error as Error & { cause?: Error };
    return `${message} ${cause?.message ?? ''}`;
  }
  return 'no error';
}

/** Access-log entry number n: a privacy officer's search, unless `change` says otherwise. */
function accessEntry(n: number, change: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    occurredAt: at(n),
    requestId: `request-${n}`,
    userId: null,
    roles: ['privacy-officer'],
    basis: 'role',
    subjectKind: 'access-log',
    action: 'access-log:search',
    outcome: 'allowed',
    ...change,
  };
}

function append(db: LanternDb, chain: Chain, n: number) {
  return chain === 'access_log'
    ? appendAccessLog(db, accessEntry(n))
    : db.transaction((tx) =>
        appendAuditLog(tx, {
          occurredAt: at(n),
          requestId: `request-${n}`,
          entity: 'user',
          entityId: `user-${n}`,
          action: 'deactivated',
          before: { isActive: true, version: n },
          after: { isActive: false, version: n + 1 },
        }),
      );
}

/** Each chain's rows and how many problems the verifier finds, access log first. */
async function rowsAndProblems(db: LanternDb): Promise<number[][]> {
  const reports = await verifyAuditChains(db);
  return reports.map((report) => [report.rows, report.problems.length]);
}

/**
 * Rows 1, 2, 3, 11, 12, 13 in each chain, appended as the app role; the gap is such as a rolled-back
 * transaction leaves, made by the owner (the app role may not move a sequence).
 */
async function seedChains(database: Database) {
  for (const chain of chains) {
    for (const n of [1, 2, 3]) await append(database.db, chain, n);
    await database.withOwnerConnection((owner) =>
      owner.execute(sql`select setval(pg_get_serial_sequence(${chain}, 'id'), 10)`),
    );
    for (const n of [11, 12, 13]) await append(database.db, chain, n);
  }
}

const columns: Record<Chain, string> = {
  access_log:
    'occurred_at, request_id, user_id, roles, organisation_id, basis, subject_kind, subject_id, action, outcome, reason, previous_hash, hash',
  audit_log:
    'occurred_at, request_id, user_id, entity, entity_id, action, before, after, previous_hash, hash',
};

/** A forger who knows the hashing: the row carries a correct hash over its content and predecessor. */
async function insertForgedRow(db: LanternDb, chain: Chain) {
  const table = chain === 'access_log' ? accessLog : auditLog;
  const [row3] = await db.select().from(table).where(sql`id = 3`).orderBy(asc(table.id));
  const previousHash = row3?.hash ?? '';
  if (chain === 'access_log') {
    const forged = { ...accessContent(row3 as typeof accessLog.$inferSelect), action: 'forged' };
    await db
      .insert(accessLog)
      .values({ id: 5, ...forged, previousHash, hash: chainHash(previousHash, forged) });
  } else {
    const forged = { ...auditContent(row3 as typeof auditLog.$inferSelect), action: 'forged' };
    await db
      .insert(auditLog)
      .values({ id: 5, ...forged, previousHash, hash: chainHash(previousHash, forged) });
  }
}

interface Tampering {
  what: string;
  tamper: (db: LanternDb, chain: Chain) => Promise<unknown>;
  /** Where the verifier first notices. */
  firstProblem: { id: number; problem: string };
}

const tamperings: Tampering[] = [
  {
    what: 'an edited row',
    tamper: (db, chain) =>
      db.execute(sql`update ${sql.identifier(chain)} set action = 'forged' where id = 2`),
    firstProblem: { id: 2, problem: 'content-changed' },
  },
  {
    what: 'a deleted row',
    tamper: (db, chain) => db.execute(sql`delete from ${sql.identifier(chain)} where id = 3`),
    firstProblem: { id: 11, problem: 'broken-link' },
  },
  { what: 'an inserted row', tamper: insertForgedRow, firstProblem: { id: 11, problem: 'broken-link' } },
  {
    what: 'two swapped rows',
    tamper: (db, chain) =>
      db.execute(
        sql.raw(`update ${chain} a set (${columns[chain]}) = (select ${columns[chain]} from ${chain} b
          where b.id = case a.id when 2 then 3 else 2 end) where a.id in (2, 3)`),
      ),
    firstProblem: { id: 2, problem: 'broken-link' },
  },
];

const cases = tamperings.flatMap((tampering) => chains.map((chain) => ({ ...tampering, chain })));

describe.each(testDatabases)('the access log and audit trail hash chains on $name', (factory) => {
  it('verify as intact after people sign in, are refused, and are changed', async () => {
    const clock = testClock('2026-11-24T09:00:00Z');
    const ctx = await createTestApp(factory, { now: clock.now });
    try {
      const admin = enrolledDemoUser('system-administrator');
      const emhp = enrolledDemoUser('emhp');
      const adminSession = await signInWithTotp(ctx.app, admin, {
        remoteAddress: '10.3.1.1',
        now: clock.now,
      });
      const emhpSession = await signInWithTotp(ctx.app, emhp, { remoteAddress: '10.3.1.2', now: clock.now });
      await signIn(ctx.app, 'school-staff-referrer@demo.lantern.example', { remoteAddress: '10.3.1.3' });
      clock.advance(90_000);
      expect((await ctx.app.inject({ url: '/api/admin/users', ...asSession(emhpSession) })).statusCode).toBe(
        403,
      );
      const reset = await ctx.app.inject({
        method: 'POST',
        url: `/api/admin/users/${emhp.id}/reset-second-factor`,
        ...asSession(adminSession, { headers: { 'if-match': '"1"' } }),
      });
      expect(reset.statusCode, reset.body).toBe(200);
      const reports = await verifyAuditChains(ctx.database.db);
      expect(reports.map((report) => report.chain)).toEqual(chains);
      for (const report of reports) {
        expect(report.rows, report.chain).toBeGreaterThan(0);
        expect(report.problems, report.chain).toEqual([]);
      }
    } finally {
      await ctx.dispose();
    }
  });

  describe('on a database of its own', () => {
    let testDb: TestDatabase;
    afterEach(() => testDb?.dispose());
    const fresh = async () => {
      testDb = await factory.create();
      await seedChains(testDb.database);
      return testDb.database;
    };
    const changes = (chain: Chain) => {
      const table = sql.identifier(chain);
      return [
        sql`update ${table} set action = 'x' where id = 2`,
        sql`delete from ${table} where id = 2`,
        sql`truncate ${table}`,
      ];
    };

    it('refuses UPDATE, DELETE and TRUNCATE on both tables, by trigger even to their owner', async () => {
      const database = await fresh();
      for (const chain of chains) {
        for (const change of changes(chain)) {
          expect(await failureOf(database.db.execute(change))).toMatch(/permission denied|append-only/);
          const asOwner = database.withOwnerConnection((owner) => owner.execute(change));
          expect(await failureOf(asOwner)).toContain(`${chain} is append-only`);
        }
      }
      expect(await rowsAndProblems(database.db)).toEqual([
        [6, 0],
        [6, 0],
      ]);
    });

    it.each(cases)('detects $what in $chain, even with the triggers disabled', async (tampering) => {
      const { chain, tamper, firstProblem } = tampering;
      const database = await fresh();
      expect((await verifyAuditChains(database.db)).flatMap((report) => report.problems)).toEqual([]);
      await database.withOwnerConnection(async (owner) => {
        await owner.execute(sql`alter table ${sql.identifier(chain)} disable trigger user`);
        await tamper(owner, chain);
      });
      const reports = await verifyAuditChains(database.db);
      const tampered = reports.find((report) => report.chain === chain);
      const untouched = reports.find((report) => report.chain !== chain);
      expect(tampered?.problems.length).toBeGreaterThan(0);
      expect(tampered?.problems[0]).toEqual(firstProblem);
      expect(untouched?.problems).toEqual([]);
    });

    it('refuses to append in a repeatable-read transaction, whose snapshot could hide the newest row', async () => {
      const database = await fresh();
      const inRepeatableRead = database.db.transaction(
        (tx) =>
          appendAccessLog(
            database.db,
            accessEntry(30, {
              roles: ['commissioner'],
              basis: 'aggregates',
              subjectKind: 'report',
              action: 'report:read-published',
            }),
            tx,
          ),
        { isolationLevel: 'repeatable read' },
      );
      expect(await failureOf(inRepeatableRead)).toContain('appended only at read committed');
      expect(await rowsAndProblems(database.db)).toEqual([
        [6, 0],
        [6, 0],
      ]);
    });

    it('keeps a row whose text holds half a character pair, stored and hashed alike', async () => {
      const database = await fresh();
      await appendAccessLog(
        database.db,
        accessEntry(31, {
          roles: ['duty-senior'],
          basis: 'break-glass',
          subjectKind: 'child',
          action: 'child:read',
          reason: 'urgent \ud800 risk',
        }),
      );
      const [row] = await database.db.select().from(accessLog).orderBy(sql`id desc`).limit(1);
      expect(row?.reason).toBe('urgent \ufffd risk');
      expect(await rowsAndProblems(database.db)).toEqual([
        [7, 0],
        [6, 0],
      ]);
    });

    it('stays whole, in id order, when many rows are appended at once', async () => {
      const database = await fresh();
      // On PostgreSQL these run on several pooled connections at once, racing for the chain's lock.
      await Promise.all(
        chains.flatMap((chain) => Array.from({ length: 40 }, (_, i) => append(database.db, chain, 20 + i))),
      );
      const reports = await verifyAuditChains(database.db);
      expect(reports.map((report) => [report.chain, report.rows, report.problems])).toEqual([
        ['access_log', 46, []],
        ['audit_log', 46, []],
      ]);
      // Each row's stored hash is chainHash over what reads back, as the verifier worked it out.
      const [last] = await database.db.select().from(auditLog).orderBy(sql`id desc`).limit(1);
      expect(last?.hash).toBe(
        chainHash(last?.previousHash ?? '', auditContent(last as typeof auditLog.$inferSelect)),
      );
    });
  });
});

/** The real `lantern audit verify`, run as an operator would against the PostgreSQL server. */
describe.each(testDatabases.filter((factory) => factory.name === 'postgres'))(
  'lantern audit verify on $name',
  (factory) => {
    let testDb: TestDatabase;
    beforeAll(async () => {
      testDb = await factory.create();
      await seedChains(testDb.database);
    });
    afterAll(() => testDb?.dispose());

    const verify = () => {
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(packageRoot, 'src', 'cli', 'lantern.ts'), 'audit', 'verify'],
        {
          cwd: packageRoot,
          env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATABASE_URL: testDb.url ?? '' },
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
      return { code: result.status, stdout: result.stdout };
    };

    it('exits 0 while the chains are intact and 1 once a row is edited', async () => {
      const intact = verify();
      expect(intact.code).toBe(0);
      expect(intact.stdout).toContain('access_log: 6 rows, intact');
      expect(intact.stdout).toContain('audit_log: 6 rows, intact');
      await testDb.database.withOwnerConnection(async (owner) => {
        await owner.execute(sql`alter table access_log disable trigger user`);
        await owner.execute(sql`update access_log set outcome = 'denied' where id = 12`);
      });
      const broken = verify();
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('access_log: 6 rows, BROKEN at 1 place(s)');
      expect(broken.stdout).toContain('row 12: content-changed');
      expect(broken.stdout).toContain('audit_log: 6 rows, intact');
    });
  },
);
