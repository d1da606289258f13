import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type LanternDb = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: PGlite embedded in this process, or a PostgreSQL server. */
export interface Database {
  kind: DatabaseKind;
  db: LanternDb;
  /** Runs `work` on one connection, for session-level settings such as advisory locks. */
  withConnection<T>(work: (db: LanternDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

export interface DatabaseSettings {
  DATABASE_URL?: string | undefined;
  dataDir: string;
}

export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  return settings.DATABASE_URL ? openPostgres(settings.DATABASE_URL) : openPglite(settings.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  const client = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as LanternDb;
  return {
    kind: 'pglite',
    db,
    // PGlite has a single connection, so every piece of work already shares it.
    withConnection: (work) => work(db),
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // A pool emits errors for idle clients the server dropped; without a listener the process dies.
  pool.on('error', () => undefined);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnreachableError(`cannot reach PostgreSQL at ${describeServer(url)}: ${reason(error)}`);
  }
  return {
    kind: 'postgres',
    db: drizzlePostgres(pool, { schema }) as unknown as LanternDb,
    async withConnection(work) {
      const client = await pool.connect();
      try {
        return await work(drizzlePostgres(client, { schema }) as unknown as LanternDb);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Host, port and database name, never the user name or password. */
export function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}

function reason(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'ECONNREFUSED') return 'connection refused (is the server running?)';
    if (code === 'ENOTFOUND') return 'host not found';
    if (code === '3D000') return 'that database does not exist';
    if (code === '28P01' || code === '28000') return 'the server refused the credentials';
    if (message) return message.split('\n')[0] ?? message;
  }
  return 'unknown error';
}

/** Runs raw SQL and returns its rows; PGlite and node-postgres both answer with `{ rows }`. */
export async function queryRows<T>(db: LanternDb, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
