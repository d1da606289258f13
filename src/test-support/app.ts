import type { FastifyInstance } from 'fastify';
import { writeDemoArea } from '../demo/write-demo-area.js';
import { buildApp } from '../server/app.js';
import { type Config, testConfig } from '../server/config.js';
import type { TestDatabase, TestDatabaseFactory } from './databases.js';

export const TEST_SEED = 7;

/**
 * A fresh database holding the demo area, without its 18 months of referrals unless asked for
 * (they take seconds to write).
 */
export async function createDemoDatabase(
  factory: TestDatabaseFactory,
  options: { withDemoReferrals?: boolean } = {},
): Promise<TestDatabase> {
  const testDb = await factory.create();
  await writeDemoArea(testDb.database, {
    seed: TEST_SEED,
    scale: 1,
    referralMonths: options.withDemoReferrals ? undefined : 0,
  });
  return testDb;
}

/** A built app on a fresh database holding the demo area. Tests use inject(); nothing listens. */
export async function createTestApp(
  factory: TestDatabaseFactory,
  options: {
    now?: () => Date;
    withDemo?: boolean;
    /** The demo area's 18 months of referrals: off unless a test needs them, as they take seconds to write. */
    withDemoReferrals?: boolean;
    onRoute?: (method: string, url: string) => void;
    /** Settings on top of testConfig(), such as an OpenID provider. */
    config?: Partial<Config>;
  } = {},
): Promise<
  { app: FastifyInstance; dispose(): Promise<void> } & Awaited<ReturnType<TestDatabaseFactory['create']>>
> {
  const testDb =
    options.withDemo === false
      ? await factory.create()
      : await createDemoDatabase(factory, { withDemoReferrals: options.withDemoReferrals });
  const app = await buildApp(testConfig(options.config), {
    database: testDb.database,
    now: options.now,
    webAppFolder: '/nonexistent-web-build',
    onRoute: options.onRoute,
  });
  return {
    ...testDb,
    app,
    async dispose() {
      await app.close();
      await testDb.dispose();
    },
  };
}
