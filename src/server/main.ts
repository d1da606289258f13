import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { openMigratedDatabase } from '../db/migrate.js';
import * as identity from '../db/repositories/identity.repository.js';
import { findArea } from '../db/repositories/organisations.repository.js';
import { DEFAULT_DEMO_SEED } from '../demo/demo-area.js';
import { isDatabaseEmpty, writeDemoArea } from '../demo/write-demo-area.js';
import { runBreachCheck } from '../services/allocation/forecast.js';
import { dispatchOutbox, notifySender } from '../services/notifications/dispatch-outbox.js';
import { runAlertEscalation } from '../services/online/escalate-unacknowledged.js';
import { ROLLUP_EVERY_MS, type RollupJobState, runRollupJob } from '../services/reporting/schedule.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { createHub } from './realtime/create-hub.js';
import type { Hub } from './realtime/hub.js';

/** Sends queued messages every 10 seconds when GOV.UK Notify is configured; otherwise they wait. */
function startOutboxDispatcher(config: Config, database: Database, log: FastifyInstance['log']) {
  const { NOTIFY_API_KEY, NOTIFY_EMAIL_TEMPLATE_ID, NOTIFY_SMS_TEMPLATE_ID } = config;
  if (!NOTIFY_API_KEY || !NOTIFY_EMAIL_TEMPLATE_ID || !NOTIFY_SMS_TEMPLATE_ID)
    return { run: () => {}, stop: () => {} };
  const send = notifySender({
    apiKey: NOTIFY_API_KEY,
    emailTemplateId: NOTIFY_EMAIL_TEMPLATE_ID,
    smsTemplateId: NOTIFY_SMS_TEMPLATE_ID,
    baseUrl: config.NOTIFY_BASE_URL,
  });
  return every(10_000, log, 'outbox dispatch', () => dispatchOutbox(database.db, send, () => new Date()));
}

/**
 * Runs a job now and then every `ms`, never two at once, logging failures without personal data.
 * Jobs are idempotent (each checks what is already done), so several Lantern processes can run them.
 */
function every(ms: number, log: FastifyInstance['log'], name: string, job: () => Promise<unknown>) {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    job()
      .catch((error: unknown) => log.error({ err: error }, `${name} failed`))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(run, ms);
  timer.unref();
  return { run, stop: () => clearInterval(timer) };
}

/** The breach-prevention check: at start, then hourly (alerts are raised once per referral). */
function startBreachCheck(database: Database, log: FastifyInstance['log']) {
  const job = every(3_600_000, log, 'breach check', () => runBreachCheck(database.db, new Date()));
  job.run();
  return job.stop;
}

/**
 * Online support alerts no duty senior acknowledged in time escalate further: checked every 30
 * seconds (each alert escalates once, by a conditional update, so several processes may run it).
 */
function startAlertEscalation(database: Database, hub: Hub, log: FastifyInstance['log']) {
  const job = every(30_000, log, 'alert escalation', () => runAlertEscalation(database.db, hub, new Date()));
  job.run();
  return job.stop;
}

/** Reporting rollups: rebuilt at start unless done today (after the demo area), then today every 5 minutes (ADR 0023). */
function startRollups(database: Database, log: FastifyInstance['log']) {
  const state: RollupJobState = { day: null, snapshotAt: null };
  const job = every(ROLLUP_EVERY_MS, log, 'reporting rollup', () =>
    runRollupJob(database.db, new Date(), state),
  );
  job.run();
  return job.stop;
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
  const hub = createHub(config);
  const app = await buildApp(config, { database, hub });
  await app.listen({ port: config.PORT, host: config.HOST });
  const outbox = startOutboxDispatcher(config, database, app.log);
  const stopBreachCheck = startBreachCheck(database, app.log);
  const stopAlertEscalation = startAlertEscalation(database, hub, app.log);
  const stopRollups = startRollups(database, app.log);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://localhost:${port}`;
  return {
    app,
    database,
    url,
    demoAccounts,
    async stop() {
      outbox.stop();
      stopBreachCheck();
      stopAlertEscalation();
      stopRollups();
      await app.close();
      await database.close();
    },
  };
}
