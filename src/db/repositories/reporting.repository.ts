import { type SQL, sql } from 'drizzle-orm';
import { type ReportPeriodKind, reportDimensions } from '../../contracts/reporting.js';
import { dimensionColumns, keptCuboids } from '../../domain/reporting/dimensions.js';
import { monthStartsOf } from '../../domain/reporting/periods.js';
import { changedRows, type LanternDb, queryRows } from '../client.js';
import { DIMS, dimList } from './reporting-facts.repository.js';

// The rollup tables (issue 8): kept by the rollup jobs from the facts in the temporary tables
// (reporting-facts.repository.ts), read by reports. Counts only leave this file.

/** Distinct-people measures: the per-person measure, the count it feeds, and from how many events. */
export const peopleThresholds: readonly [string, string, number][] = [
  ['attended-contacts', 'children-seen', 1],
  ['attended-contacts', 'children-seen-twice', 2],
  ['online-use', 'online-young-people', 1],
];
const thresholdValues = sql.raw(
  `(values ${peopleThresholds.map(([p, m, t]) => `('${p}', '${m}', ${t})`).join(', ')}) th(people_measure, measure, threshold)`,
);
export const snapshotMeasures = ['waiting-list', 'waiting-list-longest', 'schools-covered', 'pupils-covered'];
/**
 * Measures kept for every kind of period, as they cannot be added up from months: people counted
 * once per period, and period-end figures. Every other measure is kept per month only, and a
 * quarter or year is the sum of its months (read time), a third as many rows to write.
 */
export const perPeriodMeasures = [...new Set([...peopleThresholds.map(([, m]) => m), ...snapshotMeasures])];
/**
 * Measures kept as one bucket per group, the largest (the longest wait), with the number of
 * people as the value: a histogram of every wait on the list would be a row per referral.
 */
export const largestOnlyMeasures = ['waiting-list-longest'];
const largestOnly = sql.raw(`(${largestOnlyMeasures.map((m) => `'${m}'`).join(', ')})`);

/** The start of the month, quarter or financial year (April) holding `day`, in SQL. */
export const periodStartSql = (kind: SQL, day: SQL) => sql`(case ${kind}
  when 'month' then date_trunc('month', ${day})::date
  when 'quarter' then date_trunc('quarter', ${day})::date
  else make_date(extract(year from ${day})::int - (case when extract(month from ${day}) < 4 then 1 else 0 end), 4, 1)
  end)`;
const kinds = sql.raw(`(values ('month'), ('quarter'), ('year')) k(kind)`);

const groupingSets = sql.raw(
  `grouping sets (${keptCuboids(reportDimensions)
    .map((set) => `(${set.map((d) => dimensionColumns[d]).join(', ')})`)
    .join(', ')})`,
);
const allCuboids = sql.raw(
  `(${keptCuboids(reportDimensions)
    .map((set) => `'${set.join('+')}'`)
    .join(', ')})`,
);
const rolledDims = sql.raw(
  DIMS.map((d) => `case when grouping(${d}) = 1 then '*' else ${d} end as ${d}`).join(', '),
);
const cuboidName = sql.raw(
  `concat_ws('+', ${DIMS.map((d, i) => `case when grouping(${d}) = 0 then '${reportDimensions[i]}' end`).join(', ')})`,
);
const key = sql.raw(`period_kind, cuboid, measure, period_start, ${DIMS.join(', ')}, bucket`);

/**
 * Adds rows at full detail (`source` gives period_kind, period_start, measure, the dimensions,
 * bucket and value) into report_counts for every cuboid of at most two dimensions: added to what
 * is there, or (`into: 'empty'`, a full rebuild after clearing) inserted without checking, in the
 * key's order. A dashboard reads a run of neighbouring keys, which then lie on neighbouring pages:
 * a year's series for the whole area read 353 pages instead of about 19,000 (20,000 referrals,
 * vacuumed).
 */
export async function addToCounts(
  tx: LanternDb,
  source: SQL,
  into: 'existing' | 'empty' = 'existing',
): Promise<number> {
  const counted = sql`select period_kind, period_start, ${cuboidName} as cuboid, measure, ${rolledDims}, max(bucket) as bucket,
      sum(value) as value
    from (${source}) src
    group by period_kind, period_start, measure, (case when measure in ${largestOnly} then -1 else bucket end),
      ${groupingSets}`;
  const result = await tx.execute(
    into === 'empty'
      ? sql`insert into report_counts (period_kind, period_start, cuboid, measure, ${dimList}, bucket, value)
          select period_kind, period_start, cuboid, measure, ${dimList}, bucket, value from (${counted}) c
          order by ${key}`
      : sql`insert into report_counts (period_kind, period_start, cuboid, measure, ${dimList}, bucket, value)
          ${counted}
          on conflict (${key}) do update set value = report_counts.value + excluded.value`,
  );
  return changedRows(result);
}

/** Room to aggregate in memory: the grouping sets spill far less to disk than with the default 4 MB. */
export async function allowAggregationMemory(tx: LanternDb): Promise<void> {
  await tx.execute(sql`set local work_mem = '64MB'`);
}

/**
 * No JIT compiling for a day's rollup: its statements read mostly a day's rows, but the planner
 * costs them by the whole tables, and at 10 million referrals PostgreSQL spent 2.6 s of a 4.9 s
 * statement compiling it. A full rebuild and the hourly snapshot, which read much more, keep it.
 */
export async function skipCompiling(tx: LanternDb): Promise<void> {
  await tx.execute(sql`set local jit = off`);
}

/** Event facts, under the month each day falls in (quarters and years are summed from months). */
export const factsByMonth = (facts: SQL) => sql`
  select 'month' as period_kind, date_trunc('month', f.day)::date as period_start, f.measure,
    ${sql.raw(DIMS.map((d) => `f.${d}`).join(', '))}, f.bucket, f.value
  from ${facts} f`;

export async function clearRollups(tx: LanternDb): Promise<void> {
  for (const table of ['report_counts', 'report_day_facts', 'report_people', 'report_snapshots']) {
    await tx.execute(sql.raw(`delete from ${table}`));
  }
}

/**
 * Fresh planner statistics for the rollup tables once a full rebuild has replaced them (migration
 * 0027): the dashboard's reads were planned for the old row counts until autovacuum caught up.
 */
export async function analyseRollups(tx: LanternDb): Promise<void> {
  await tx.execute(sql`select lantern_analyse_rollups()`);
}

/** Per person per period, from all the people facts (a full rebuild). */
export async function insertPeopleFromFacts(tx: LanternDb): Promise<void> {
  await tx.execute(sql`insert into report_people (measure, period_kind, period_start, subject_id, ${dimList}, value)
    select f.measure, k.kind, ${periodStartSql(sql`k.kind`, sql`f.day`)}, f.subject_id, ${sql.raw(
      DIMS.map((d) => `f.${d}`).join(', '),
    )}, sum(f.value)
    from reporting_people_facts f cross join ${kinds}
    group by 1, 2, 3, 4, ${sql.raw(DIMS.map((_, i) => String(i + 5)).join(', '))}`);
}

/** People counted once they reach each threshold, as rows for addToCounts. */
export const peopleCountsSource = sql`
  select p.period_kind, p.period_start, th.measure, ${sql.raw(DIMS.map((d) => `p.${d}`).join(', '))}, 0 as bucket, 1 as value
  from report_people p join ${thresholdValues} on th.people_measure = p.measure
  where p.value >= th.threshold`;

/**
 * A day's rollup recounts the people it touched over the periods holding the day: their new
 * numbers come from `reporting_people_facts` (their events over the year); the difference each
 * makes to the counts is when a number crosses a threshold. Returns the counts rows changed.
 */
export async function updatePeople(tx: LanternDb, periods: { kind: string; start: string; end: string }[]) {
  const periodValues = sql.join(
    periods.map((p) => sql`(${p.kind}, ${p.start}::date, ${p.end}::date)`),
    sql`, `,
  );
  const dims = sql.raw(DIMS.join(', '));
  await tx.execute(sql`drop table if exists pg_temp.reporting_people_change`);
  await tx.execute(sql`create temp table reporting_people_change on commit drop as
    with fresh as (
      select f.measure, pr.kind as period_kind, pr.start as period_start, f.subject_id, ${sql.raw(
        DIMS.map((d) => `f.${d}`).join(', '),
      )}, sum(f.value)::int as value
      from reporting_people_facts f join (values ${periodValues}) pr(kind, start, finish)
        on f.day between pr.start and pr.finish
      group by 1, 2, 3, 4, ${sql.raw(DIMS.map((_, i) => String(i + 5)).join(', '))}
    ), old as (
      select p.measure, p.period_kind, p.period_start, p.subject_id, ${sql.raw(DIMS.map((d) => `p.${d}`).join(', '))}, p.value
      from report_people p join (values ${periodValues}) pr(kind, start, finish)
        on p.period_kind = pr.kind and p.period_start = pr.start
      where (p.measure, p.subject_id) in (select distinct measure, subject_id from reporting_people_day)
    )
    select coalesce(fresh.measure, old.measure) as measure, coalesce(fresh.period_kind, old.period_kind) as period_kind,
      coalesce(fresh.period_start, old.period_start) as period_start,
      coalesce(fresh.subject_id, old.subject_id) as subject_id,
      ${sql.raw(DIMS.map((d) => `coalesce(fresh.${d}, old.${d}) as ${d}`).join(', '))},
      coalesce(old.value, 0) as before, coalesce(fresh.value, 0) as after
    from fresh full join old using (measure, period_kind, period_start, subject_id, ${dims})`);
  const changed = await addToCounts(
    tx,
    sql`select c.period_kind, c.period_start, th.measure, ${sql.raw(DIMS.map((d) => `c.${d}`).join(', '))}, 0 as bucket,
          (case when c.after >= th.threshold then 1 else 0 end) - (case when c.before >= th.threshold then 1 else 0 end) as value
        from reporting_people_change c join ${thresholdValues} on th.people_measure = c.measure
        where (c.after >= th.threshold) <> (c.before >= th.threshold)`,
  );
  await tx.execute(sql`delete from report_people p using reporting_people_change c
    where p.measure = c.measure and p.period_kind = c.period_kind and p.period_start = c.period_start
      and p.subject_id = c.subject_id and ${sql.raw(DIMS.map((d) => `p.${d} = c.${d}`).join(' and '))}`);
  await tx.execute(sql`insert into report_people (measure, period_kind, period_start, subject_id, ${dimList}, value)
    select measure, period_kind, period_start, subject_id, ${dimList}, after from reporting_people_change where after > 0`);
  return changed;
}

/** The day's facts as last counted, kept so the day can be counted again (the difference is added). */
export async function replaceDayFacts(tx: LanternDb, from: string, to: string): Promise<number> {
  await tx.execute(sql`delete from report_day_facts where day between ${from}::date and ${to}::date`);
  const result = await tx.execute(
    sql`insert into report_day_facts (day, measure, ${dimList}, bucket, value)
      select day, measure, ${dimList}, bucket, sum(value) from reporting_facts
      where day between ${from}::date and ${to}::date
      group by day, measure, ${dimList}, bucket`,
  );
  return changedRows(result);
}

/** How a day's fresh facts differ from what was counted for it before, under its month. */
export const dayDifference = (day: string) => sql`
  select 'month' as period_kind, date_trunc('month', ${day}::date)::date as period_start, d.measure,
    ${sql.raw(DIMS.map((x) => `d.${x}`).join(', '))}, d.bucket, d.value
  from (
    select measure, ${dimList}, bucket, sum(value) as value from (
      select measure, ${dimList}, bucket, value from reporting_facts where day = ${day}::date
      union all
      select measure, ${dimList}, bucket, -value from report_day_facts where day = ${day}::date
    ) both_sides group by measure, ${dimList}, bucket having sum(value) <> 0
  ) d`;

export async function pruneDayFacts(tx: LanternDb, before: string): Promise<void> {
  await tx.execute(sql`delete from report_day_facts where day < ${before}::date`);
}

/**
 * Replaces a period's snapshot figures with the facts taken at `asOf`. `isCleared` is the caller's
 * word that report_counts holds no snapshot rows for the period (a full rebuild, after clearing).
 */
export async function replaceSnapshot(
  tx: LanternDb,
  period: { kind: string; start: string },
  asOf: string,
  options: { isCleared?: boolean } = {},
): Promise<number> {
  // A full rebuild has just emptied the table: the delete would only scan every row it wrote.
  if (!options.isCleared) {
    // Every cuboid named, so the delete descends the key index per cuboid and measure instead of
    // reading every row of the period kind (at 20,000 referrals, a month's: 855 ms to 29; a quarter's: 59 to 15).
    await tx.execute(sql`delete from report_counts where period_kind = ${period.kind}
      and cuboid in ${allCuboids}
      and measure in ${sql.raw(`(${snapshotMeasures.map((m) => `'${m}'`).join(', ')})`)}
      and period_start = ${period.start}::date`);
  }
  await tx.execute(sql`insert into report_snapshots (period_kind, period_start, as_of)
    values (${period.kind}, ${period.start}::date, ${asOf}::date)
    on conflict (period_kind, period_start) do update set as_of = excluded.as_of`);
  return addToCounts(
    tx,
    sql`select ${period.kind}::text as period_kind, ${period.start}::date as period_start, measure, ${dimList}, bucket, value
        from reporting_snapshot_facts where as_of = ${asOf}::date`,
    // The period's snapshot rows were deleted just above (or, with isCleared, none exist yet), so
    // nothing can clash.
    'empty',
  );
}

export async function recordRun(
  tx: LanternDb,
  run: {
    kind: 'full' | 'day';
    day: string | null;
    startedAt: Date;
    finishedAt: Date;
    rows: number;
    shape: string | null;
  },
): Promise<void> {
  await tx.execute(sql`insert into report_runs (kind, day, started_at, finished_at, rows, shape)
    values (${run.kind}, ${run.day}, ${run.startedAt.toISOString()}::timestamptz,
      ${run.finishedAt.toISOString()}::timestamptz, ${run.rows}, ${run.shape})`);
}

/**
 * Whether the latest full rebuild (by any process) started on this London day and built rollups of
 * this shape: an earlier one of the same shape does not count once another shape has rebuilt since.
 */
export async function isLatestFullRunOn(tx: LanternDb, day: string, shape: string): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    tx,
    sql`select (started_at at time zone 'Europe/London')::date = ${day}::date
        and shape is not distinct from ${shape} as found
      from report_runs where kind = 'full' order by started_at desc limit 1`,
  );
  return row?.found === true;
}

export async function lastRunAt(db: LanternDb): Promise<Date | null> {
  const [row] = await queryRows<{ at: Date | string | null }>(
    db,
    sql`select max(finished_at) as at from report_runs`,
  );
  return row?.at ? new Date(row.at) : null;
}

export interface SliceRow {
  period_start: string | Date;
  key: string;
  measure: string;
  bucket: number;
  value: number | string;
}

/**
 * Values for one cuboid: `fixed` dimension columns equal to the keys given, broken down by `by`
 * (key '*' for the whole). The one query a report runs per combination of filters. A quarter's or
 * year's summed measures are added up from its months here; its per-period measures are its own.
 */
export async function readCuboid(
  db: LanternDb,
  where: {
    kind: ReportPeriodKind;
    starts: string[];
    measures: string[];
    cuboid: string;
    fixed: [string, string][];
    by: string | null;
  },
): Promise<SliceRow[]> {
  const list = (values: string[], cast = sql``) =>
    sql`(${sql.join(
      values.map((v) => sql`${v}${cast}`),
      sql`, `,
    )})`;
  const part = (kind: ReportPeriodKind, starts: string[], measures: string[]) =>
    sql`select period_start, ${where.by === null ? sql`'*'` : sql.raw(where.by)} as key, measure, bucket, value
        from report_counts
        where period_kind = ${kind} and cuboid = ${where.cuboid} and measure in ${list(measures)}
          and period_start in ${list(starts, sql`::date`)}
          ${sql.join(
            where.fixed.map(([column, value]) => sql`and ${sql.raw(column)} = ${value}`),
            sql` `,
          )}`;
  const summed = where.measures.filter((m) => !perPeriodMeasures.includes(m));
  const own = where.measures.filter((m) => perPeriodMeasures.includes(m));
  const months = where.starts.flatMap((start) => monthStartsOf({ kind: where.kind, start }));
  const parts = [
    ...(summed.length > 0 ? [part('month', months, summed)] : []),
    ...(own.length > 0 ? [part(where.kind, where.starts, own)] : []),
  ];
  if (parts.length === 0) return [];
  return queryRows<SliceRow>(
    db,
    sql`select ${periodStartSql(sql`${where.kind}::text`, sql`period_start`)} as period_start, key, measure, bucket,
          sum(value) as value
        from (${sql.join(parts, sql` union all `)}) cells
        group by 1, 2, 3, 4`,
  );
}

/** The keys a dimension has in the rollups, sorted (for the filter choices). */
export async function dimensionKeys(db: LanternDb, column: string, cuboid: string): Promise<string[]> {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`select distinct ${sql.raw(column)} as key from report_counts
        where period_kind = 'month' and cuboid = ${cuboid} and measure in ('referrals', 'online-young-people', 'schools-covered')
        and value > 0 order by 1`,
  );
  return rows.map((r) => r.key);
}

/** Names for organisation codes, team ids and school URNs (reference data, not case data). */
export async function placeNames(db: LanternDb): Promise<Record<string, Record<string, string>>> {
  const organisations = await queryRows<{ code: string; name: string; kind: string }>(
    db,
    sql`select code, coalesce(short_name, name) as name, kind::text as kind from organisations`,
  );
  const teams = await queryRows<{ id: string; name: string }>(db, sql`select id::text, name from teams`);
  const schools = await queryRows<{ urn: string; name: string }>(
    db,
    sql`select urn::text, name from schools`,
  );
  const byKind = (kind: string) =>
    Object.fromEntries(organisations.filter((o) => o.kind === kind).map((o) => [o.code, o.name]));
  return {
    icb: byKind('integrated-care-board'),
    'local-authority': byKind('local-authority'),
    team: Object.fromEntries(teams.map((t) => [t.id, t.name])),
    school: Object.fromEntries(schools.map((s) => [s.urn, s.name])),
  };
}
