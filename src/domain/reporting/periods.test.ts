import { describe, expect, it } from 'vitest';
import { lastCompletePeriod, periodBefore, periodContaining, periodStartsOf, seriesOf } from './periods.js';

describe('reporting periods', () => {
  it('labels months, calendar quarters and financial years', () => {
    expect(periodContaining('month', '2026-11-23')).toEqual({
      kind: 'month',
      start: '2026-11-01',
      end: '2026-11-30',
      label: 'November 2026',
    });
    expect(periodContaining('quarter', '2026-11-23')).toEqual({
      kind: 'quarter',
      start: '2026-10-01',
      end: '2026-12-31',
      label: 'October to December 2026',
    });
    expect(periodContaining('year', '2026-11-23')).toEqual({
      kind: 'year',
      start: '2026-04-01',
      end: '2027-03-31',
      label: '2026 to 2027',
    });
    expect(periodContaining('year', '2027-03-31').label).toBe('2026 to 2027');
    expect(periodContaining('year', '2027-04-01').label).toBe('2027 to 2028');
  });

  it('ends February on the right day, leap years included', () => {
    expect(periodContaining('month', '2028-02-10').end).toBe('2028-02-29');
    expect(periodContaining('month', '2027-02-10').end).toBe('2027-02-28');
  });

  it('goes back across a year end', () => {
    expect(periodBefore(periodContaining('quarter', '2027-02-01')).label).toBe('October to December 2026');
    expect(periodBefore(periodContaining('month', '2027-01-15')).label).toBe('December 2026');
  });

  it('defaults to the last complete period', () => {
    expect(lastCompletePeriod('quarter', '2026-11-23').label).toBe('July to September 2026');
    expect(lastCompletePeriod('month', '2026-12-01').label).toBe('November 2026');
    expect(lastCompletePeriod('year', '2026-11-23').label).toBe('2025 to 2026');
  });

  it('gives six periods for a chart, oldest first', () => {
    const series = seriesOf(periodContaining('month', '2026-03-05'), 6);
    expect(series.map((p) => p.start)).toEqual([
      '2025-10-01',
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
  });

  it('finds the month, quarter and year a day adds to', () => {
    expect(periodStartsOf('2026-04-01')).toEqual({
      month: '2026-04-01',
      quarter: '2026-04-01',
      year: '2026-04-01',
    });
    expect(periodStartsOf('2026-03-31')).toEqual({
      month: '2026-03-01',
      quarter: '2026-01-01',
      year: '2025-04-01',
    });
  });
});
