import { sql } from 'drizzle-orm';
import { insertInChunks } from '../bulk-insert.js';
import type { LanternDb } from '../client.js';
import { userRoles, users } from '../schema/identity.js';

// The only code that queries the identity area's tables.

export interface IdentityData {
  users: (typeof users.$inferInsert)[];
  userRoles: (typeof userRoles.$inferInsert)[];
}

export async function insertIdentityData(db: LanternDb, data: IdentityData): Promise<void> {
  await insertInChunks(db, users, data.users);
  await insertInChunks(db, userRoles, data.userRoles);
}

export async function countUsersByRole(db: LanternDb): Promise<Map<string, number>> {
  const rows = await db
    .select({ role: userRoles.role, count: sql<number>`count(*)::int` })
    .from(userRoles)
    .groupBy(userRoles.role);
  return new Map(rows.map((row) => [row.role, Number(row.count)]));
}
