import type { ReportFigure, ReportView } from '../../contracts/reporting.js';
import { LARGEST_SUPPRESSED, publishCount, publishMean, publishPercentage } from './disclosure.js';
import type { KpiDefinition, KpiTarget } from './kpi-definitions.js';

/**
 * Figures as shown: exact for the operational view, through disclosure control for the published
 * view. Distributions are histograms (bucket = whole days or minutes, value = how many people), so
 * medians and percentiles come out exactly as from the list of values. Pure.
 */

export type Histogram = ReadonlyMap<number, number>;

export function histogramCount(histogram: Histogram): number {
  let n = 0;
  for (const count of histogram.values()) n += count;
  return n;
}

/** The value at a 1-based rank in the sorted list the histogram stands for. */
function valueAtRank(sorted: [number, number][], rank: number): number {
  let seen = 0;
  for (const [bucket, count] of sorted) {
    seen += count;
    if (seen >= rank) return bucket;
  }
  return (sorted[sorted.length - 1] as [number, number])[0];
}

const sortedOf = (histogram: Histogram) =>
  [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);

/** The median (the mean of the two middle values for an even count), as `median()` in domain/online/usage.ts. */
export function histogramMedian(histogram: Histogram): number | null {
  const n = histogramCount(histogram);
  if (n === 0) return null;
  const sorted = sortedOf(histogram);
  const upper = valueAtRank(sorted, Math.floor(n / 2) + 1);
  return n % 2 === 1 ? upper : (valueAtRank(sorted, n / 2) + upper) / 2;
}

/** The nearest-rank percentile: the smallest value with at least p% of values at or below it. */
export function histogramPercentile(histogram: Histogram, p: number): number | null {
  const n = histogramCount(histogram);
  if (n === 0) return null;
  return valueAtRank(sortedOf(histogram), Math.max(1, Math.ceil((p / 100) * n)));
}

export function histogramMax(histogram: Histogram): number | null {
  const sorted = sortedOf(histogram);
  return sorted.length === 0 ? null : (sorted[sorted.length - 1] as [number, number])[0];
}

/** The mean of the values the histogram stands for. */
export function histogramMean(histogram: Histogram): number | null {
  const n = histogramCount(histogram);
  if (n === 0) return null;
  let total = 0;
  for (const [bucket, count] of histogram) total += bucket * count;
  return total / n;
}

/**
 * A mean of buckets kept as values times `scale`, as shown: published through publishMean (withheld
 * when based on 1 to 7), to one decimal place, in words ("0.4 points higher").
 */
export function showMean(histogram: Histogram, scale: number, view: ReportView): ReportFigure {
  const n = histogramCount(histogram);
  if (n === 0) return none;
  let value: number;
  if (view === 'published') {
    const values = [...histogram].flatMap(([bucket, count]) =>
      Array.from({ length: Math.max(0, count) }, () => bucket / scale),
    );
    const published = publishMean(values, 1);
    if (published.kind === 'suppressed') return suppressedFigure;
    value = published.value;
  } else {
    value = Math.round(((histogramMean(histogram) as number) / scale) * 10) / 10;
  }
  // No "-0": a mean that rounds to nothing is shown as 0. Words, not a sign, say which way it went
  // (a spreadsheet would read a leading + or - as a formula).
  const shown = value === 0 ? 0 : value;
  const size = Math.abs(shown);
  const display =
    shown === 0
      ? 'no different'
      : `${number(size)} ${size === 1 ? 'point' : 'points'} ${shown > 0 ? 'higher' : 'lower'}`;
  return { kind: 'mean', value: shown, display };
}

export const none: ReportFigure = { kind: 'none', value: null, display: 'No figures yet' };
export const suppressedFigure: ReportFigure = { kind: 'suppressed', value: null, display: '*' };

const number = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });

export function countFigure(n: number): ReportFigure {
  return { kind: 'count', value: n, display: number(n) };
}

export function percentFigure(percent: number): ReportFigure {
  return { kind: 'percentage', value: percent, display: `${percent}%` };
}

function unitFigure(value: number, unit: string): ReportFigure {
  const kind = unit === 'minutes' ? 'minutes' : 'days';
  const word = value === 1 ? kind.slice(0, -1) : kind;
  return { kind, value, display: `${number(value)} ${word}` };
}

/** A count as shown in a view. */
export function showCount(n: number, view: ReportView): ReportFigure {
  if (view === 'operational') return countFigure(n);
  const published = publishCount(n);
  return published.kind === 'suppressed' ? suppressedFigure : countFigure(published.value);
}

/** A share as shown: whole percent; in the published view from the rounded counts. */
export function showRate(numerator: number, denominator: number, view: ReportView): ReportFigure {
  if (denominator === 0) return none;
  if (view === 'operational') return percentFigure(Math.round((100 * numerator) / denominator));
  const published = publishPercentage(numerator, denominator);
  return published.kind === 'suppressed' ? suppressedFigure : percentFigure(published.value);
}

/** A median, percentile or longest wait: withheld in the published view when based on 1 to 7 people. */
export function showDistribution(
  histogram: Histogram,
  kind: 'median' | 'p90' | 'max',
  unit: string,
  view: ReportView,
): ReportFigure {
  const n = histogramCount(histogram);
  if (n === 0) return none;
  if (view === 'published' && n <= LARGEST_SUPPRESSED) return suppressedFigure;
  const value =
    kind === 'median'
      ? histogramMedian(histogram)
      : kind === 'p90'
        ? histogramPercentile(histogram, 90)
        : histogramMax(histogram);
  return value === null ? none : unitFigure(Math.round(value * 10) / 10, unit);
}

/** Red, amber or green against a target; null without a target or a figure to judge. */
export function ragOf(figure: ReportFigure, target: KpiTarget | null): 'red' | 'amber' | 'green' | null {
  if (target === null || figure.value === null) return null;
  const { value, direction, amberMargin } = target;
  const v = figure.value;
  if (direction === 'at-least') {
    if (v >= value) return 'green';
    return v >= value - amberMargin ? 'amber' : 'red';
  }
  if (v <= value) return 'green';
  return v <= value + amberMargin ? 'amber' : 'red';
}

export function targetText(target: KpiTarget, unit: string): string {
  const words = target.direction === 'at-least' ? 'At least' : 'At most';
  if (unit === 'percent') return `${words} ${target.value}%`;
  return `${words} ${target.value} ${unit}`;
}

/**
 * The change from the previous period, worked out from the two figures as shown, so it says
 * nothing they do not (publishChange's rule); null when either is missing or suppressed.
 */
export function changeOf(
  current: ReportFigure,
  previous: ReportFigure,
): { display: string; direction: 'up' | 'down' | 'same' } | null {
  if (current.value === null || previous.value === null) return null;
  const difference = Math.round((current.value - previous.value) * 10) / 10;
  if (difference === 0) return { display: 'No change', direction: 'same' };
  const size = Math.abs(difference);
  const unit =
    current.kind === 'percentage'
      ? ` percentage point${size === 1 ? '' : 's'}`
      : current.kind === 'days' || current.kind === 'minutes'
        ? ` ${size === 1 ? current.kind.slice(0, -1) : current.kind}`
        : '';
  return {
    display: `${difference > 0 ? 'Up' : 'Down'} ${number(size)}${unit}`,
    direction: difference > 0 ? 'up' : 'down',
  };
}

/** The plain-English sentence for a KPI, from the figure as shown: a suppressed number never appears. */
export function headlineOf(kpi: KpiDefinition, figure: ReportFigure, period: { label: string }): string {
  const phrase = `in ${period.label}`;
  if (figure.kind === 'none') return `${kpi.title} ${phrase}: no figures yet.`;
  if (figure.kind === 'suppressed' && kpi.compute.kind !== 'count') {
    const who = kpi.unit === 'points' ? 'schools' : 'young people';
    return `${kpi.title} ${phrase}: not shown, because too few ${who} are involved to publish it safely.`;
  }
  const value = figure.kind === 'suppressed' ? 'fewer than 8' : figure.display;
  const text = kpi.headline
    .replace('{value}', value)
    .replace('{period}', phrase)
    .replace('{periodLabel}', period.label);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
