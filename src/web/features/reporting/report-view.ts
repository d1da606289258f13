import type {
  KpiResult,
  Report,
  ReportDimension,
  ReportFigure,
  ReportView,
} from '../../../contracts/reporting.js';
import { reportDimensions } from '../../../contracts/reporting.js';

// Words and addresses for the dashboard and the board report. Pure, so each is tested on its own.

export type KpiArea = KpiResult['area'];

export const areaOrder: readonly KpiArea[] = [
  'front-door',
  'waiting',
  'access',
  'outcomes',
  'online',
  'schools',
];

export const areaHeadings: Record<KpiArea, string> = {
  'front-door': 'Front door: requests for help',
  waiting: 'Waiting for help',
  access: 'Children and young people helped',
  outcomes: 'Outcomes',
  online: 'Online support',
  schools: 'Work with schools',
};

export const dimensionLabels: Record<ReportDimension, string> = {
  icb: 'Integrated care board',
  'local-authority': 'Local authority',
  team: 'Team',
  school: 'School',
  'age-band': 'Age band',
  gender: 'Gender',
  ethnicity: 'Ethnicity',
  sen: 'Special educational needs',
  lgbt: 'LGBT+',
};

export const periodKindLabels = { month: 'Month', quarter: 'Quarter', year: 'Year' } as const;

/** Red, amber and green always in words as well as colour. */
export const ragWords = { green: 'On target', amber: 'Close to target', red: 'Not on target' } as const;
export const ragTagClass = {
  green: 'nhsuk-tag--green',
  amber: 'nhsuk-tag--yellow',
  red: 'nhsuk-tag--red',
} as const;

export const viewNotices: Record<ReportView, string> = {
  published: 'Published figures: numbers from 1 to 7 are shown as *, others rounded to the nearest 5.',
  operational: 'Exact figures for authorised staff: do not share.',
};

/** Filters a board report takes: an area, never a group of children. */
export const areaDimensions = [
  'icb',
  'local-authority',
  'school',
] as const satisfies readonly ReportDimension[];

const isDimension = (key: string): key is ReportDimension =>
  (reportDimensions as readonly string[]).includes(key);

/**
 * The API query for the dashboard, from the page's address: only the settings the API knows, no
 * empty ones, and the exact (operational) view only for someone allowed to read it.
 */
export function dashboardQuery(params: URLSearchParams, options: { mayReadExact: boolean }): URLSearchParams {
  const query = new URLSearchParams();
  const period = params.get('period');
  if (period === 'month' || period === 'quarter' || period === 'year') query.set('period', period);
  const date = params.get('date');
  if (date) query.set('date', date);
  if (options.mayReadExact && params.get('view') === 'operational') query.set('view', 'operational');
  const by = params.get('by');
  if (by && isDimension(by)) query.set('by', by);
  for (const dimension of reportDimensions) {
    const value = params.get(dimension);
    if (value) query.set(dimension, value);
  }
  return query;
}

/** The CSV download: the same figures, always the published (suppressed) view. */
export function csvQuery(query: URLSearchParams): URLSearchParams {
  const csv = new URLSearchParams(query);
  csv.delete('view');
  return csv;
}

/** The board report for the same area and quarter: the area filters and a date in the quarter. */
export function boardQuery(params: URLSearchParams, date?: string): URLSearchParams {
  const query = new URLSearchParams();
  const day = date ?? params.get('date');
  if (day) query.set('date', day);
  for (const dimension of areaDimensions) {
    const value = params.get(dimension);
    if (value) query.set(dimension, value);
  }
  return query;
}

export const withQuery = (path: string, query: URLSearchParams) => {
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};

/** KPIs grouped by the part of the service they come from, in a fixed order; empty groups left out. */
export function groupByArea(
  kpis: readonly KpiResult[],
): { area: KpiArea; heading: string; kpis: KpiResult[] }[] {
  return areaOrder
    .map((area) => ({ area, heading: areaHeadings[area], kpis: kpis.filter((kpi) => kpi.area === area) }))
    .filter((group) => group.kpis.length > 0);
}

/** Whether a figure can be drawn: suppressed and missing figures are left out of charts. */
export const isDrawable = (figure: ReportFigure) =>
  figure.value !== null && figure.kind !== 'suppressed' && figure.kind !== 'none';

/** The name of the area a report is for: the chosen school, local authority or board, or all. */
export function areaName(report: Report): string {
  for (const dimension of ['school', 'local-authority', 'icb'] as const) {
    const chosen = report.filters[dimension];
    if (chosen === undefined || chosen === '') continue;
    const options = report.choices.find((choice) => choice.dimension === dimension)?.options ?? [];
    const label = options.find((option) => option.key === String(chosen))?.label;
    return label ?? `${dimensionLabels[dimension]} ${chosen}`;
  }
  return 'All areas';
}

/** "Up 15 since July to September 2026.", or why no change is shown. */
export function changeWords(kpi: KpiResult, previousLabel: string): string {
  if (!kpi.change) return `No comparison with ${previousLabel}: one of the figures is not shown.`;
  return `${kpi.change.display} since ${previousLabel}.`;
}

/** A figure as a person reads it: `*` when suppressed, and words (not "none") when there is nothing. */
export function figureText(figure: ReportFigure): string {
  return figure.kind === 'none' ? 'No figures yet' : figure.display;
}

const countWords = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a chart leaves out and why: figures too small to publish, and figures not there yet. */
function leftOutWords(figures: readonly ReportFigure[], one: string, many: string): string {
  const small = figures.filter((f) => f.kind === 'suppressed').length;
  const missing = figures.filter((f) => !isDrawable(f) && f.kind !== 'suppressed').length;
  const isOne = (n: number) => n === 1;
  return [
    small > 0
      ? ` ${countWords(small, one, many)} ${isOne(small) ? 'is' : 'are'} left out because the numbers are too small to show.`
      : '',
    missing > 0
      ? ` ${countWords(missing, one, many)} ${isOne(missing) ? 'has' : 'have'} no figures yet.`
      : '',
  ].join('');
}

/** One sentence on what the chart of recent periods shows, and what it leaves out. */
export function seriesSummary(kpi: KpiResult): string {
  const shown = kpi.series.filter((point) => isDrawable(point.value));
  const leftOut = leftOutWords(
    kpi.series.map((point) => point.value),
    'period',
    'periods',
  );
  const first = shown[0];
  const last = shown.at(-1);
  if (!first || !last) return `${kpi.title}: no figures to draw for recent periods.${leftOut}`;
  if (first === last) return `${kpi.title}: ${last.value.display} in ${last.label}.${leftOut}`;
  return `${kpi.title}: ${first.value.display} in ${first.label} and ${last.value.display} in ${last.label}.${leftOut}`;
}

/** One sentence on the breakdown: the largest group, and what is left out. */
export function breakdownSummary(kpi: KpiResult): string {
  const breakdown = kpi.breakdown;
  if (!breakdown) return '';
  const by = dimensionLabels[breakdown.dimension].toLowerCase();
  const shown = breakdown.rows.filter((row) => isDrawable(row.value));
  const leftOut = leftOutWords(
    breakdown.rows.map((row) => row.value),
    'group',
    'groups',
  );
  const top = [...shown].sort((a, b) => (b.value.value ?? 0) - (a.value.value ?? 0))[0];
  if (!top) return `${kpi.title} by ${by}: no groups large enough to draw.${leftOut}`;
  return `${kpi.title} by ${by}: the highest was ${top.label}, ${top.value.display}.${leftOut}`;
}

/** The periods a person can choose: the ones the report shows figures for, newest first. */
export function periodOptions(report: Report): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const kpi of report.kpis) for (const point of kpi.series) seen.set(point.start, point.label);
  seen.set(report.period.start, report.period.label);
  return [...seen.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([value, label]) => ({ value, label }));
}

/** The form's fields as an address: empty choices left out, so the URL says only what was chosen. */
export function paramsFromForm(entries: Iterable<[string, FormDataEntryValue]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of entries) if (typeof value === 'string' && value !== '') params.set(name, value);
  return params;
}
