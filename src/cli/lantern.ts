#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { DatabaseUnreachableError, openDatabase } from '../db/client.js';
import { openMigratedDatabase, runMigrations } from '../db/migrate.js';
import { DEFAULT_DEMO_SEED, MAX_SCALE } from '../demo/demo-area.js';
import { DEMO_PASSWORD } from '../demo/demo-staff.js';
import { addDemoReferrals, isScaleRefusal, scaleRefusal } from '../demo/scale/scale-command.js';
import { isDatabaseEmpty, writeDemoArea } from '../demo/write-demo-area.js';
import { AppError } from '../domain/app-error.js';
import { londonDate } from '../domain/people/child-details.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { startServer } from '../server/main.js';
import { runBreachCheck } from '../services/allocation/forecast.js';
import { verifyAuditChains } from '../services/audit/access-log.js';
import { rebuildRollups, rollupDay } from '../services/reporting/rollup.js';

const usage = `Usage: lantern <command>

Commands:
  start                     migrate the database, build the demo area if it is empty, and serve Lantern
  migrate                   apply database migrations and exit
  audit verify              check the access log and audit trail hash chains; exit 1 if broken
  jobs breach-check         find referrals likely to wait over four weeks unseen; alert team managers
  rollup [--full | --day YYYY-MM-DD]
                            bring the reporting rollups up to date: today by default, one London day,
                            or a full rebuild from the base tables
  demo [--seed N] [--scale N] [--referrals N]
                            build the fictional demo area into an empty database; --referrals adds N
                            synthetic referrals with their contacts (again each time it is run)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig(process.env);
  switch (command) {
    case 'start': {
      const server = await startServer(config, (line) => console.log(line));
      console.log(`\nLantern is running at ${server.url}`);
      console.log(`  Find support (public):  ${server.url}/find-support`);
      console.log(`  API documentation:      ${server.url}/api/docs`);
      if (server.demoAccounts.length > 0) {
        console.log(`\nDemo accounts (fictional area only). Password for every account: ${DEMO_PASSWORD}`);
        console.log(
          'Add the TOTP secret to an authenticator app to sign in as a role that needs a second factor.',
        );
        for (const account of server.demoAccounts) {
          console.log(`  ${account.email.padEnd(48)} ${account.totpSecret ?? '(no second factor needed)'}`);
        }
      }
      console.log('\nPress Ctrl+C to stop.');
      const stop = async () => {
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'migrate': {
      const database = await openDatabase(config);
      try {
        const { applied } = await runMigrations(database);
        console.log(applied === 0 ? 'The database is up to date.' : `Applied ${applied} migration(s).`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'audit': {
      if (rest[0] !== 'verify')
        throw new UsageError('the audit command has one action: lantern audit verify');
      const database = await openDatabase(config);
      try {
        const reports = await verifyAuditChains(database.db);
        for (const report of reports) {
          const verdict =
            report.problems.length === 0 ? 'intact' : `BROKEN at ${report.problems.length} place(s)`;
          console.log(
            `${report.chain}: ${report.rows} rows, ${verdict}, newest hash ${report.head ?? 'none'}`,
          );
          for (const problem of report.problems.slice(0, 20))
            console.log(`  row ${problem.id}: ${problem.problem}`);
        }
        return reports.every((report) => report.problems.length === 0) ? 0 : 1;
      } finally {
        await database.close();
      }
    }
    case 'jobs': {
      if (rest[0] !== 'breach-check')
        throw new UsageError('the jobs command has one job: lantern jobs breach-check');
      const { database } = await openMigratedDatabase(config);
      try {
        const result = await runBreachCheck(database.db, new Date());
        console.log(`Checked ${result.teams} teams; raised ${result.raised} new breach alerts.`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'rollup': {
      const { values } = parseArgs({
        args: rest,
        options: { full: { type: 'boolean', default: false }, day: { type: 'string' } },
      });
      const now = new Date();
      if (values.full && values.day) throw new UsageError('use --full or --day, not both');
      const { database } = await openMigratedDatabase(config);
      try {
        const result = values.full
          ? await rebuildRollups(database.db, { now })
          : await rollupDay(database.db, values.day ?? londonDate(now), { now }).catch((error: unknown) => {
              throw error instanceof AppError ? new UsageError(error.message) : error;
            });
        console.log(
          `Rolled up ${values.full ? 'everything' : (values.day ?? 'today')}: ${result.rows} rows in ${result.ms} ms.`,
        );
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'demo': {
      const { values } = parseArgs({
        args: rest,
        options: {
          seed: { type: 'string', default: String(DEFAULT_DEMO_SEED) },
          scale: { type: 'string', default: '1' },
          referrals: { type: 'string' },
        },
      });
      const seed = Number(values.seed);
      const referrals = values.referrals === undefined ? null : Number(values.referrals);
      if (referrals !== null && (!Number.isInteger(referrals) || referrals < 1)) {
        throw new UsageError('--referrals must be a whole number of at least 1');
      }
      const scale = Number(values.scale);
      if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
      if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) {
        throw new UsageError(`--scale must be a whole number from 1 to ${MAX_SCALE}`);
      }
      const { database } = await openMigratedDatabase(config);
      try {
        const refusal = referrals === null ? null : scaleRefusal(database.kind, referrals);
        if (refusal) throw new UsageError(refusal);
        // Demo rows use fixed fictional codes and URNs, and must never mix with real data.
        const empty = await isDatabaseEmpty(database);
        if (!empty && referrals === null) {
          throw new UsageError(
            'the database already has data; the demo area goes only into an empty database',
          );
        }
        if (empty) {
          const summary = await writeDemoArea(database, { seed, scale });
          console.log(`Built the demo area (seed ${seed}, scale ${scale}): ${JSON.stringify(summary)}`);
        }
        // Synthetic referrals go beside the demo area only (src/demo/scale refuses real organisations).
        if (referrals !== null) {
          await addDemoReferrals(database, referrals, { now: new Date(), seed, print: console.log }).catch(
            (error: unknown) => {
              throw isScaleRefusal(error) ? new UsageError(error.message) : error;
            },
          );
          // They reach back five years: a running server rebuilds the rollups once a day only.
          console.log('Run `lantern rollup --full` to count them in the reports before midnight.');
        }
      } finally {
        await database.close();
      }
      return 0;
    }
    default:
      process.stdout.write(usage);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof UsageError) {
      console.error(`lantern: ${error.message}`);
      process.exit(2);
    }
    if (error instanceof DatabaseUnreachableError) {
      console.error(`lantern: ${error.message}`);
      process.exit(1);
    }
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      console.error(
        `lantern: port ${process.env.PORT ?? 3000} is already in use; set PORT to another number`,
      );
      process.exit(1);
    }
    console.error('lantern: failed to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
