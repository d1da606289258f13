import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { openMigratedDatabase } from '../db/migrate.js';
import * as identity from '../db/repositories/identity.repository.js';
import { findArea } from '../db/repositories/organisations.repository.js';
import { DEFAULT_DEMO_SEED } from '../demo/demo-area.js';
import { isDatabaseEmpty, writeDemoArea } from '../demo/write-demo-area.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';

export interface RunningServer {
  app: FastifyInstance;
  /** The demo area's named accounts, when the database holds the fictional demo area. */
  demoAccounts: { role: string; email: string; totpSecret: string | null }[];
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, migrates it, fills an empty one with the demo area, and listens. */
export async function startServer(config: Config, say: (line: string) => void): Promise<RunningServer> {
  const { database, applied } = await openMigratedDatabase(config);
  if (applied > 0) say(`Applied ${applied} database migration${applied === 1 ? '' : 's'}.`);
  if (config.LANTERN_DEMO === 'auto' && (await isDatabaseEmpty(database))) {
    const summary = await writeDemoArea(database, { seed: DEFAULT_DEMO_SEED, scale: 1 });
    say(
      `The database was empty, so Lantern built the fictional demo area: ${summary.schools} schools, ${summary.services} services, ${summary.staff} staff.`,
    );
  }
  const area = await findArea(database.db);
  const demoAccounts = area?.isFictional ? await identity.demoAccounts(database.db) : [];
  const app = await buildApp(config, { database });
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://localhost:${port}`;
  return {
    app,
    database,
    url,
    demoAccounts,
    async stop() {
      await app.close();
      await database.close();
    },
  };
}
