import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { APP_ROLE, queryRows } from './client.js';

describe.each(testDatabases)('the app role on $name', (factory) => {
  it('runs requests as a role that is not a superuser and owns no tables', async () => {
    const { database, dispose } = await factory.create();
    try {
      const [me] = await queryRows<{ user: string; isSuper: boolean; owned: number }>(
        database.db,
        sql`select current_user as "user",
              (select rolsuper from pg_roles where rolname = current_user) as "isSuper",
              (select count(*)::int from pg_tables where tableowner = current_user) as owned`,
      );
      expect(me).toEqual({ user: APP_ROLE, isSuper: false, owned: 0 });
    } finally {
      await dispose();
    }
  });

  it('cannot change or delete access-log or audit rows, nor delete staff', async () => {
    const { database, dispose } = await factory.create();
    try {
      await expect(database.db.execute(sql`update access_log set outcome = 'x'`)).rejects.toThrow();
      await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
      await expect(database.db.execute(sql`delete from users`)).rejects.toThrow();
      await expect(database.db.execute(sql`truncate access_log`)).rejects.toThrow();
    } finally {
      await dispose();
    }
  });

  it('can still do everything as the owner for migrations', async () => {
    const { database, dispose } = await factory.create();
    try {
      const [owner] = await database.withOwnerConnection((db) =>
        queryRows<{ user: string }>(db, sql`select current_user as "user"`),
      );
      expect(owner?.user).not.toBe(APP_ROLE);
      const [after] = await queryRows<{ user: string }>(database.db, sql`select current_user as "user"`);
      expect(after?.user).toBe(APP_ROLE);
    } finally {
      await dispose();
    }
  });
});
