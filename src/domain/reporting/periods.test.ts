import { describe, expect, it } from 'vitest';
import {
  firstSnapshotMonth,
  hasSnapshot,
  lastCompletePeriod,
  monthStartsOf,
  periodBefore,
  periodContaining,
  periodStartsOf,
  SNAPSHOT_MONTHS,
  seriesOf,
  snapshotDayOf,
} from './periods.js';

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

  it('lists the months a period is summed from', () => {
    expect(monthStartsOf({ kind: 'month', start: '2026-11-01' })).toEqual(['2026-11-01']);
    expect(monthStartsOf({ kind: 'quarter', start: '2026-10-01' })).toEqual([
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
    ]);
    const year = monthStartsOf({ kind: 'year', start: '2025-04-01' });
    expect(year).toHaveLength(12);
    expect([year[0], year[8], year[9], year[11]]).toEqual([
      '2025-04-01',
      '2025-12-01',
      '2026-01-01',
      '2026-03-01',
    ]);
  });
});

describe('period-end figures kept', () => {
  const today = '2026-12-01';

  it('are taken on a period’s last day, or today while it runs', () => {
    expect(snapshotDayOf(periodContaining('month', '2026-10-15'), today)).toBe('2026-10-31');
    expect(snapshotDayOf(periodContaining('year', today), today)).toBe(today);
  });

  it(`are kept for month ends ${SNAPSHOT_MONTHS} months back and today`, () => {
    expect(firstSnapshotMonth(today).start).toBe('2024-11-01');
    expect(hasSnapshot(periodContaining('month', '2024-11-10'), today)).toBe(true);
    expect(hasSnapshot(periodContaining('month', '2024-10-10'), today)).toBe(false);
    expect(hasSnapshot(periodContaining('month', today), today)).toBe(true);
  });

  it('follow each period’s own last day: a financial year that ended before then has none', () => {
    const years = seriesOf(periodContaining('year', today), 4);
    expect(years.map((y) => [y.start, hasSnapshot(y, today)])).toEqual([
      ['2023-04-01', false],
      ['2024-04-01', true],
      ['2025-04-01', true],
      ['2026-04-01', true],
    ]);
    expect(hasSnapshot(periodContaining('quarter', '2024-11-15'), today)).toBe(true);
    expect(hasSnapshot(periodContaining('quarter', '2024-09-15'), today)).toBe(false);
  });

  it('are never kept for a period that has not started', () => {
    expect(hasSnapshot(periodContaining('month', '2027-01-05'), today)).toBe(false);
  });
});
