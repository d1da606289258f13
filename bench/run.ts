import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Database } from '../src/db/client.js';
import { openMigratedDatabase } from '../src/db/migrate.js';
import { buildDemoArea } from '../src/demo/demo-area.js';
import { writeDemoArea } from '../src/demo/write-demo-area.js';
import { printChatSockets } from './chat-report.js';
import { benchChatSockets } from './chat-sockets.js';
import { benchDirectorySearch } from './directory-search.bench.js';
import { benchWaitingList, type Latency } from './mhst-waiting.js';
import { benchReferralSubmission } from './referral-submission.js';
import { benchDayRollup, benchReportRollups, withKeptDatabase } from './report-rollups.js';

// npm run bench [-- [directory|referrals|mhst] --seconds 10 --connections 10 --scale 1]; no name runs all.
// npm run bench -- chat-sockets --sockets 5000 --rate 2000 --seconds 20 (docs/performance.md).
// npm run bench -- report-rollups --referrals 10000000 --requests 1000 --concurrency 4 --database lantern_scale
// (--database keeps a named database on the server between runs instead of a throwaway one;
// --day-only times only the day's rollup, for a database too big to rebuild in one sitting).
// Each benchmark gets a fresh database: in-memory PGlite, or, when DATABASE_URL names a PostgreSQL
// server, a throwaway database created on it and dropped afterwards.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    scale: { type: 'string', default: '1' },
    waiting: { type: 'string', default: '2000' },
    requests: { type: 'string', default: '200' },
    sockets: { type: 'string', default: '5000' },
    rate: { type: 'string', default: '2000' },
    referrals: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    database: { type: 'string' },
    'day-only': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const scale = Number(values.scale);
const benchmarks = ['directory', 'referrals', 'mhst', 'chat-sockets', 'report-rollups'];
const chosen = new Set(positionals.length > 0 ? positionals : benchmarks);
for (const name of chosen) {
  if (!benchmarks.includes(name)) throw new Error(`no benchmark called ${name}`);
}
const seed = 1;
const demo = buildDemoArea({ seed, scale });
const area = demo.organisations;

interface Figures {
  label: string;
  perSecond: number;
  p50ms: number;
  p95ms?: number | null;
  p99ms: number | null;
}

const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? '       -' : `${value.toFixed(1).padStart(6)} ms`;
const row = (m: Figures) =>
  `${m.label.padEnd(48)} ${m.perSecond.toFixed(0).padStart(8)}/s   p50 ${ms(m.p50ms)}   p95 ${ms(m.p95ms)}   p99 ${ms(m.p99ms)}`;
const ratio = (what: string, a: Figures, b: Figures) =>
  console.log(`ratio ${what}: ${(a.perSecond / b.perSecond).toFixed(2)}`);

async function onServer(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A migrated database holding the demo area, used by one benchmark and then thrown away. */
async function withFreshDatabase(work: (database: Database, url?: string) => Promise<void>) {
  const serverUrl = process.env.DATABASE_URL;
  const name = `lantern_bench_${randomBytes(4).toString('hex')}`;
  const url = serverUrl ? new URL(serverUrl) : null;
  if (serverUrl && url) {
    await onServer(serverUrl, `create database ${name}`);
    url.pathname = `/${name}`;
  }
  try {
    const { database } = await openMigratedDatabase({ DATABASE_URL: url?.toString(), dataDir: 'memory://' });
    try {
      await writeDemoArea(database, { seed, scale });
      await work(database, url?.toString());
    } finally {
      await database.close();
    }
  } finally {
    if (serverUrl) await onServer(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

if (chosen.has('directory')) {
  await withFreshDatabase(async (database) => {
    const servedUrn = area.teamSchools[0]?.schoolUrn ?? area.schools[0]?.urn ?? 0;
    console.log(
      `Directory search: ${database.kind}, demo scale ${scale} (${area.schools.length} schools, ${area.services.length} services), ${connections} connections, ${seconds}s each\n`,
    );
    const [baseline, endpoint] = await benchDirectorySearch(database, {
      seconds,
      connections,
      schoolUrn: servedUrn,
    });
    if (!baseline || !endpoint) throw new Error('benchmark returned no figures');
    console.log(row(baseline));
    console.log(row(endpoint));
    console.log('');
    ratio('endpoint / direct SQL throughput', endpoint, baseline);
    console.log('');
  });
}

if (chosen.has('referrals')) {
  await withFreshDatabase(async (database, url) => {
    console.log(
      `Referral submission: ${database.kind}, ${connections} connections, ${seconds}s each, target (a)/(b) >= 0.60\n`,
    );
    const figures = await benchReferralSubmission(database, { seconds, connections, url });
    console.log(row(figures.direct));
    console.log(row(figures.directWithExtras));
    console.log(row(figures.endpoint));
    if (figures.pgbench) console.log(`${row(figures.pgbench)}   (p50 column: pgbench's mean)`);
    console.log('');
    ratio('(a) endpoint / (b) direct transaction', figures.endpoint, figures.direct);
    ratio('(a) endpoint / (b) + other queries', figures.endpoint, figures.directWithExtras);
    if (figures.pgbench) ratio('(b) direct transaction / (c) pgbench', figures.direct, figures.pgbench);
    const share = figures.endpoint.perSecond / figures.direct.perSecond;
    console.log(`target (a)/(b) >= 0.60: ${share >= 0.6 ? 'met' : 'NOT met'} (${share.toFixed(3)})\n`);
  });
}

if (chosen.has('mhst')) {
  for (const concurrency of [1, 4]) {
    await withFreshDatabase(async (database) => {
      const figures = await benchWaitingList(database, demo, {
        waiting: Number(values.waiting),
        requests: Number(values.requests),
        concurrency,
      });
      console.log(
        `MHST waiting list and suggestions: ${database.kind}, ${figures.waitingInArea} referrals awaiting allocation in the area, ${figures.waitingInTeam} in the measured team; target p95 <= 200 ms\n`,
      );
      const line = (m: Latency) =>
        `${m.label.padEnd(58)} n=${m.requests}   p50 ${ms(m.p50ms)}   p95 ${ms(m.p95ms)}   p99 ${ms(m.p99ms)}`;
      for (const m of [
        figures.listBaseline,
        figures.list,
        figures.suggestionsBaseline,
        figures.suggestions,
      ]) {
        console.log(line(m));
      }
      console.log('');
      console.log(
        `ratio waiting list endpoint / repository p95: ${(figures.list.p95ms / figures.listBaseline.p95ms).toFixed(2)}`,
      );
      console.log(
        `ratio suggestions endpoint / repository p95: ${(figures.suggestions.p95ms / figures.suggestionsBaseline.p95ms).toFixed(2)}`,
      );
      for (const m of [figures.list, figures.suggestions]) {
        console.log(
          `target p95 <= 200 ms, ${m.label}: ${m.p95ms <= 200 ? 'met' : 'NOT met'} (${m.p95ms.toFixed(1)} ms)`,
        );
      }
      console.log('');
    });
  }
}

if (chosen.has('chat-sockets')) {
  await withFreshDatabase(async (database) => {
    const options = { sockets: Number(values.sockets), rate: Number(values.rate), seconds };
    printChatSockets(database.kind, options, await benchChatSockets(database, options));
  });
}

if (chosen.has('report-rollups')) {
  const serverUrl = process.env.DATABASE_URL;
  const run = async (database: Database) => {
    await (values['day-only'] ? benchDayRollup : benchReportRollups)(database, {
      referrals: Number(values.referrals ?? (database.kind === 'postgres' ? 100_000 : 20_000)),
      requests: Number(values.requests),
      concurrency: Number(values.concurrency),
      dayReferrals: 3_000,
      dayContacts: 8_000,
      print: (line) => console.log(line),
    });
  };
  if (values.database) {
    if (!serverUrl) throw new Error('--database needs DATABASE_URL to name a PostgreSQL server');
    await withKeptDatabase(serverUrl, values.database, seed, scale, run);
  } else {
    await withFreshDatabase(run);
  }
}
