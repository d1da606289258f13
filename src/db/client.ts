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

/**
 * The role Lantern's requests run as: not a superuser, owns no tables, holds only the grants the
 * migrations give it (no UPDATE or DELETE on the audit tables, no DELETE on clinical data).
 */
export const APP_ROLE = 'lantern_app';

/** An open database: PGlite embedded in this process, or a PostgreSQL server. */
export interface Database {
  kind: DatabaseKind;
  /** Queries as the app role once enterAppRole() has run; as the connecting owner before that. */
  readonly db: LanternDb;
  /** Runs `work` as the owner of the tables, on one connection: migrations, and tests that tamper. */
  withOwnerConnection<T>(work: (db: LanternDb) => Promise<T>): Promise<T>;
  /** From now on every query runs as APP_ROLE. Call after migrations, which create the role. */
  enterAppRole(): Promise<void>;
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
  let isAppRole = false;
  return {
    kind: 'pglite',
    db,
    // PGlite has one connection: the owner's work switches the role back for its duration.
    async withOwnerConnection(work) {
      if (isAppRole) await client.exec('RESET ROLE');
      try {
        return await work(db);
      } finally {
        if (isAppRole) await client.exec(`SET ROLE ${APP_ROLE}`);
      }
    },
    async enterAppRole() {
      await client.exec(`SET ROLE ${APP_ROLE}`);
      isAppRole = true;
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  let isAppRole = false;
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    // Awaited before a new connection is handed out; if SET ROLE fails, so does the checkout.
    onConnect: async (client: pg.ClientBase) => {
      if (isAppRole) await client.query(`SET ROLE ${APP_ROLE}`);
    },
  });
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
    async withOwnerConnection(work) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
      await client.connect();
      try {
        return await work(drizzlePostgres(client, { schema }) as unknown as LanternDb);
      } finally {
        await client.end();
      }
    },
    async enterAppRole() {
      isAppRole = true;
      // Connections opened before now belong to the owner: take each idle one and switch it.
      const idle = await Promise.all(Array.from({ length: pool.idleCount }, () => pool.connect()));
      await Promise.all(idle.map((client) => client.query(`SET ROLE ${APP_ROLE}`)));
      for (const client of idle) client.release();
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

/**
 * How many rows an UPDATE without RETURNING changed: node-postgres says `rowCount`, PGlite
 * `affectedRows`. RETURNING is avoided where the changed row may leave the caller's row-level
 * security scope (a referral accepted to another service), because PostgreSQL refuses to return it.
 */
export function changedRows(result: unknown): number {
  const { rowCount, affectedRows } = (result ?? {}) as { rowCount?: number | null; affectedRows?: number };
  return rowCount ?? affectedRows ?? 0;
}
