import type { LanternDb } from './client.js';

type Table = Parameters<LanternDb['insert']>[0];

/** Inserts rows in chunks, so a large demo area stays under PostgreSQL's 65,535 bind parameters. */
export async function insertInChunks(db: LanternDb, table: Table, rows: readonly object[], size = 500) {
  for (let i = 0; i < rows.length; i += size) {
    await db.insert(table).values(rows.slice(i, i + size) as never);
  }
}
