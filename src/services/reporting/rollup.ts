import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { systemScope } from '../../access/scope.js';
import { type ReportPeriodKind, reportDimensions } from '../../contracts/reporting.js';
import type { LanternDb } from '../../db/client.js';
import { latestMigrationTag } from '../../db/migrate.js';
import * as rollups from '../../db/repositories/reporting.repository.js';
import { DIMS, prepareFactTables } from '../../db/repositories/reporting-facts.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { addDays } from '../../domain/calendar.js';
import { londonDate } from '../../domain/people/child-details.js';
import { keptCuboids } from '../../domain/reporting/dimensions.js';
import {
  firstSnapshotMonth,
  periodContaining,
  periodKinds,
  snapshotDayOf,
} from '../../domain/reporting/periods.js';
import { collectEventFacts, collectFacts, collectPeopleOfDay } from './facts.js';
import { snapshotAt } from './snapshots.js';

// The rollup jobs (issue 8, DESIGN.md: reporting reads rollup tables refreshed by jobs). Both run
// as the system scope in one transaction, so a report never sees a half-built state.

/** Days whose facts are kept so they can be rolled up again; older days need a full rebuild. */
export const DAY_FACTS_KEPT_DAYS = 35;

/**
 * Raise when what the rollups hold changes in a way the parts below do not show (a measure
 * counted differently, say, with no new migration): a process starting with another shape
 * rebuilds even if one ran today.
 */
const ROLLUP_VERSION = 2;

/** What the rollups hold, as a fingerprint kept with each full rebuild (report_runs.shape). */
export const ROLLUP_SHAPE = createHash('sha256')
  .update(
    JSON.stringify({
      version: ROLLUP_VERSION,
      migration: latestMigrationTag(),
      dimensions: DIMS,
      cuboids: keptCuboids(reportDimensions),
      snapshots: rollups.snapshotMeasures,
      largestOnly: rollups.largestOnlyMeasures,
      people: rollups.peopleThresholds,
      dayFactsKept: DAY_FACTS_KEPT_DAYS,
    }),
  )
  .digest('hex')
  .slice(0, 16);

const scope = () => systemScope('reporting rollups: counts only');

/** One rollup at a time, across processes: two at once would both add the same day's difference. */
const takeRollupLock = (tx: LanternDb) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext('lantern reporting rollups'))`);

/**
 * One rollup run, timed: in one transaction as the system scope, holding the rollup lock, with the
 * fact tables ready; a full or day run is recorded in report_runs with the rows it changed.
 */
async function runRollup(
  db: LanternDb,
  run: { kind: 'full' | 'day' | 'snapshot'; day: string | null; now: Date },
  work: (tx: LanternDb) => Promise<number>,
  skipIf?: (tx: LanternDb) => Promise<boolean>,
): Promise<{ rows: number; ms: number; isSkipped: boolean }> {
  const started = Date.now();
  const rows = await withScope(db, scope(), async (tx) => {
    await takeRollupLock(tx);
    // Checked under the lock, before any set-up: a skipped run costs one query.
    if (await skipIf?.(tx)) return null;
    await rollups.allowAggregationMemory(tx);
    if (run.kind === 'day') await rollups.skipCompiling(tx);
    await prepareFactTables(tx);
    const changed = await work(tx);
    if (run.kind !== 'snapshot') {
      await rollups.recordRun(tx, {
        kind: run.kind,
        day: run.day,
        startedAt: run.now,
        finishedAt: new Date(run.now.getTime() + (Date.now() - started)),
        rows: changed,
        shape: run.kind === 'full' ? ROLLUP_SHAPE : null,
      });
    }
    return changed;
  });
  return { rows: rows ?? 0, ms: Date.now() - started, isSkipped: rows === null };
}

/**
 * Every rollup worked out again from the base tables. With `unlessDoneToday`, nothing is done
 * (`isSkipped`) when the latest full rebuild, by any process, started today with the same shape:
 * checked under the rollup lock, so processes starting together rebuild once between them.
 */
export async function rebuildRollups(
  db: LanternDb,
  options: { now: Date; unlessDoneToday?: boolean },
): Promise<{ rows: number; ms: number; isSkipped: boolean }> {
  const { now } = options;
  const today = londonDate(now);
  const isDoneToday = options.unlessDoneToday
    ? (tx: LanternDb) => rollups.isLatestFullRunOn(tx, today, ROLLUP_SHAPE)
    : undefined;
  return runRollup(db, { kind: 'full', day: null, now }, (tx) => rebuildAll(tx, today, now), isDoneToday);
}

/** The full rebuild's work, inside runRollup: the rows it wrote. */
async function rebuildAll(tx: LanternDb, today: string, now: Date): Promise<number> {
  await rollups.clearRollups(tx);
  await collectFacts(tx, { from: '1900-01-01', to: today }, now);
  let rows = await rollups.addToCounts(tx, rollups.factsByMonth(sql`reporting_facts`), 'empty');
  await rollups.insertPeopleFromFacts(tx);
  rows += await rollups.addToCounts(tx, rollups.peopleCountsSource, 'empty');
  // Period-end figures: one snapshot per month end (today for this month); a quarter or year
  // takes the snapshot of its last month so far.
  const lastSnapshot = new Map<string, { kind: ReportPeriodKind; start: string; asOf: string }>();
  let month = firstSnapshotMonth(today);
  for (;;) {
    const asOf = snapshotDayOf(month, today);
    await snapshotAt(tx, asOf, today, now);
    for (const kind of periodKinds) {
      const start = periodContaining(kind, asOf).start;
      lastSnapshot.set(`${kind}:${start}`, { kind, start, asOf });
    }
    if (asOf === today) break;
    month = periodContaining('month', addDays(month.end, 1));
  }
  for (const { kind, start, asOf } of lastSnapshot.values()) {
    rows += await rollups.replaceSnapshot(tx, { kind, start }, asOf, { isCleared: true });
  }
  rows += await rollups.replaceDayFacts(tx, addDays(today, -DAY_FACTS_KEPT_DAYS), today);
  await rollups.analyseRollups(tx);
  return rows;
}

/**
 * Brings the rollups up to date with one London day's data, reading only that day's rows (and the
 * people it touched): the day's facts are worked out afresh, and what changed since the day was
 * last counted is added. Safe to run again and again (every few minutes for today).
 */
export async function rollupDay(
  db: LanternDb,
  day: string,
  options: { now: Date },
): Promise<{ rows: number; ms: number }> {
  const { now } = options;
  const today = londonDate(now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day > today) {
    throw new AppError('bad-request', 'Roll up a day that has started, as YYYY-MM-DD.', [
      { name: 'day', reason: 'must be a date no later than today' },
    ]);
  }
  if (day < addDays(today, -DAY_FACTS_KEPT_DAYS)) {
    throw new AppError(
      'bad-request',
      `Days more than ${DAY_FACTS_KEPT_DAYS} days ago are rolled up by a full rebuild.`,
      [{ name: 'day', reason: `must be within ${DAY_FACTS_KEPT_DAYS} days of today` }],
    );
  }
  return runRollup(db, { kind: 'day', day, now }, async (tx) => {
    await collectEventFacts(tx, { from: day, to: day }, now);
    let rows = await rollups.addToCounts(tx, rollups.dayDifference(day));
    rows += await rollups.replaceDayFacts(tx, day, day);
    const periods = periodKinds.map((kind) => {
      const period = periodContaining(kind, day);
      return { kind, start: period.start, end: period.end < today ? period.end : today };
    });
    const year = periods[periods.length - 1] as { start: string; end: string };
    await collectPeopleOfDay(tx, day, { from: year.start, to: year.end });
    rows += await rollups.updatePeople(tx, periods);
    await rollups.pruneDayFacts(tx, addDays(today, -DAY_FACTS_KEPT_DAYS));
    return rows;
  });
}

/**
 * The period-end figures (waiting list, longest wait, schools covered) for the periods holding
 * today, taken now. Apart from the day's rollup because it reads the whole waiting list, not one
 * day's rows: the server takes it hourly and at every full rebuild.
 */
export async function takeSnapshots(
  db: LanternDb,
  options: { now: Date },
): Promise<{ rows: number; ms: number }> {
  const { now } = options;
  const today = londonDate(now);
  return runRollup(db, { kind: 'snapshot', day: null, now }, async (tx) => {
    await snapshotAt(tx, today, today, now);
    let rows = 0;
    for (const kind of periodKinds) {
      rows += await rollups.replaceSnapshot(tx, { kind, start: periodContaining(kind, today).start }, today);
    }
    return rows;
  });
}
