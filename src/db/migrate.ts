import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../paths.js';
import { type Database, type DatabaseSettings, type LanternDb, openDatabase, queryRows } from './client.js';

/** Any fixed number shared by every Lantern process: the key of the migration advisory lock. */
const MIGRATION_LOCK_KEY = 4_242_0001;

interface JournalEntry {
  tag: string;
  when: number;
}

function journal(): JournalEntry[] {
  const raw = readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8');
  return (JSON.parse(raw) as { entries: JournalEntry[] }).entries;
}

/** The newest committed migration's name: a new one can change what tables hold. */
export function latestMigrationTag(): string {
  return journal().at(-1)?.tag ?? '';
}

/**
 * Applies the committed migrations. On a PostgreSQL server, a session advisory lock makes a second
 * process starting at the same moment wait, then find nothing left to do.
 */
export async function runMigrations(database: Database): Promise<{ applied: number }> {
  return database.withOwnerConnection(async (db) => {
    if (database.kind === 'pglite') {
      // PGlite is one process and one connection: nothing else can be migrating it.
      const before = await appliedCount(db);
      await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
      return { applied: (await appliedCount(db)) - before };
    }
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      const before = await appliedCount(db);
      await migrateNodePostgres(db as unknown as NodePgDatabase, { migrationsFolder });
      return { applied: (await appliedCount(db)) - before };
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}

/** Opens the database, applies migrations, and switches to the app role: how Lantern starts. */
export async function openMigratedDatabase(
  settings: DatabaseSettings,
): Promise<{ database: Database; applied: number }> {
  const database = await openDatabase(settings);
  try {
    const { applied } = await runMigrations(database);
    await database.enterAppRole();
    return { database, applied };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

export interface MigrationStatus {
  expected: number;
  applied: number;
  isCurrent: boolean;
}

export async function migrationStatus(db: LanternDb): Promise<MigrationStatus> {
  const entries = journal();
  const applied = await appliedCount(db);
  const latest = await latestAppliedAt(db);
  const newest = Math.max(0, ...entries.map((entry) => entry.when));
  return { expected: entries.length, applied, isCurrent: latest >= newest };
}

async function appliedCount(db: LanternDb): Promise<number> {
  const [table] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from information_schema.tables
        where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`,
  );
  if (Number(table?.count ?? 0) === 0) return 0;
  const [applied] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  return Number(applied?.count ?? 0);
}

async function latestAppliedAt(db: LanternDb): Promise<number> {
  if ((await appliedCount(db)) === 0) return 0;
  const [row] = await queryRows<{ latest: string | null }>(
    db,
    sql`select max(created_at)::text as latest from drizzle.__drizzle_migrations`,
  );
  return Number(row?.latest ?? 0);
}
