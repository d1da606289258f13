import { describe, expect, it } from 'vitest';
import type { ReportPeriod } from '../../contracts/reporting.js';
import { reportCsv } from './csv.js';
import { kpiDefinition } from './kpi-definitions.js';
import { type Cells, type KpiContext, kpiResult, type Slices, WHOLE } from './kpi-results.js';
import { periodContaining, seriesOf } from './periods.js';

const period = periodContaining('quarter', '2026-11-01');
const cells = (values: Record<string, number>): Cells =>
  new Map(Object.entries(values).map(([m, v]) => [m, new Map([[0, v]])]));

/** A context over fixed slices: the whole and a breakdown by school. */
function context(
  view: 'published' | 'operational',
  bySchool: Record<string, Record<string, number>>,
): KpiContext {
  const rows: Slices = new Map(Object.entries(bySchool).map(([k, v]) => [k, cells(v)]));
  const total: Record<string, number> = {};
  for (const v of Object.values(bySchool))
    for (const [m, n] of Object.entries(v)) total[m] = (total[m] ?? 0) + n;
  return {
    view,
    period,
    series: seriesOf(period, 6),
    by: 'school',
    filterDimensions: [],
    labelOf: (_d, key) => `School ${key}`,
    lookup: (_extra, by, p: ReportPeriod) =>
      p.start !== period.start ? new Map() : by === null ? new Map([[WHOLE, cells(total)]]) : rows,
    hasSnapshot: () => true,
  };
}

describe('KPI results in the published view', () => {
  const referrals = kpiDefinition('referrals-received');
  const urgent = kpiDefinition('urgent-referrals');
  if (!referrals || !urgent) throw new Error('definitions missing');

  it('protects a breakdown so a small count cannot be worked out from the total', () => {
    const result = kpiResult(
      referrals,
      context('published', { '1': { referrals: 3 }, '2': { referrals: 40 }, '3': { referrals: 22 } }),
    );
    const shown = result.breakdown?.rows.map((r) => r.value.display);
    // 3 is suppressed; alone it could be found from the total, so another cell goes too.
    expect(shown).toEqual(['*', '40', '*']);
    // The KPI's own figure is the table's total as shown, never a figure the table withheld.
    expect(result.current).toEqual({ kind: 'count', value: 65, display: '65' });
  });

  it('shows exact figures and every group in the operational view', () => {
    const result = kpiResult(
      referrals,
      context('operational', { '1': { referrals: 3 }, '2': { referrals: 40 }, '3': { referrals: 22 } }),
    );
    expect(result.current.value).toBe(65);
    expect(result.breakdown?.rows.map((r) => [r.label, r.value.value])).toEqual([
      ['School 1', 3],
      ['School 2', 40],
      ['School 3', 22],
    ]);
    expect(result.series.map((s) => s.value.kind)).toEqual(['none', 'none', 'none', 'none', 'none', 'count']);
  });

  it('works published shares per group from the protected counts', () => {
    const result = kpiResult(
      urgent,
      context('published', {
        '1': { referrals: 50, 'referrals-urgent': 10 },
        '2': { referrals: 40, 'referrals-urgent': 20 },
      }),
    );
    expect(result.breakdown?.rows.map((r) => r.value.display)).toEqual(['20%', '50%']);
    expect(result.current.display).toBe('33%');
  });

  it('becomes a CSV with a header, the period and no exact small counts', () => {
    const result = kpiResult(
      referrals,
      context('published', { '1': { referrals: 3 }, '2': { referrals: 40 }, '3': { referrals: 22 } }),
    );
    const csv = reportCsv({
      view: 'published',
      period,
      previousPeriod: period,
      filters: {},
      choices: [],
      rolledUpAt: null,
      headlines: [],
      kpis: [result],
    });
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'KPI,Title,Period,Breakdown,Group,Figure,Previous period,Change,Target,"Red, amber or green"',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(',October to December 2026,');
    expect(lines.some((l) => l.split(',').includes('3'))).toBe(false);
  });
});

describe('period-end figures', () => {
  const waiting = kpiDefinition('waiting-list');
  const referrals = kpiDefinition('referrals-received');
  if (!waiting || !referrals) throw new Error('definitions missing');
  // Every period has rows (so a missing snapshot would read as 0); only the last two keep snapshots.
  const series = seriesOf(period, 6);
  const kept = new Set(series.slice(-2).map((p) => p.start));
  const everywhere = (snapshots: (p: ReportPeriod) => boolean): KpiContext => ({
    view: 'operational',
    period,
    series,
    by: null,
    filterDimensions: [],
    labelOf: (_d, key) => key,
    lookup: (_extra, _by, p) =>
      new Map([[WHOLE, cells(kept.has(p.start) ? { referrals: 9, 'waiting-list': 4 } : { referrals: 9 })]]),
    hasSnapshot: snapshots,
  });

  it('shows no figures, never 0, for a period with no snapshot kept', () => {
    const result = kpiResult(
      waiting,
      everywhere((p) => kept.has(p.start)),
    );
    expect(result.series.map((s) => s.value.value)).toEqual([null, null, null, null, 4, 4]);
    expect(result.current.value).toBe(4);
  });

  it('leaves counts of events alone', () => {
    const result = kpiResult(
      referrals,
      everywhere(() => false),
    );
    expect(result.series.map((s) => s.value.value)).toEqual([9, 9, 9, 9, 9, 9]);
  });

  it('would have read a missing snapshot as 0 without the rule', () => {
    const result = kpiResult(
      waiting,
      everywhere(() => true),
    );
    expect(result.series.map((s) => s.value.value)).toEqual([0, 0, 0, 0, 4, 4]);
  });
});
