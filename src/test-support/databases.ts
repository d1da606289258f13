import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';

/**
 * The databases integration tests run on: PGlite always, and the PostgreSQL server as well when
 * DATABASE_URL is set. Each call to `create` gives a new, empty, migrated database.
 */
export interface TestDatabaseFactory {
  name: 'pglite' | 'postgres';
  create(options?: { migrate?: boolean }): Promise<TestDatabase>;
}

export interface TestDatabase {
  database: Database;
  /** The server URL of this database (postgres only). */
  url?: string;
  dispose(): Promise<void>;
}

const pglite: TestDatabaseFactory = {
  name: 'pglite',
  async create({ migrate = true } = {}) {
    const database = await openDatabase({ dataDir: 'memory://' });
    if (migrate) {
      await runMigrations(database);
      await database.enterAppRole();
    }
    return { database, dispose: () => database.close() };
  },
};

/** A fresh database on the server named by `serverUrl`, dropped again by dispose(). */
export async function createServerDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  // Named by run, so a run cleaning up after itself never drops another run's databases.
  const run = (process.env.LANTERN_TEST_RUN ?? 'local').replace(/[^a-z0-9]/gi, '').toLowerCase();
  const name = `lantern_test_${run}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

function postgres(serverUrl: string): TestDatabaseFactory {
  return {
    name: 'postgres',
    async create({ migrate = true } = {}) {
      const server = await createServerDatabase(serverUrl);
      const database = await openDatabase({ DATABASE_URL: server.url, dataDir: 'unused' });
      if (migrate) {
        await runMigrations(database);
        await database.enterAppRole();
      }
      return {
        database,
        url: server.url,
        async dispose() {
          await database.close();
          await server.drop();
        },
      };
    },
  };
}

export const testDatabases: TestDatabaseFactory[] = process.env.DATABASE_URL
  ? [pglite, postgres(process.env.DATABASE_URL)]
  : [pglite];
