import type { LanternDb } from '../../db/client.js';
import { insertSnapshotFacts } from '../../db/repositories/reporting-facts.repository.js';
import { addDays } from '../../domain/calendar.js';
import { londonDayStart } from '../schools/school-work.js';

/**
 * The instant a snapshot dated `asOf` is taken at: the end of that London day, or now for today.
 * The rollups and the base-table figures use the same rule, so they agree.
 */
export function snapshotInstant(asOf: string, today: string, now: Date): Date {
  if (asOf >= today) return now;
  return londonDayStart(addDays(asOf, 1));
}

export async function snapshotAt(tx: LanternDb, asOf: string, today: string, now: Date): Promise<void> {
  await insertSnapshotFacts(tx, asOf, snapshotInstant(asOf, today, now));
}
