import { describe, expect, it } from 'vitest';
import { type KpiResult, Report } from '../../../contracts/reporting.js';
import {
  areaName,
  boardQuery,
  breakdownSummary,
  changeWords,
  csvQuery,
  dashboardQuery,
  figureText,
  groupByArea,
  paramsFromForm,
  periodOptions,
  seriesSummary,
  withQuery,
} from './report-view.js';

const figure = (
  value: number | null,
  display: string,
  kind: 'count' | 'percentage' | 'suppressed' = 'count',
) => ({
  kind: value === null ? ('suppressed' as const) : kind,
  value,
  display,
});

const referrals: KpiResult = {
  id: 'referrals-received',
  title: 'Referrals received',
  area: 'front-door',
  definition: {
    numerator: 'Referrals received in the period',
    denominator: null,
    filters: 'All sources',
    source: { name: 'MHSDS MHS101Referral', url: null },
  },
  target: null,
  current: figure(135, '135'),
  previous: figure(120, '120'),
  change: { display: 'Up 15', direction: 'up' },
  rag: null,
  headline: '135 referrals were received this quarter.',
  breakdown: {
    dimension: 'gender',
    rows: [
      { key: 'female', label: 'Female', value: figure(80, '80') },
      { key: 'male', label: 'Male', value: figure(50, '50') },
      { key: 'other', label: 'Other', value: figure(null, '*') },
    ],
  },
  series: [
    { start: '2026-01-01', label: 'January to March 2026', value: figure(null, '*') },
    { start: '2026-04-01', label: 'April to June 2026', value: figure(110, '110') },
    { start: '2026-07-01', label: 'July to September 2026', value: figure(120, '120') },
    { start: '2026-10-01', label: 'October to December 2026', value: figure(135, '135') },
  ],
};

const waiting: KpiResult = {
  ...referrals,
  id: 'four-week-wait',
  title: 'Starting help within four weeks',
  area: 'waiting',
  target: { value: 95, direction: 'at-least', text: 'at least 95%' },
  current: figure(80, '80%', 'percentage'),
  change: null,
  rag: 'red',
  breakdown: null,
};

// A small typed sample of the API's answer (contracts/reporting.ts), checked against the contract.
const sample: Report = Report.parse({
  view: 'published',
  period: { kind: 'quarter', start: '2026-10-01', end: '2026-12-31', label: 'October to December 2026' },
  previousPeriod: {
    kind: 'quarter',
    start: '2026-07-01',
    end: '2026-09-30',
    label: 'July to September 2026',
  },
  filters: { school: 100001 },
  choices: [
    { dimension: 'school', label: 'School', options: [{ key: '100001', label: 'Lakeside Academy' }] },
    { dimension: 'icb', label: 'Integrated care board', options: [{ key: 'QHM', label: 'North ICB' }] },
  ],
  rolledUpAt: '2026-11-23T02:00:00Z',
  headlines: ['135 referrals were received this quarter.'],
  kpis: [waiting, referrals],
});

describe('dashboard words and addresses', () => {
  it('asks the API only for what it knows, and for exact figures only when allowed', () => {
    const page = new URLSearchParams(
      'period=month&date=2026-11-01&view=operational&by=gender&school=100001&gender=&colour=blue&by=',
    );
    expect(dashboardQuery(page, { mayReadExact: false }).toString()).toBe(
      'period=month&date=2026-11-01&by=gender&school=100001',
    );
    expect(
      dashboardQuery(new URLSearchParams('view=operational&by=sen'), { mayReadExact: true }).toString(),
    ).toBe('view=operational&by=sen');
    expect(
      dashboardQuery(new URLSearchParams('period=week&by=postcode'), { mayReadExact: true }).toString(),
    ).toBe('');
  });

  it('downloads the CSV for the same query, always published', () => {
    const query = new URLSearchParams('period=quarter&view=operational&school=100001');
    expect(csvQuery(query).toString()).toBe('period=quarter&school=100001');
    expect(withQuery('/api/reports/kpis.csv', csvQuery(new URLSearchParams()))).toBe('/api/reports/kpis.csv');
  });

  it('links to the board report for the same area and quarter, without group filters', () => {
    const page = new URLSearchParams('period=quarter&school=100001&gender=female&icb=QHM&by=gender');
    expect(boardQuery(page, '2026-10-01').toString()).toBe('date=2026-10-01&icb=QHM&school=100001');
  });

  it('keeps only the fields that were filled in', () => {
    expect(
      paramsFromForm([
        ['period', 'quarter'],
        ['date', ''],
        ['school', '100001'],
      ]).toString(),
    ).toBe('period=quarter&school=100001');
  });

  it('groups KPIs by part of the service in a fixed order', () => {
    expect(groupByArea(sample.kpis).map((g) => [g.heading, g.kpis.map((k) => k.id)])).toEqual([
      ['Front door: requests for help', ['referrals-received']],
      ['Waiting for help', ['four-week-wait']],
    ]);
  });

  it('names the area chosen', () => {
    expect(areaName(sample)).toBe('Lakeside Academy');
    expect(areaName({ ...sample, filters: { icb: 'QHM' } })).toBe('North ICB');
    expect(areaName({ ...sample, filters: { 'local-authority': 'E09' } })).toBe('Local authority E09');
    expect(areaName({ ...sample, filters: {} })).toBe('All areas');
  });

  it('says the change in words, or why there is none', () => {
    expect(changeWords(referrals, 'July to September 2026')).toBe('Up 15 since July to September 2026.');
    expect(changeWords({ ...referrals, change: { display: 'No change', direction: 'same' } }, 'May')).toBe(
      'No change since May.',
    );
    expect(changeWords(waiting, 'May')).toBe('No comparison with May: one of the figures is not shown.');
  });

  it('sums up charts in one sentence, saying what is left out', () => {
    expect(seriesSummary(referrals)).toBe(
      'Referrals received: 110 in April to June 2026 and 135 in October to December 2026. 1 period is left out because the numbers are too small to show.',
    );
    expect(breakdownSummary(referrals)).toBe(
      'Referrals received by gender: the highest was Female, 80. 1 group is left out because the numbers are too small to show.',
    );
    const first = referrals.series[0] as KpiResult['series'][number];
    const none = { kind: 'none' as const, value: null, display: 'none' };
    const nothingToDraw = {
      ...referrals,
      series: [first, { ...first, value: none }, { ...first, value: none }],
    };
    expect(seriesSummary(nothingToDraw)).toBe(
      'Referrals received: no figures to draw for recent periods. 1 period is left out because the numbers are too small to show. 2 periods have no figures yet.',
    );
  });

  it('says when there is no figure, rather than "none"', () => {
    expect(figureText({ kind: 'none', value: null, display: 'none' })).toBe('No figures yet');
    expect(figureText({ kind: 'suppressed', value: null, display: '*' })).toBe('*');
    expect(figureText({ kind: 'percentage', value: 51, display: '51%' })).toBe('51%');
  });

  it('offers the periods the report knows, newest first', () => {
    expect(periodOptions(sample).map((p) => p.value)).toEqual([
      '2026-10-01',
      '2026-07-01',
      '2026-04-01',
      '2026-01-01',
    ]);
  });
});
