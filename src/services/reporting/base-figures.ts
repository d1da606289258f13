import { sql } from 'drizzle-orm';
import { systemScope } from '../../access/scope.js';
import type { Report, ReportQuery } from '../../contracts/reporting.js';
import { type LanternDb, queryRows } from '../../db/client.js';
import { peopleThresholds, periodStartSql } from '../../db/repositories/reporting.repository.js';
import { DIMS, prepareFactTables } from '../../db/repositories/reporting-facts.repository.js';
import { withScope } from '../../db/scoped.js';
import { londonDate } from '../../domain/people/child-details.js';
import { dimensionColumns } from '../../domain/reporting/dimensions.js';
import { hasSnapshot, snapshotDayOf } from '../../domain/reporting/periods.js';
import { addRow, planOf, requestKey, requestsOf, resultsFrom, type SliceStore } from './assemble.js';
import { collectFacts } from './facts.js';
import { snapshotAt } from './snapshots.js';

/**
 * The same KPI figures worked out straight from the base tables, without the rollups: for the
 * consistency tests (rollup figures must equal these) and the benchmark (the rollup path must be
 * much faster). Runs as the system scope; counts only come out.
 */
export async function reportFromBaseTables(
  db: LanternDb,
  query: ReportQuery,
  options: { now: Date },
): Promise<Report['kpis']> {
  const { now } = options;
  const today = londonDate(now);
  const plan = planOf(query, now);
  const first = plan.series[0]?.start as string;
  const last = plan.period.end < today ? plan.period.end : today;
  const store: SliceStore = new Map();
  const named = await withScope(db, systemScope('reporting: base-table figures, counts only'), async (tx) => {
    await prepareFactTables(tx);
    await collectFacts(tx, { from: first, to: last }, now);
    // Only the periods the rollups keep period-end figures for (the same rule): the rest show none.
    const snapshotDays = plan.series.filter((p) => hasSnapshot(p, today)).map((p) => snapshotDayOf(p, today));
    for (const day of snapshotDays) await snapshotAt(tx, day, today, now);
    const kind = plan.period.kind;
    const dims = sql.raw(DIMS.join(', '));
    const people = sql.raw(
      `(values ${peopleThresholds.map(([p, m, t]) => `('${p}', '${m}', ${t})`).join(', ')}) th(people_measure, measure, threshold)`,
    );
    await tx.execute(sql`drop table if exists pg_temp.reporting_base`);
    await tx.execute(sql`create temp table reporting_base on commit drop as
      select ${periodStartSql(sql`${kind}::text`, sql`day`)} as period_start, measure, ${dims}, bucket, value
      from reporting_facts
      union all
      select period_start, th.measure, ${dims}, 0, 1 from (
        select ${periodStartSql(sql`${kind}::text`, sql`day`)} as period_start, measure, subject_id, ${dims}, sum(value) as value
        from reporting_people_facts group by 1, 2, 3, ${sql.raw(DIMS.map((_, i) => String(i + 4)).join(', '))}
      ) p join ${people} on th.people_measure = p.measure where p.value >= th.threshold
      union all
      select ${periodStartSql(sql`${kind}::text`, sql`as_of`)}, measure, ${dims}, bucket, value
      from reporting_snapshot_facts`);
    for (const request of requestsOf(plan)) {
      const by = request.by ? sql.raw(dimensionColumns[request.by]) : sql`'*'`;
      const fixed = request.fixed.map(([d, key]) => sql`and ${sql.raw(dimensionColumns[d])} = ${key}`);
      if (request.measures) {
        fixed.push(
          sql`and measure in (${sql.join(
            request.measures.map((m) => sql`${m}`),
            sql`, `,
          )})`,
        );
      }
      const rows = await queryRows<{
        period_start: string | Date;
        key: string;
        measure: string;
        bucket: number;
        value: string | number;
      }>(
        tx,
        sql`select period_start, ${by} as key, measure, bucket, sum(value) as value from reporting_base
            where true ${sql.join(fixed, sql` `)} group by 1, 2, 3, 4`,
      );
      for (const row of rows) {
        const start =
          row.period_start instanceof Date
            ? row.period_start.toISOString().slice(0, 10)
            : String(row.period_start);
        addRow(store, requestKey(request, start.slice(0, 10)), {
          key: row.key,
          measure: row.measure,
          bucket: Number(row.bucket),
          value: Number(row.value),
        });
      }
    }
    const names = await queryRows<{ kind: string; key: string; name: string }>(
      tx,
      sql`select 'team' as kind, id::text as key, name from teams
          union all select 'school', urn::text, name from schools
          union all select case kind::text when 'integrated-care-board' then 'icb' else 'local-authority' end, code,
            coalesce(short_name, name) from organisations where kind::text in ('integrated-care-board', 'local-authority')`,
    );
    const named: Record<string, Record<string, string>> = {};
    for (const n of names) {
      const kind = named[n.kind] ?? {};
      kind[n.key] = n.name;
      named[n.kind] = kind;
    }
    return named;
  });
  return resultsFrom(plan, store, query.view, named);
}
