import type { LanternDb } from './client.js';

type Table = Parameters<LanternDb['insert']>[0];

/** Inserts rows in chunks, so a large demo area stays under PostgreSQL's 65,535 bind parameters. */
export async function insertInChunks(db: LanternDb, table: Table, rows: readonly object[], size = 500) {
  for (const chunk of chunksOf(rows, size)) await db.insert(table).values(chunk as never);
}

/** Items split into lists short enough for one statement (an `in (...)` list, a multi-row insert). */
export function chunksOf<T>(items: readonly T[], size = 1_000): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
