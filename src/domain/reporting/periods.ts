import type { ReportPeriod, ReportPeriodKind } from '../../contracts/reporting.js';
import { addDays, isoDay, monthNames } from '../calendar.js';

/**
 * Reporting periods: calendar months, calendar quarters ("October to December 2026") and NHS
 * financial years, April to March ("2026 to 2027"), which is how boards read a year. Dates are
 * London calendar dates as YYYY-MM-DD; pure functions.
 */

export const periodKinds: readonly ReportPeriodKind[] = ['month', 'quarter', 'year'];

function parts(date: string): [number, number] {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return [year, month - 1];
}

/** Months in a period of each kind. */
const lengthOf: Record<ReportPeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** The first month (index from 0) of the period holding a month. */
function firstMonth(kind: ReportPeriodKind, year: number, monthIndex: number): [number, number] {
  if (kind === 'month') return [year, monthIndex];
  if (kind === 'quarter') return [year, monthIndex - (monthIndex % 3)];
  // Financial year: April (3) to March.
  return monthIndex >= 3 ? [year, 3] : [year - 1, 3];
}

function label(kind: ReportPeriodKind, year: number, monthIndex: number): string {
  if (kind === 'month') return `${monthNames[monthIndex]} ${year}`;
  if (kind === 'quarter') return `${monthNames[monthIndex]} to ${monthNames[monthIndex + 2]} ${year}`;
  return `${year} to ${year + 1}`;
}

function periodFrom(kind: ReportPeriodKind, year: number, monthIndex: number): ReportPeriod {
  const start = new Date(Date.UTC(year, monthIndex, 1));
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  return {
    kind,
    start: isoDay(y, m, 1),
    end: isoDay(y, m + lengthOf[kind], 0),
    label: label(kind, y, m),
  };
}

/** The period of a kind that holds a date. */
export function periodContaining(kind: ReportPeriodKind, date: string): ReportPeriod {
  const [year, monthIndex] = parts(date);
  const [y, m] = firstMonth(kind, year, monthIndex);
  return periodFrom(kind, y, m);
}

/** The period before (`steps` = 1) or further back. */
export function periodBefore(period: ReportPeriod, steps = 1): ReportPeriod {
  const [year, monthIndex] = parts(period.start);
  return periodFrom(period.kind, year, monthIndex - steps * lengthOf[period.kind]);
}

/** The last period of a kind that has ended by `today`: the default for a report. */
export function lastCompletePeriod(kind: ReportPeriodKind, today: string): ReportPeriod {
  return periodBefore(periodContaining(kind, today));
}

/** The `count` periods ending with this one, oldest first, for a chart. */
export function seriesOf(period: ReportPeriod, count: number): ReportPeriod[] {
  return Array.from({ length: count }, (_, i) => periodBefore(period, count - 1 - i));
}

/** The first day of every month in a period: a quarter's three, a year's twelve, a month itself. */
export function monthStartsOf(period: { kind: ReportPeriodKind; start: string }): string[] {
  const [year, monthIndex] = parts(period.start);
  return Array.from(
    { length: lengthOf[period.kind] },
    (_, i) => periodFrom('month', year, monthIndex + i).start,
  );
}

/** The start of the month, quarter and year holding a day: the rollup rows a day's data adds to. */
export function periodStartsOf(day: string): Record<ReportPeriodKind, string> {
  return {
    month: periodContaining('month', day).start,
    quarter: periodContaining('quarter', day).start,
    year: periodContaining('year', day).start,
  };
}

/** "this quarter" style phrase for a headline: the period's label, with "in" before it. */
export function periodPhrase(period: ReportPeriod): string {
  return `in ${period.label}`;
}

/**
 * Period-end figures (the waiting list, its longest wait, schools covered) are taken at each month
 * end this many months back, and today: a period that ended before then has none ("no figures
 * yet", never 0). The rollups and the base-table figures keep to the same rule.
 */
export const SNAPSHOT_MONTHS = 25;

/** The day a period's period-end figures are taken on: its last day, or today while it runs. */
export function snapshotDayOf(period: ReportPeriod, today: string): string {
  return period.end < today ? period.end : today;
}

/** The first month whose end has period-end figures. */
export function firstSnapshotMonth(today: string): ReportPeriod {
  return periodContaining('month', addDays(today, -31 * (SNAPSHOT_MONTHS - 1)));
}

/** Whether a period has period-end figures kept for it. */
export function hasSnapshot(period: ReportPeriod, today: string): boolean {
  return period.start <= today && snapshotDayOf(period, today) >= firstSnapshotMonth(today).end;
}
