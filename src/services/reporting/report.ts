import { authorise, type ServiceContext } from '../../access/authorise.js';
import { exactReportTeams } from '../../access/scope.js';
import {
  type Report,
  type ReportDimension,
  type ReportQuery,
  reportDimensions,
} from '../../contracts/reporting.js';
import type { LanternDb } from '../../db/client.js';
import * as rollups from '../../db/repositories/reporting.repository.js';
import { AppError } from '../../domain/app-error.js';
import {
  ALL,
  cuboidOf,
  dimensionColumns,
  dimensionLabels,
  labelOf,
  MAX_DIMENSIONS,
} from '../../domain/reporting/dimensions.js';
import { kpiDefinitions, measuresOf } from '../../domain/reporting/kpi-definitions.js';
import { reportHeadlines } from '../../domain/reporting/kpi-results.js';
import { periodBefore } from '../../domain/reporting/periods.js';
import {
  addRow,
  filtersOf,
  planOf,
  requestKey,
  requestsOf,
  resultsFrom,
  type SliceStore,
} from './assemble.js';

/**
 * An exact-figures query the caller may make: someone whose exact figures come from a team role
 * sees their own team's only, so the team filter is theirs (their first team when none is asked).
 */
async function exactQuery(ctx: ServiceContext, query: ReportQuery): Promise<ReportQuery> {
  await authorise(ctx, 'report:read-exact');
  const teams = exactReportTeams(ctx.actor);
  if (teams === null) return query;
  const [ownTeam] = teams;
  if (ownTeam === undefined) {
    // A team role held for no team (granted across the organisation): no team's exact figures.
    throw new AppError('unprocessable-content', 'Exact figures are shown for your own team only.', [
      { name: 'view', reason: 'You are not in a team here: use the published view.' },
    ]);
  }
  if (query.by === 'team') {
    throw new AppError('unprocessable-content', 'Exact figures are shown for your own team only.', [
      { name: 'by', reason: 'Break down by something other than team, or use the published view.' },
    ]);
  }
  if (query.team !== undefined && !teams.includes(query.team)) {
    throw new AppError('unprocessable-content', 'Exact figures are shown for your own team only.', [
      { name: 'team', reason: 'Choose your own team, or the published view for other teams.' },
    ]);
  }
  // Their team is one of the dimensions: say so, rather than count a filter they never chose.
  const chosen = [...new Set([...filtersOf(query).map(([d]) => d), ...(query.by ? [query.by] : [])])].filter(
    (d) => d !== 'team',
  );
  if (chosen.length >= MAX_DIMENSIONS) {
    throw new AppError(
      'unprocessable-content',
      'Exact figures are already limited to your team, so choose one filter or breakdown besides it.',
      [
        {
          name: query.by ? 'by' : String(chosen.at(-1)),
          reason: 'Choose one filter or breakdown, or use the published view for more.',
        },
      ],
    );
  }
  return query.team === undefined ? { ...query, team: ownTeam } : query;
}

interface Choices {
  rolledUpAt: Date | null;
  named: Record<string, Record<string, string>>;
  keys: Map<ReportDimension, string[]>;
}

/** How long a process reuses the filter choices and place names while the latest recorded run is unchanged. */
export const CHOICES_KEPT_MS = 60_000;
const keptChoices = new WeakMap<LanternDb, Choices & { readAt: number }>();

/**
 * The filter choices (the keys each dimension has in the rollups) and the names of places: the
 * same for every report until a rollup runs, so kept per database for up to a minute while the
 * latest run is unchanged. A renamed school shows its new name within a minute.
 */
async function choicesOf(db: LanternDb, tx: LanternDb): Promise<Choices> {
  const rolledUpAt = await rollups.lastRunAt(tx);
  const kept = keptChoices.get(db);
  if (
    kept &&
    kept.rolledUpAt?.getTime() === rolledUpAt?.getTime() &&
    Date.now() - kept.readAt < CHOICES_KEPT_MS
  ) {
    return kept;
  }
  const named = await rollups.placeNames(tx);
  const keys = new Map<ReportDimension, string[]>();
  for (const d of reportDimensions) keys.set(d, await rollups.dimensionKeys(tx, dimensionColumns[d], d));
  keptChoices.set(db, { rolledUpAt, named, keys, readAt: Date.now() });
  return { rolledUpAt, named, keys };
}

/**
 * The KPIs for a period, read only from the rollup tables (never the live case tables). Published
 * figures for anyone holding `report:read-published`; exact figures (`view=operational`) need
 * `report:read-exact` too. One access-log row per call; nothing in the reply names or identifies a
 * child: counts, shares and waits only.
 */
export async function buildReport(
  ctx: ServiceContext,
  deps: { db: LanternDb; now: () => Date },
  asked: ReportQuery,
): Promise<Report> {
  await authorise(ctx, 'report:read-published');
  const query = asked.view === 'operational' ? await exactQuery(ctx, asked) : asked;
  const plan = planOf(query, deps.now());
  const measures = measuresOf(plan.kpis);
  // The series (the whole, six periods) charts the trend; a breakdown is shown for the period only.
  const seriesStarts = plan.series.map((p) => p.start);
  const store: SliceStore = new Map();
  // One snapshot for every slice, so a rollup committing meanwhile cannot put figures out of step.
  const { named, keys, rolledUpAt } = await deps.db.transaction(
    async (tx) => {
      for (const request of requestsOf(plan)) {
        const dims = [...request.fixed.map(([d]) => d), ...(request.by ? [request.by] : [])];
        const rows = await rollups.readCuboid(tx, {
          kind: plan.period.kind,
          starts: request.by ? [plan.period.start] : seriesStarts,
          measures: request.measures ?? measures,
          cuboid: cuboidOf(dims, reportDimensions),
          fixed: request.fixed.map(([d, key]) => [dimensionColumns[d], key]),
          by: request.by ? dimensionColumns[request.by] : null,
        });
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
      return choicesOf(deps.db, tx);
    },
    { isolationLevel: 'repeatable read' },
  );
  // Logged once the read has committed, before anything is answered: in the repeatable-read
  // transaction the access log's newest hash would be read from its old snapshot, forking the chain.
  await ctx.recordAccess({
    subjectKind: 'report',
    subjectId: null,
    action: query.view === 'operational' ? 'report:read-exact' : 'report:read-published',
    outcome: 'allowed',
    basis: 'aggregates',
    reason: `${plan.period.kind} from ${plan.period.start}`,
  });
  const kpis = resultsFrom(plan, store, query.view, named);
  return {
    view: query.view,
    period: plan.period,
    previousPeriod: periodBefore(plan.period),
    filters: Object.fromEntries(
      reportDimensions.filter((d) => query[d] !== undefined).map((d) => [d, query[d]]),
    ),
    choices: reportDimensions.map((dimension) => ({
      dimension,
      label: dimensionLabels[dimension],
      options: (keys.get(dimension) ?? [])
        .filter((key) => key !== ALL && key !== '')
        .map((key) => ({ key, label: labelOf(dimension, key, named[dimension] ?? {}) })),
    })),
    rolledUpAt: rolledUpAt ? rolledUpAt.toISOString() : null,
    headlines: reportHeadlines(kpiDefinitions, kpis),
    kpis,
  };
}
