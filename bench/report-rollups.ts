import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import pg from 'pg';
import { ReportQuery } from '../src/contracts/reporting.js';
import { type Database, queryRows } from '../src/db/client.js';
import { openMigratedDatabase } from '../src/db/migrate.js';
import { DEMO_PASSWORD, demoEmailFor } from '../src/demo/demo-staff.js';
import { addDayOfActivity } from '../src/demo/scale/scale-day.js';
import { addScaleReferrals } from '../src/demo/scale/scale-referrals.js';
import { isDatabaseEmpty, writeDemoArea } from '../src/demo/write-demo-area.js';
import { londonDate } from '../src/domain/people/child-details.js';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { reportFromBaseTables } from '../src/services/reporting/base-figures.js';
import { rebuildRollups, rollupDay } from '../src/services/reporting/rollup.js';

// Issue 8, point 7: with 10 million referrals on the PostgreSQL server, dashboard endpoints answer
// at the 95th percentile within 100 ms and at least 20 times faster than the same figures computed
// from the base tables in the same run; rolling up one day's new data takes at most 1 second; a full
// rebuild at most 60 seconds. One run measures all four and prints a table for docs/performance.md.

export interface RollupBenchOptions {
  /** Synthetic referrals the database should hold; the bench adds any that are missing. */
  referrals: number;
  /** Dashboard requests in the measured mix, and how many are in flight at once. */
  requests: number;
  concurrency: number;
  dayReferrals: number;
  dayContacts: number;
  print: (line: string) => void;
}

const TARGET = { p95ms: 100, ratio: 20, dayMs: 1_000, rebuildMs: 60_000 };

export interface RollupFigures {
  referrals: number;
  contacts: number;
  rebuildMs: number;
  dayMs: number;
  p50: number;
  p95: number;
  p99: number;
  /** Each query's base-table time over its dashboard p50. */
  ratios: number[];
  rows: { label: string; p50: number; p95: number; base: number; differs: string[] }[];
}

interface Mix {
  label: string;
  params: Record<string, string>;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const msText = (ms: number) => `${ms.toFixed(1)} ms`;
const count = (n: number) => Math.round(n).toLocaleString('en-GB');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/** The dashboard queries: each period, breakdowns by every kind of dimension, and filters. */
async function dashboardMix(database: Database, now: Date): Promise<Mix[]> {
  const [place] = await queryRows<{ urn: number; team: string; la: string; icb: string }>(
    database.db,
    sql`select (select urn from schools order by pupil_count desc, urn limit 1) as urn,
          (select t.id::text from teams t join services s on s.id = t.service_id where s.kind = 'mhst'
            order by t.name limit 1) as team,
          (select code from organisations where kind = 'local-authority' order by code limit 1) as la,
          (select code from organisations where kind = 'integrated-care-board' order by code limit 1) as icb`,
  );
  if (!place) throw new Error('the database has no demo area');
  const lastYear = `${Number(londonDate(now).slice(0, 4)) - 1}-06-30`;
  return [
    { label: 'quarter, headline (published)', params: { period: 'quarter' } },
    { label: 'month, exact (operational)', params: { period: 'month', view: 'operational' } },
    { label: 'year, by team', params: { period: 'year', by: 'team' } },
    { label: 'quarter, by school', params: { period: 'quarter', by: 'school' } },
    {
      label: 'quarter, by age band (operational)',
      params: { period: 'quarter', by: 'age-band', view: 'operational' },
    },
    {
      label: 'month, one school, by gender',
      params: { period: 'month', school: String(place.urn), by: 'gender' },
    },
    {
      label: 'quarter, one council, by ethnicity',
      params: { period: 'quarter', 'local-authority': place.la, by: 'ethnicity' },
    },
    { label: 'year, one team, by SEN', params: { period: 'year', team: place.team, by: 'sen' } },
    { label: 'quarter, by LGBT+', params: { period: 'quarter', by: 'lgbt' } },
    {
      label: 'last year, ICB, by council',
      params: { period: 'year', date: lastYear, icb: place.icb, by: 'local-authority' },
    },
  ];
}

/** The KPIs (by id, and which part) whose figures differ between the two answers: aggregates only. */
function differingKpis(base: unknown, rollup: unknown): string[] {
  type Kpi = Record<string, unknown> & { id: string };
  const mine = new Map(((rollup ?? []) as Kpi[]).map((k) => [k.id, k]));
  const out: string[] = [];
  for (const kpi of base as Kpi[]) {
    const other = mine.get(kpi.id);
    if (!other) {
      out.push(`${kpi.id} (missing)`);
      continue;
    }
    const parts = ['current', 'previous', 'breakdown', 'series'].filter(
      (part) => JSON.stringify(kpi[part]) !== JSON.stringify(other[part]),
    );
    if (parts.length > 0) out.push(`${kpi.id} (${parts.join('/')})`);
  }
  return out;
}

/** Signs the demo service manager in (password, then TOTP at the app's clock): both report views. */
async function signIn(app: FastifyInstance, database: Database, now: Date): Promise<string> {
  const email = demoEmailFor('service-manager');
  const first = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password: DEMO_PASSWORD },
  });
  if (first.statusCode !== 200) throw new Error(`sign-in refused: ${first.statusCode}`);
  let cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
  if (first.json().state === 'signed-in') return cookie;
  const [user] = await database.withOwnerConnection((db) =>
    queryRows<{ secret: string | null }>(
      db,
      sql`select totp_secret as secret from users where email = ${email}`,
    ),
  );
  if (!user?.secret) throw new Error('the demo service manager has no second factor');
  const session = (await app.inject({ url: '/api/session', headers: { cookie } })).json();
  const code = await app.inject({
    method: 'POST',
    url: '/api/session/second-factor',
    headers: { cookie, 'x-csrf-token': session.csrfToken },
    payload: { code: await generate({ secret: user.secret, epoch: Math.floor(now.getTime() / 1000) }) },
  });
  if (code.statusCode !== 200) throw new Error(`second factor refused: ${code.statusCode}`);
  cookie = String(code.headers['set-cookie']).split(';')[0] ?? cookie;
  return cookie;
}

async function syntheticReferrals(database: Database): Promise<number> {
  const [row] = await database.withOwnerConnection((db) =>
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from referrals where reference >= 'SC' and reference < 'SD'`,
    ),
  );
  return row?.n ?? 0;
}

async function roughCounts(database: Database) {
  const rows = await database.withOwnerConnection((db) =>
    queryRows<{ name: string; n: number }>(
      db,
      sql`select relname as name, greatest(reltuples, 0)::float8 as n from pg_class
          where relname in ('referrals', 'care_contacts', 'children') and relkind = 'r'`,
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

/** Adds the synthetic referrals the database lacks, then vacuums and analyses the base tables. */
async function topUp(database: Database, options: RollupBenchOptions, dayStart: Date) {
  const { print } = options;
  const have = await syntheticReferrals(database);
  if (have < options.referrals) {
    const wanted = options.referrals - have;
    print(`Generating ${count(wanted)} synthetic referrals (the database has ${count(have)})...`);
    const made = await addScaleReferrals(database, {
      referrals: wanted,
      now: dayStart,
      onProgress: (p) =>
        print(
          `  batch ${p.batch} of ${p.batches}: ${count(p.counts.referrals)} referrals, ${count(p.counts.care_contacts)} contacts (${secs(p.ms)})`,
        ),
    });
    print(`Generated in ${secs(made.ms)}; vacuuming and analysing the base tables...`);
    const started = performance.now();
    await database.withOwnerConnection((db) =>
      db.execute(
        sql.raw(
          'vacuum (analyze) children, referrals, triage_decisions, allocations, episodes, care_contacts, episode_milestones',
        ),
      ),
    );
    print(`Vacuumed in ${secs(performance.now() - started)}.`);
  }
  const rough = await roughCounts(database);
  print(
    `\nReporting at scale: ${database.kind}, about ${count(rough.referrals ?? 0)} referrals, ${count(rough.care_contacts ?? 0)} care contacts, ${count(rough.children ?? 0)} children\n`,
  );
  return rough;
}

/** Adds one busy day's data for today and rolls that day up, timed. */
async function addAndRollUpDay(database: Database, options: RollupBenchOptions, now: Date, dayStart: Date) {
  const day = await addDayOfActivity(database, {
    dayStart,
    now,
    referrals: options.dayReferrals,
    contacts: options.dayContacts,
  });
  options.print(
    `added today's data: ${count(day.referrals)} referrals, ${count(day.contacts)} contacts (${secs(day.ms)})`,
  );
  const today = londonDate(now);
  const rolled = await rollupDay(database.db, today, { now });
  options.print(`rollup of ${today}: ${msText(rolled.ms)}, ${count(rolled.rows)} rows changed`);
  return rolled;
}

const startOfUtcDay = (now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * The day's rollup alone (`--day-only`), for a database too big to rebuild in a session: a new
 * day's data rolled up, then rolled up again with nothing new, as the server does every few minutes.
 */
export async function benchDayRollup(database: Database, options: RollupBenchOptions): Promise<void> {
  const now = new Date();
  const dayStart = startOfUtcDay(now);
  await topUp(database, options, dayStart);
  const first = await addAndRollUpDay(database, options, now, dayStart);
  const again = await rollupDay(database.db, londonDate(now), { now });
  options.print(`the same day again, nothing new: ${msText(again.ms)}`);
  for (const line of [
    '',
    '| Measure | Figure | Target | Result |',
    '|---|---|---|---|',
    `| Rolling up one day (${count(options.dayReferrals)} new referrals, ${count(options.dayContacts)} contacts) | ${msText(first.ms)} | at most 1 s | ${verdict(first.ms <= TARGET.dayMs)} |`,
    `| The same day rolled up again, nothing new | ${msText(again.ms)} | at most 1 s | ${verdict(again.ms <= TARGET.dayMs)} |`,
    '',
  ]) {
    options.print(line);
  }
}

export async function benchReportRollups(
  database: Database,
  options: RollupBenchOptions,
): Promise<RollupFigures> {
  const { print } = options;
  const now = new Date();
  const dayStart = startOfUtcDay(now);
  const rough = await topUp(database, options, dayStart);
  const rebuild = await rebuildRollups(database.db, { now });
  print(`full rebuild: ${secs(rebuild.ms)}, ${count(rebuild.rows)} rollup rows`);
  const rolled = await addAndRollUpDay(database, options, now, dayStart);

  const mix = await dashboardMix(database, now);
  const app = await buildApp(testConfig(), { database, now: () => now });
  const samples = new Map<string, number[]>(mix.map((m) => [m.label, []]));
  const answers = new Map<string, unknown>();
  try {
    const cookie = await signIn(app, database, now);
    const get = async (m: Mix) => {
      const response = await app.inject({
        url: `/api/reports/kpis?${new URLSearchParams(m.params)}`,
        headers: { cookie },
      });
      if (response.statusCode !== 200)
        throw new Error(`${m.label}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      return response;
    };
    for (const m of mix) answers.set(m.label, (await get(m)).json().kpis); // warm-up, and the figures to compare
    let next = 0;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < options.requests) {
          const m = mix[next++ % mix.length] as Mix;
          const start = performance.now();
          await get(m);
          samples.get(m.label)?.push(performance.now() - start);
        }
      }),
    );
  } finally {
    await app.close();
  }

  const rows: RollupFigures['rows'] = [];
  for (const m of mix) {
    const query = ReportQuery.parse(m.params);
    const start = performance.now();
    const base = await reportFromBaseTables(database.db, query, { now });
    const baseMs = performance.now() - start;
    const own = samples.get(m.label) ?? [];
    rows.push({
      label: m.label,
      p50: quantile(own, 0.5),
      p95: quantile(own, 0.95),
      base: baseMs,
      differs: differingKpis(base, answers.get(m.label)),
    });
  }
  const all = [...samples.values()].flat();
  const figures: RollupFigures = {
    referrals: rough.referrals ?? 0,
    contacts: rough.care_contacts ?? 0,
    rebuildMs: rebuild.ms,
    dayMs: rolled.ms,
    p50: quantile(all, 0.5),
    p95: quantile(all, 0.95),
    p99: quantile(all, 0.99),
    ratios: rows.map((r) => r.base / r.p50),
    rows,
  };
  printTable(figures, options);
  return figures;
}

function printTable(f: RollupFigures, o: RollupBenchOptions) {
  const sorted = [...f.ratios].sort((a, b) => a - b);
  const minRatio = sorted[0] ?? 0;
  const medianRatio = quantile(sorted, 0.5);
  const baseTimes = f.rows.map((r) => r.base);
  const lines = [
    '',
    '| Measure | Figure | Target | Result |',
    '|---|---|---|---|',
    `| Full rebuild of the rollups | ${secs(f.rebuildMs)} | at most 60 s | ${verdict(f.rebuildMs <= TARGET.rebuildMs)} |`,
    `| Rolling up one day (${count(o.dayReferrals)} new referrals, ${count(o.dayContacts)} contacts) | ${msText(f.dayMs)} | at most 1 s | ${verdict(f.dayMs <= TARGET.dayMs)} |`,
    `| Dashboard \`GET /api/reports/kpis\`, ${count(o.requests)} requests, ${o.concurrency} at once: p50 / p95 / p99 | ${msText(f.p50)} / ${msText(f.p95)} / ${msText(f.p99)} | p95 at most 100 ms | ${verdict(f.p95 <= TARGET.p95ms)} |`,
    `| The same figures from the base tables, per query: fastest / median / slowest | ${msText(Math.min(...baseTimes))} / ${msText(quantile(baseTimes, 0.5))} / ${msText(Math.max(...baseTimes))} | | |`,
    `| Base tables ÷ dashboard (each query's base time over its dashboard p50): lowest / median | ${minRatio.toFixed(0)}× / ${medianRatio.toFixed(0)}× | every query at least 20× | ${verdict(minRatio >= TARGET.ratio)} |`,
    '',
    '| Dashboard query | Dashboard p50 | Dashboard p95 | Base tables | Ratio | Same figures |',
    '|---|---|---|---|---|---|',
    ...f.rows.map(
      (r) =>
        `| ${r.label} | ${msText(r.p50)} | ${msText(r.p95)} | ${msText(r.base)} | ${(r.base / r.p50).toFixed(0)}× | ${r.differs.length === 0 ? 'yes' : `NO: ${r.differs.join(', ')}`} |`,
    ),
    '',
  ];
  for (const line of lines) o.print(line);
}

/** For the big run: a database kept on the server between runs, created and migrated when missing. */
export async function withKeptDatabase(
  serverUrl: string,
  name: string,
  seed: number,
  scale: number,
  work: (database: Database) => Promise<void>,
) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error('--database must be a plain lower-case name');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const { database } = await openMigratedDatabase({ DATABASE_URL: url.toString(), dataDir: 'unused' });
  try {
    if (await isDatabaseEmpty(database)) await writeDemoArea(database, { seed, scale });
    await work(database);
  } finally {
    await database.close();
  }
}
