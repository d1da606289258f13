import type { Report } from '../../contracts/reporting.js';
import { csvRow } from './csv-format.js';

/**
 * A report as CSV: one row per KPI, then one per breakdown row, with a header row, written as every
 * download is (`csv-format.ts`: RFC 4180, formula guard). Figures are as shown (`*` when
 * suppressed). Pure.
 */
export const csvHeader = [
  'KPI',
  'Title',
  'Period',
  'Breakdown',
  'Group',
  'Figure',
  'Previous period',
  'Change',
  'Target',
  'Red, amber or green',
] as const;

export function reportCsv(report: Report): string {
  const lines = [csvRow(csvHeader)];
  for (const kpi of report.kpis) {
    lines.push(
      csvRow([
        kpi.id,
        kpi.title,
        report.period.label,
        'All',
        'All',
        kpi.current.display,
        kpi.previous.display,
        kpi.change?.display ?? '',
        kpi.target?.text ?? '',
        kpi.rag ?? '',
      ]),
    );
    for (const row of kpi.breakdown?.rows ?? []) {
      lines.push(
        csvRow([
          kpi.id,
          kpi.title,
          report.period.label,
          kpi.breakdown?.dimension ?? '',
          row.label,
          row.value.display,
          '',
          '',
          '',
          '',
        ]),
      );
    }
  }
  return lines.join('');
}

/** The download's file name: the period only, never anything about a person. */
export function csvFileName(report: Report): string {
  return `lantern-kpis-${report.period.kind}-${report.period.start}.csv`;
}
