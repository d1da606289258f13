import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { DatabaseUnreachableError, openDatabase, queryRows } from './client.js';
import { migrationStatus, runMigrations } from './migrate.js';

describe.each(testDatabases)('migrations on $name', (factory) => {
  it('apply every committed migration once, and report them current', async () => {
    const { database, dispose } = await factory.create({ migrate: false });
    try {
      expect((await migrationStatus(database.db)).isCurrent).toBe(false);
      const first = await runMigrations(database);
      expect(first.applied).toBeGreaterThan(0);
      const status = await migrationStatus(database.db);
      expect(status).toEqual({ expected: first.applied, applied: first.applied, isCurrent: true });
      expect((await runMigrations(database)).applied).toBe(0);
      const tables = await queryRows<{ table_name: string }>(
        database.db,
        sql`select table_name from information_schema.tables where table_schema = 'public'`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['schools', 'directory_entries']),
      );
    } finally {
      await dispose();
    }
  });
});

const serverUrl = process.env.DATABASE_URL;
describe.runIf(serverUrl)('migrations on a PostgreSQL server', () => {
  it('run once when two processes start at the same moment', async () => {
    const factory = testDatabases.find((f) => f.name === 'postgres');
    if (!factory) throw new Error('postgres factory missing');
    const { url, dispose } = await factory.create({ migrate: false });
    const a = await openDatabase({ DATABASE_URL: url, dataDir: 'unused' });
    const b = await openDatabase({ DATABASE_URL: url, dataDir: 'unused' });
    try {
      const results = await Promise.all([runMigrations(a), runMigrations(b)]);
      const status = await migrationStatus(a.db);
      expect(status.isCurrent).toBe(true);
      // Exactly one of the two did the work; the other waited on the advisory lock and found none.
      expect(results.map((r) => r.applied).sort()).toEqual([0, status.expected]);
    } finally {
      await a.close();
      await b.close();
      await dispose();
    }
  });
});

describe('an unreachable PostgreSQL server', () => {
  it('is reported in one line without the password', async () => {
    const attempt = openDatabase({
      DATABASE_URL: 'postgres://someone:secret@127.0.0.1:1/lantern',
      dataDir: 'x',
    });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnreachableError);
    await expect(attempt).rejects.toThrow(
      /^cannot reach PostgreSQL at 127\.0\.0\.1:1\/lantern: connection refused/,
    );
    await attempt.catch((error: Error) => {
      expect(error.message).not.toContain('secret');
      expect(error.message).not.toContain('\n');
    });
  });
});
