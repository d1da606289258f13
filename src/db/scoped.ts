import { sql } from 'drizzle-orm';
import { type RecordScope, systemScope } from '../access/scope.js';
import { type LanternDb, queryRows } from './client.js';

/** The JSON a transaction's row-level security reads (`lantern.scope`). */
export function scopeSetting(scope: RecordScope): string {
  return JSON.stringify({
    kinds: scope.kinds,
    userId: scope.userId,
    onlineAccountId: scope.onlineAccountId,
    organisationId: scope.organisationId,
    teamIds: scope.teamIds,
    serviceIds: scope.serviceIds,
    schoolUrns: scope.schoolUrns,
    breakGlass: scope.breakGlass,
  });
}

/**
 * Runs `work` in a transaction whose row-level security sees exactly `scope`. Every read or write of
 * a child's data goes through here; with no scope set, the policies show nothing.
 */
export function withScope<T>(
  db: LanternDb,
  scope: RecordScope,
  work: (tx: LanternDb) => Promise<T>,
): Promise<T> {
  const setting = scopeSetting(scope);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('lantern.scope', ${setting}, true)`);
    return work(tx);
  });
}

/**
 * Inside a transaction already bound to a person's scope, runs `work` under a system scope and then
 * puts the person's scope back. For the one step a person may take that moves a row out of their own
 * sight (accepting a referral to another service): PostgreSQL checks an updated row against the
 * SELECT policies too, so the hand-over cannot be written under the scope that loses it. The caller
 * must already have found the row within the person's scope. Never run it alongside other queries
 * on the same transaction (no Promise.all): the system scope holds for the transaction meanwhile.
 */
export async function asSystemWithin<T>(tx: LanternDb, reason: string, work: () => Promise<T>): Promise<T> {
  const [previous] = await queryRows<{ scope: string | null }>(
    tx,
    sql`select current_setting('lantern.scope', true) as scope`,
  );
  await tx.execute(sql`select set_config('lantern.scope', ${scopeSetting(systemScope(reason))}, true)`);
  try {
    return await work();
  } finally {
    await tx.execute(sql`select set_config('lantern.scope', ${previous?.scope ?? ''}, true)`);
  }
}
