import { sql } from 'drizzle-orm';
import { systemScope } from '../../access/scope.js';
import { changedRows, type Database, type LanternDb, queryRows } from '../../db/client.js';
import { scopeSetting } from '../../db/scoped.js';
import { loadScaleArea, type ScaleArea, ScaleAreaError } from './scale-area.js';
import { type BatchContext, batchSql, contactsSql, summariseSql } from './scale-batch-sql.js';
import { insertStatements, type ScaleTable } from './scale-insert-sql.js';
import { dropTemporaryTables, fillTemporaryTables } from './scale-setup.js';
import { MAX_SCALE_RUNS, runOfReference, SCALE_REFERENCE_PREFIX } from './scale-sql.js';

// `lantern demo --referrals N`: adds N synthetic referrals, with their children, triage decisions,
// allocations, episodes, care contacts and clock-stop milestones, to a database holding the demo
// area. Generated on the server in batches (INSERT ... SELECT from generate_series), so ten million
// take minutes. Each call is a new run: running it twice adds another N (ids and references carry
// the run number, `SC01-...`, `SC02-...`).

/** PGlite holds everything in this process's memory: keep it to a size a laptop copes with. */
export const MAX_PGLITE_SCALE_REFERRALS = 200_000;
export const MAX_SCALE_REFERRALS = 50_000_000;
export const DEFAULT_SCALE_BATCH = 250_000;
const YEAR = 365.25 * 86_400_000;

export interface ScaleOptions {
  referrals: number;
  /** Nothing is received, decided or attended after this. */
  now: Date;
  /** Referrals are received from here to `now`; five years before `now` unless given. */
  since?: Date;
  batchSize?: number;
  /** Seeds PostgreSQL's random(), so the same seed on the same server gives the same draws. */
  seed?: number;
  /** Connections generating batches at once on a PostgreSQL server (default 2; PGlite has one). */
  workers?: number;
  /** Refresh the planner's statistics afterwards (default true); a small top-up can skip it. */
  analyse?: boolean;
  onProgress?: (progress: ScaleProgress) => void;
}

export type ScaleCounts = Record<ScaleTable, number>;

export interface ScaleProgress {
  run: number;
  batch: number;
  batches: number;
  counts: ScaleCounts;
  ms: number;
}

export interface ScaleResult {
  run: number;
  counts: ScaleCounts;
  ms: number;
}

export class ScaleLimitError extends Error {
  override name = 'ScaleLimitError';
}

export function checkScaleSize(kind: Database['kind'], referrals: number): void {
  if (!Number.isInteger(referrals) || referrals < 1 || referrals > MAX_SCALE_REFERRALS) {
    throw new ScaleLimitError(
      `the number of referrals must be a whole number from 1 to ${MAX_SCALE_REFERRALS}`,
    );
  }
  if (kind === 'pglite' && referrals > MAX_PGLITE_SCALE_REFERRALS) {
    throw new ScaleLimitError(
      `the embedded database (PGlite) takes at most ${MAX_PGLITE_SCALE_REFERRALS} synthetic referrals; set DATABASE_URL to a PostgreSQL server for more`,
    );
  }
}

const emptyCounts = (): ScaleCounts => ({
  children: 0,
  referrals: 0,
  triage_decisions: 0,
  allocations: 0,
  episodes: 0,
  care_contacts: 0,
  episode_milestones: 0,
});

/**
 * Above this many referrals on a PostgreSQL server, and only when connected as a superuser, the
 * load skips the per-row foreign-key checks (`session_replication_role = replica`, this connection
 * only; the tables have no other triggers). Every id is made here from the batch's numbers or read
 * from the area, so each reference is known to exist; skipping the checks halves the load time.
 * Smaller runs, the integration tests among them, keep every check.
 */
export const FOREIGN_KEY_CHECKS_UP_TO = 50_000;

async function isSuperuser(db: LanternDb): Promise<boolean> {
  const [row] = await queryRows<{ yes: boolean }>(
    db,
    sql`select rolsuper as yes from pg_roles where rolname = current_user`,
  );
  return row?.yes === true;
}

/** Runs `work` in a transaction under the system's record scope (the children's tables have forced RLS). */
function asSystem<T>(db: LanternDb, work: (tx: LanternDb) => Promise<T>): Promise<T> {
  const setting = scopeSetting(systemScope('synthetic referrals at scale'));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('lantern.scope', ${setting}, true)`);
    return work(tx);
  });
}

async function guardDemoOnly(db: LanternDb): Promise<void> {
  const [row] = await queryRows<{ real: number; all: number }>(
    db,
    sql`select count(*) filter (where not is_fictional)::int as real, count(*)::int as all from organisations`,
  );
  if (!row || row.all === 0)
    throw new ScaleAreaError('the database has no demo area: build it first (lantern demo)');
  if (row.real > 0) {
    throw new ScaleAreaError(
      'the database holds real organisations: synthetic referrals go only beside the demo area',
    );
  }
}

async function nextRun(db: LanternDb): Promise<number> {
  const [last] = await asSystem(db, (tx) =>
    queryRows<{ reference: string }>(
      tx,
      sql`select reference from referrals where reference >= ${SCALE_REFERENCE_PREFIX} and reference < 'SD'
          order by reference desc limit 1`,
    ),
  );
  const run = (last ? (runOfReference(last.reference) ?? 0) : 0) + 1;
  if (run > MAX_SCALE_RUNS)
    throw new ScaleLimitError(`synthetic referrals can be added at most ${MAX_SCALE_RUNS} times`);
  return run;
}

/** Adds `options.referrals` synthetic referrals and everything that follows from them. */
export async function addScaleReferrals(database: Database, options: ScaleOptions): Promise<ScaleResult> {
  checkScaleSize(database.kind, options.referrals);
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_SCALE_BATCH;
  const since = options.since ?? new Date(options.now.getTime() - 5 * YEAR);
  const { area, run, skipChecks } = await database.withOwnerConnection(async (db) => {
    await guardDemoOnly(db);
    return {
      area: await loadScaleArea(db),
      run: await nextRun(db),
      skipChecks:
        database.kind === 'postgres' &&
        options.referrals > FOREIGN_KEY_CHECKS_UP_TO &&
        (await isSuperuser(db)),
    };
  });
  const counts = emptyCounts();
  const batches = Math.ceil(options.referrals / batchSize);
  const statements = insertStatements(run, options.now);
  // PGlite has one connection; on a server, batches go to `workers` connections at once.
  const workers = database.kind === 'postgres' ? Math.max(1, Math.min(options.workers ?? 2, batches)) : 1;
  let next = 0;
  let done = 0;
  const worker = (index: number) =>
    database.withOwnerConnection(async (db) => {
      try {
        // A batch's temporary tables hold a few hundred megabytes: keep them in memory (this session only,
        // and only settable before the session's first temporary table).
        if (database.kind === 'postgres') await db.execute(sql.raw("set temp_buffers = '512MB'"));
        const slots = await fillTemporaryTables(db, area, since, options.now);
        if (database.kind === 'postgres') {
          // Settings for this connection only: a bulk load need not wait for each commit's flush.
          await db.execute(sql.raw('set synchronous_commit = off'));
          await db.execute(sql.raw("set work_mem = '256MB'"));
          if (skipChecks) await db.execute(sql.raw('set session_replication_role = replica'));
        }
        if (options.seed !== undefined) {
          await db.execute(sql`select setseed(${(((options.seed + index) % 1999) - 999) / 1000})`);
        }
        for (let batch = next++; batch < batches; batch = next++) {
          const ctx: BatchContext = {
            run,
            from: batch * batchSize + 1,
            to: Math.min(options.referrals, (batch + 1) * batchSize),
            now: options.now,
            ...slots,
            ...areaConstants(area),
          };
          const added = await asSystem(db, async (tx) => {
            const rows = emptyCounts();
            await tx.execute(sql.raw('truncate scale_batch, scale_contacts'));
            await tx.execute(sql.raw(batchSql(ctx)));
            await tx.execute(sql.raw(contactsSql(ctx)));
            await tx.execute(sql.raw(summariseSql(ctx)));
            for (const statement of statements) {
              rows[statement.table] += changedRows(await tx.execute(sql.raw(statement.sql)));
            }
            return rows;
          });
          for (const table of Object.keys(counts) as (keyof ScaleCounts)[]) counts[table] += added[table];
          done += 1;
          options.onProgress?.({
            run,
            batch: done,
            batches,
            counts: { ...counts },
            ms: performance.now() - started,
          });
        }
      } catch (error) {
        next = batches; // the other connections stop after their current batch
        throw error;
      } finally {
        await dropTemporaryTables(db);
      }
    });
  await Promise.all(Array.from({ length: workers }, (_, index) => worker(index)));
  if (options.analyse !== false) {
    await database.withOwnerConnection((db) =>
      db.execute(sql.raw(`analyze ${Object.keys(counts).join(', ')}`)),
    );
  }
  return { run, counts, ms: performance.now() - started };
}

function areaConstants(area: ScaleArea) {
  return {
    intakeTeamId: area.intakeTeamId,
    intakeServiceId: area.intakeServiceId,
    trustId: area.trustId,
    mhstServiceId: area.mhstServiceId,
    camhsServiceId: area.camhsServiceId,
    selfReferralMinAge: area.selfReferralMinAge,
    triageClinicians: area.triageClinicians,
  };
}
