import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { openMigratedDatabase } from '../db/migrate.js';
import * as identity from '../db/repositories/identity.repository.js';
import { findArea } from '../db/repositories/organisations.repository.js';
import { DEFAULT_DEMO_SEED } from '../demo/demo-area.js';
import { isDatabaseEmpty, writeDemoArea } from '../demo/write-demo-area.js';
import { dispatchOutbox, notifySender } from '../services/notifications/dispatch-outbox.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';

/** Sends queued messages every 10 seconds when GOV.UK Notify is configured; otherwise they wait. */
function startOutboxDispatcher(config: Config, database: Database, log: FastifyInstance['log']) {
  const { NOTIFY_API_KEY, NOTIFY_EMAIL_TEMPLATE_ID, NOTIFY_SMS_TEMPLATE_ID } = config;
  if (!NOTIFY_API_KEY || !NOTIFY_EMAIL_TEMPLATE_ID || !NOTIFY_SMS_TEMPLATE_ID) return () => {};
  const send = notifySender({
    apiKey: NOTIFY_API_KEY,
    emailTemplateId: NOTIFY_EMAIL_TEMPLATE_ID,
    smsTemplateId: NOTIFY_SMS_TEMPLATE_ID,
    baseUrl: config.NOTIFY_BASE_URL,
  });
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    dispatchOutbox(database.db, send, () => new Date())
      .catch((error: unknown) => log.error({ err: error }, 'outbox dispatch failed'))
      .finally(() => {
        running = false;
      });
  }, 10_000);
  timer.unref();
  return () => clearInterval(timer);
}

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
      `The database was empty, so Lantern built the fictional demo area: ${summary.schools} schools, ${summary.services} services, ${summary.staff} staff, ${summary.referrals} referrals.`,
    );
  }
  const area = await findArea(database.db);
  const demoAccounts = area?.isFictional ? await identity.demoAccounts(database.db) : [];
  const app = await buildApp(config, { database });
  await app.listen({ port: config.PORT, host: config.HOST });
  const stopOutbox = startOutboxDispatcher(config, database, app.log);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://localhost:${port}`;
  return {
    app,
    database,
    url,
    demoAccounts,
    async stop() {
      stopOutbox();
      await app.close();
      await database.close();
    },
  };
}
