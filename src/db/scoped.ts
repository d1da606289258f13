import { sql } from 'drizzle-orm';
import type { RecordScope } from '../access/scope.js';
import type { LanternDb } from './client.js';

/**
 * Runs `work` in a transaction whose row-level security sees exactly `scope`. Every read or write of
 * a child's data goes through here; with no scope set, the policies show nothing.
 */
export function withScope<T>(
  db: LanternDb,
  scope: RecordScope,
  work: (tx: LanternDb) => Promise<T>,
): Promise<T> {
  const setting = JSON.stringify({
    kinds: scope.kinds,
    userId: scope.userId,
    organisationId: scope.organisationId,
    teamIds: scope.teamIds,
    serviceIds: scope.serviceIds,
    schoolUrns: scope.schoolUrns,
    breakGlass: scope.breakGlass,
  });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('lantern.scope', ${setting}, true)`);
    return work(tx);
  });
}
