import type { LanternDb } from '../../db/client.js';
import { addDays } from '../../domain/calendar.js';
import { londonDate } from '../../domain/people/child-details.js';
import { rebuildRollups, rollupDay, takeSnapshots } from './rollup.js';

/** How often the server brings today's rollups up to date. */
export const ROLLUP_EVERY_MS = 5 * 60_000;

/** How often the period-end figures (the waiting list) are taken again between full rebuilds. */
export const SNAPSHOT_EVERY_MS = 60 * 60_000;

/** What the rollup job remembers between runs in one process. */
export interface RollupJobState {
  /** The London day it last ran on. */
  day: string | null;
  /** When it last took the period-end figures (a full rebuild takes them too). */
  snapshotAt: number | null;
}

/**
 * One run of the rollup job. The first run in a process rebuilds everything, unless the latest
 * full rebuild started today with the same shape (another node's, or this one's before a restart:
 * at national scale a rebuild takes minutes); on the first run after midnight, yesterday is rolled
 * up once more (its last minutes) and everything is rebuilt by the first process to get there,
 * which also picks up corrections to earlier days; every run rolls up today; the period-end figures
 * are taken again when an hour has passed (or at once, when this process has none of its own yet).
 */
export async function runRollupJob(
  db: LanternDb,
  now: Date,
  state: RollupJobState,
): Promise<{ full: boolean; days: string[]; snapshot: boolean }> {
  const today = londonDate(now);
  const days: string[] = [];
  let full = false;
  if (state.day !== today) {
    if (state.day !== null) {
      await rollupDay(db, addDays(today, -1), { now });
      days.push(addDays(today, -1));
    }
    full = !(await rebuildRollups(db, { now, unlessDoneToday: true })).isSkipped;
  }
  await rollupDay(db, today, { now });
  days.push(today);
  state.day = today;
  if (full) state.snapshotAt = now.getTime();
  const snapshot =
    !full && (state.snapshotAt === null || now.getTime() - state.snapshotAt >= SNAPSHOT_EVERY_MS);
  if (snapshot) {
    await takeSnapshots(db, { now });
    state.snapshotAt = now.getTime();
  }
  return { full, days, snapshot };
}
