import {
  type KpiResult,
  type ReportDimension,
  type ReportFilters,
  type ReportPeriod,
  type ReportQuery,
  reportDimensions,
} from '../../contracts/reporting.js';
import { AppError } from '../../domain/app-error.js';
import { londonDate } from '../../domain/people/child-details.js';
import {
  dimensionColumns,
  isCuboidKept,
  labelOf,
  MAX_DIMENSIONS,
} from '../../domain/reporting/dimensions.js';
import { type KpiDefinition, kpiDefinitions } from '../../domain/reporting/kpi-definitions.js';
import {
  type Cells,
  kpiResult,
  type Lookup,
  type Slices,
  WHOLE,
} from '../../domain/reporting/kpi-results.js';
import {
  hasSnapshot,
  lastCompletePeriod,
  periodContaining,
  seriesOf,
} from '../../domain/reporting/periods.js';

// What a report asks for, worked out once from the query, and the KPI results built from whichever
// source answers it (rollup tables for reports, base tables for checks and the benchmark).

export const SERIES_LENGTH = 6;

export interface Plan {
  /** The London day the report is made on. */
  today: string;
  period: ReportPeriod;
  series: ReportPeriod[];
  filters: [ReportDimension, string][];
  by: ReportDimension | null;
  kpis: KpiDefinition[];
}

export function filtersOf(query: ReportFilters): [ReportDimension, string][] {
  return reportDimensions.flatMap((d): [ReportDimension, string][] => {
    const value = query[d];
    return value === undefined ? [] : [[d, String(value)]];
  });
}

/** The period, KPIs and combination asked for; a problem naming the field for anything else. */
export function planOf(query: ReportQuery, now: Date): Plan {
  const today = londonDate(now);
  const period = query.date
    ? periodContaining(query.period, query.date)
    : lastCompletePeriod(query.period, today);
  if (period.start > today) {
    throw new AppError('bad-request', 'Choose a period that has started.', [
      { name: 'date', reason: 'must be in a period that has started' },
    ]);
  }
  const filters = filtersOf(query);
  const by = query.by ?? null;
  const engaged = new Set([...filters.map(([d]) => d), ...(by ? [by] : [])]);
  if (engaged.size > MAX_DIMENSIONS || !isCuboidKept([...engaged])) {
    throw new AppError(
      'bad-request',
      `Choose at most ${MAX_DIMENSIONS} of the filters and the breakdown at once.`,
      [
        {
          name: by ? 'by' : (filters[filters.length - 1]?.[0] ?? 'by'),
          reason: `at most ${MAX_DIMENSIONS} dimensions at once`,
        },
      ],
    );
  }
  if (by && filters.some(([d]) => d === by)) {
    throw new AppError('bad-request', 'Break down by a different dimension from the one filtered on.', [
      { name: 'by', reason: 'is already a filter' },
    ]);
  }
  let kpis = [...kpiDefinitions];
  if (query.kpis) {
    const ids = query.kpis
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const unknown = ids.filter((id) => !kpiDefinitions.some((k) => k.id === id));
    if (unknown.length > 0) {
      throw new AppError('bad-request', 'Ask only for KPIs that exist.', [
        { name: 'kpis', reason: `unknown: ${unknown.join(', ').slice(0, 200)}` },
      ]);
    }
    kpis = kpis.filter((k) => ids.includes(k.id));
  }
  return { today, period, series: seriesOf(period, SERIES_LENGTH), filters, by, kpis };
}

/**
 * A request for values: the plan's filters plus extra fixed values, broken down by a dimension;
 * `measures` when only some are needed (a keyed numerator), otherwise every measure of the plan.
 */
export interface SliceRequest {
  fixed: [ReportDimension, string][];
  by: ReportDimension | null;
  measures?: string[];
}

/**
 * Every combination the KPIs will look up (the whole, the breakdown, and keyed numerators, each
 * once, with only the numerators' measures).
 */
export function requestsOf(plan: Plan): SliceRequest[] {
  const requests: SliceRequest[] = [{ fixed: plan.filters, by: null }];
  if (plan.by) requests.push({ fixed: plan.filters, by: plan.by });
  const keyed = new Map<string, SliceRequest & { measures: string[] }>();
  for (const kpi of plan.kpis) {
    const c = kpi.compute;
    if (c.kind !== 'rate' || !c.numeratorKey) continue;
    const fixed: [ReportDimension, string][] = [
      ...plan.filters,
      [c.numeratorKey.dimension, c.numeratorKey.key],
    ];
    for (const by of plan.by ? [null, plan.by] : [null]) {
      const key = requestKey({ fixed, by }, '');
      const request = keyed.get(key) ?? { fixed, by, measures: [] };
      if (!request.measures.includes(c.numerator)) request.measures.push(c.numerator);
      keyed.set(key, request);
    }
  }
  return [...requests, ...keyed.values()].filter((r) =>
    isCuboidKept([...r.fixed.map(([d]) => d), ...(r.by ? [r.by] : [])]),
  );
}

export const requestKey = (request: SliceRequest, periodStart: string) =>
  JSON.stringify([[...request.fixed].sort((a, b) => a[0].localeCompare(b[0])), request.by, periodStart]);

export type SliceStore = Map<string, Map<string, Map<string, Map<number, number>>>>;

/** Adds one row of values into the store (request → key → measure → bucket → value). */
export function addRow(
  store: SliceStore,
  storeKey: string,
  row: { key: string; measure: string; bucket: number; value: number },
) {
  const slices = store.get(storeKey) ?? new Map<string, Map<string, Map<number, number>>>();
  store.set(storeKey, slices);
  const cells = slices.get(row.key) ?? new Map<string, Map<number, number>>();
  slices.set(row.key, cells);
  const buckets = cells.get(row.measure) ?? new Map<number, number>();
  cells.set(row.measure, buckets);
  buckets.set(row.bucket, (buckets.get(row.bucket) ?? 0) + row.value);
}

/** KPI results from stored slices; rows whose values are all 0 are left out of breakdowns. */
export function resultsFrom(
  plan: Plan,
  store: SliceStore,
  view: ReportQuery['view'],
  named: Record<string, Record<string, string>>,
): KpiResult[] {
  const lookup: Lookup = (extra, by, period) => {
    const fixed: [ReportDimension, string][] = [
      ...plan.filters,
      ...(Object.entries(extra) as [ReportDimension, string][]),
    ];
    if (!isCuboidKept([...fixed.map(([d]) => d), ...(by ? [by] : [])])) return null;
    const slices = store.get(requestKey({ fixed, by }, period.start)) ?? new Map();
    const kept = new Map<string, Cells>();
    for (const [key, cells] of slices) {
      if ([...cells.values()].some((h) => [...h.values()].some((v) => v !== 0))) kept.set(key, cells);
    }
    return kept as Slices;
  };
  return plan.kpis.map((kpi) =>
    kpiResult(kpi, {
      view,
      period: plan.period,
      series: plan.series,
      by: plan.by,
      filterDimensions: plan.filters.map(([d]) => d),
      labelOf: (dimension, key) => labelOf(dimension, key, named[dimension] ?? {}),
      lookup,
      hasSnapshot: (period) => hasSnapshot(period, plan.today),
    }),
  );
}

export { dimensionColumns, WHOLE };
