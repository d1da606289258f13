import type { LanternDb } from '../../db/client.js';
import { insertSnapshotFacts } from '../../db/repositories/reporting-facts.repository.js';
import { addDays } from '../../domain/reporting/periods.js';

/**
 * The instant a snapshot dated `asOf` is taken at: the end of that London day, or now for today.
 * The rollups and the base-table figures use the same rule, so they agree.
 */
export function snapshotInstant(asOf: string, today: string, now: Date): Date {
  if (asOf >= today) return now;
  return londonMidnight(addDays(asOf, 1));
}

/** The first instant of a London day (noon UTC is always on the same London day). */
function londonMidnight(day: string): Date {
  const noon = new Date(`${day}T12:00:00Z`);
  const londonHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hour12: false }).format(
      noon,
    ),
  );
  return new Date(noon.getTime() - londonHour * 3_600_000);
}

export async function snapshotAt(tx: LanternDb, asOf: string, today: string, now: Date): Promise<void> {
  await insertSnapshotFacts(tx, asOf, snapshotInstant(asOf, today, now));
}
