import type {
  KpiResult,
  ReportDimension,
  ReportFigure,
  ReportPeriod,
  ReportView,
} from '../../contracts/reporting.js';
import { publishTable } from './disclosure.js';
import {
  changeOf,
  countFigure,
  type Histogram,
  headlineOf,
  none,
  percentFigure,
  ragOf,
  showCount,
  showDistribution,
  showMean,
  showRate,
  suppressedFigure,
  targetText,
} from './figures.js';
import { type KpiDefinition, measuresOf } from './kpi-definitions.js';

/**
 * KPI results from measure values, the same way whichever source they came from (the rollup tables
 * for reports, the base tables for the consistency check and the benchmark). Pure.
 */

/** measure → bucket → value; counts use bucket 0, distributions one bucket per day or minute. */
export type Cells = ReadonlyMap<string, Histogram>;
/** Breakdown key ('*' for the whole) → cells. */
export type Slices = ReadonlyMap<string, Cells>;

export const WHOLE = '*';

/**
 * Reads the cells for the report's filters plus `extra` fixed dimension values, broken down by `by`
 * (or whole, under WHOLE), for a period. Null when the rollups do not keep that combination.
 */
export type Lookup = (
  extra: Partial<Record<ReportDimension, string>>,
  by: ReportDimension | null,
  period: ReportPeriod,
) => Slices | null;

export interface KpiContext {
  view: ReportView;
  period: ReportPeriod;
  series: ReportPeriod[];
  by: ReportDimension | null;
  filterDimensions: ReportDimension[];
  /** Labels for breakdown keys. */
  labelOf: (dimension: ReportDimension, key: string) => string;
  lookup: Lookup;
  /** Whether a period has period-end figures (the waiting list, schools covered) kept for it. */
  hasSnapshot: (period: ReportPeriod) => boolean;
}

const measureValue = (cells: Cells | undefined, measure: string) => cells?.get(measure)?.get(0) ?? 0;
const histogramOf = (cells: Cells | undefined, measure: string): Histogram =>
  cells?.get(measure) ?? new Map();

/** One figure from one slice's cells. */
function figureOf(kpi: KpiDefinition, cells: Cells | undefined, keyed: Cells | undefined, view: ReportView) {
  const c = kpi.compute;
  // No data at all for the period (or group): "none", not 0.
  if (cells === undefined) return none;
  if (c.kind === 'count') return showCount(measureValue(cells, c.measure), view);
  if (c.kind === 'rate') {
    const numerator = measureValue(c.numeratorKey ? keyed : cells, c.numerator);
    return showRate(
      Math.min(numerator, measureValue(cells, c.denominator)),
      measureValue(cells, c.denominator),
      view,
    );
  }
  if (c.kind === 'mean') return showMean(histogramOf(cells, c.distribution), c.scale, view);
  return showDistribution(histogramOf(cells, c.distribution), c.kind, kpi.unit, view);
}

function extraOf(kpi: KpiDefinition): Partial<Record<ReportDimension, string>> {
  const c = kpi.compute;
  return c.kind === 'rate' && c.numeratorKey ? { [c.numeratorKey.dimension]: c.numeratorKey.key } : {};
}

/** The figure for a whole period, or none when the rollups cannot answer. */
function periodFigure(kpi: KpiDefinition, context: KpiContext, period: ReportPeriod): ReportFigure {
  const whole = context.lookup({}, null, period);
  if (whole === null) return none;
  const extra = extraOf(kpi);
  const keyed = Object.keys(extra).length > 0 ? context.lookup(extra, null, period) : null;
  if (Object.keys(extra).length > 0 && keyed === null) return none;
  return figureOf(kpi, whole.get(WHOLE), keyed?.get(WHOLE), context.view);
}

interface Breakdown {
  rows: { key: string; label: string; value: ReportFigure }[];
  /** In the published view, the whole as the protected table shows it. */
  total: ReportFigure | null;
}

/**
 * A breakdown. Published counts and shares go through publishTable with totals, so no `*` can be
 * recovered by taking shown rows from the shown total; the KPI's own figure is then the table's
 * total as shown.
 */
function breakdownOf(kpi: KpiDefinition, context: KpiContext, by: ReportDimension): Breakdown | null {
  const slices = context.lookup({}, by, context.period);
  if (slices === null) return null;
  const extra = extraOf(kpi);
  const keyedSlices = Object.keys(extra).length > 0 ? context.lookup(extra, by, context.period) : null;
  if (Object.keys(extra).length > 0 && keyedSlices === null) return null;
  const measures = measuresOf([kpi]);
  const hasData = (key: string) =>
    measures.some((m) =>
      [slices.get(key), keyedSlices?.get(key)].some((cells) =>
        [...(cells?.get(m)?.values() ?? [])].some((v) => v !== 0),
      ),
    );
  const keys = [...new Set([...slices.keys(), ...(keyedSlices?.keys() ?? [])])]
    .filter(hasData)
    .sort((a, b) => context.labelOf(by, a).localeCompare(context.labelOf(by, b)));
  const label = (key: string) => context.labelOf(by, key);
  const c = kpi.compute;
  if (context.view === 'operational' || (c.kind !== 'count' && c.kind !== 'rate')) {
    return {
      rows: keys.map((key) => ({
        key,
        label: label(key),
        value: figureOf(kpi, slices.get(key), keyedSlices?.get(key), context.view),
      })),
      total: null,
    };
  }
  if (keys.length === 0) return { rows: [], total: null };
  if (c.kind === 'count') {
    const table = publishTable(
      keys.map((key) => [measureValue(slices.get(key), c.measure)]),
      { rowTotals: false, columnTotals: true },
    );
    if (table.kind === 'withheld') {
      return {
        rows: keys.map((key) => ({ key, label: label(key), value: suppressedFigure })),
        total: suppressedFigure,
      };
    }
    const shown = (cell: { kind: string; value?: number }) =>
      cell.kind === 'suppressed' ? suppressedFigure : countFigure(cell.value as number);
    return {
      rows: keys.map((key, i) => ({ key, label: label(key), value: shown(table.cells[i]?.[0] as never) })),
      total: shown(table.columnTotals?.[0] as never),
    };
  }
  // A share: the table is [numerator, the rest] per row, with row totals (the denominators).
  const pairs = keys.map((key) => {
    const denominator = measureValue(slices.get(key), c.denominator);
    const numerator = Math.min(
      measureValue(c.numeratorKey ? keyedSlices?.get(key) : slices.get(key), c.numerator),
      denominator,
    );
    return [numerator, denominator - numerator];
  });
  const table = publishTable(pairs, { rowTotals: true, columnTotals: true });
  if (table.kind === 'withheld') {
    return {
      rows: keys.map((key) => ({ key, label: label(key), value: suppressedFigure })),
      total: suppressedFigure,
    };
  }
  const share = (
    top: { kind: string; value?: number } | undefined,
    bottom: { kind: string; value?: number } | undefined,
  ) => {
    if (!top || !bottom || top.kind === 'suppressed' || bottom.kind === 'suppressed') return suppressedFigure;
    if (bottom.value === 0) return none;
    return percentFigure(Math.round((100 * (top.value as number)) / (bottom.value as number)));
  };
  return {
    rows: keys.map((key, i) => ({
      key,
      label: label(key),
      value: share(table.cells[i]?.[0], table.rowTotals?.[i]),
    })),
    total: share(table.columnTotals?.[0], table.grandTotal ?? undefined),
  };
}

function isSnapshotKpi(kpi: KpiDefinition): boolean {
  return 'snapshot' in kpi.compute && kpi.compute.snapshot === true;
}

export function kpiResult(kpi: KpiDefinition, context: KpiContext): KpiResult {
  const applies = context.filterDimensions.every((d) => kpi.breakdowns.includes(d));
  // A period-end figure for a period with no snapshot kept is "no figures", never 0.
  const isKept = (period: ReportPeriod) => !isSnapshotKpi(kpi) || context.hasSnapshot(period);
  const previousPeriod = context.series[context.series.length - 2] as ReportPeriod;
  const figure = (period: ReportPeriod) =>
    applies && isKept(period) ? periodFigure(kpi, context, period) : none;
  const by =
    context.by !== null && applies && isKept(context.period) && kpi.breakdowns.includes(context.by)
      ? context.by
      : null;
  const breakdown = by === null ? null : breakdownOf(kpi, context, by);
  const current = breakdown?.total ?? figure(context.period);
  const previous = figure(previousPeriod);
  return {
    id: kpi.id,
    title: kpi.title,
    area: kpi.area,
    definition: {
      numerator: kpi.numerator,
      denominator: kpi.denominator,
      filters: kpi.filters,
      source: kpi.source,
    },
    target: kpi.target
      ? { value: kpi.target.value, direction: kpi.target.direction, text: targetText(kpi.target, kpi.unit) }
      : null,
    current,
    previous,
    change: changeOf(current, previous),
    rag: ragOf(current, kpi.target),
    headline: headlineOf(kpi, current, context.period),
    breakdown: by === null || breakdown === null ? null : { dimension: by, rows: breakdown.rows },
    series: context.series.map((period) => ({
      start: period.start,
      label: period.label,
      value: period.start === context.period.start ? current : figure(period),
    })),
  };
}

/**
 * The report's headlines: each headline KPI's sentence with the clauses of the KPIs joined to it
 * ("34 young people used the online service in …; 80% were female; 60% of use was on evenings and
 * weekends."). A clause joins only when its figure is shown, so nothing withheld appears in words.
 */
export function reportHeadlines(
  definitions: readonly KpiDefinition[],
  results: readonly KpiResult[],
): string[] {
  const resultOf = new Map(results.map((r) => [r.id, r]));
  const lines: string[] = [];
  for (const kpi of definitions) {
    const result = resultOf.get(kpi.id);
    if (!kpi.isHeadline || !result) continue;
    if (result.current.kind === 'none' || result.current.kind === 'suppressed') {
      lines.push(result.headline);
      continue;
    }
    const clauses = definitions
      .filter((k) => k.joinTo === kpi.id)
      .map((k) => resultOf.get(k.id))
      .filter((r): r is KpiResult => r !== undefined && r.current.value !== null)
      .map((r) => r.headline.replace(/\.$/, ''))
      .map((text) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`);
    lines.push([result.headline.replace(/\.$/, ''), ...clauses].join('; ').concat('.'));
  }
  return lines;
}
