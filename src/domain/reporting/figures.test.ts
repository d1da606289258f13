import { describe, expect, it } from 'vitest';
import { median, percentile } from '../online/usage.js';
import {
  changeOf,
  countFigure,
  headlineOf,
  histogramMax,
  histogramMedian,
  histogramPercentile,
  none,
  percentFigure,
  ragOf,
  showCount,
  showDistribution,
  showRate,
  suppressedFigure,
} from './figures.js';
import { type KpiDefinition, kpiDefinition } from './kpi-definitions.js';

const histogramOf = (values: number[]) => {
  const h = new Map<number, number>();
  for (const v of values) h.set(v, (h.get(v) ?? 0) + 1);
  return h;
};

describe('medians and percentiles from histograms', () => {
  it('agree with the same rules over the list of values', () => {
    const lists = [[5], [1, 2], [3, 9, 9, 1], [0, 0, 0, 40, 2, 7, 7, 7, 13], [28, 29, 30, 1, 1, 2, 3, 90]];
    for (const values of lists) {
      expect(histogramMedian(histogramOf(values))).toBe(median(values));
      expect(histogramPercentile(histogramOf(values), 90)).toBe(percentile(values, 90));
      expect(histogramMax(histogramOf(values))).toBe(Math.max(...values));
    }
    expect(histogramMedian(new Map())).toBeNull();
  });

  it('withholds a median of fewer than 8 people only in the published view', () => {
    const seven = histogramOf([1, 2, 3, 4, 5, 6, 7]);
    expect(showDistribution(seven, 'median', 'days', 'published')).toEqual(suppressedFigure);
    expect(showDistribution(seven, 'median', 'days', 'operational')).toEqual({
      kind: 'days',
      value: 4,
      display: '4 days',
    });
    const eight = histogramOf([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(showDistribution(eight, 'median', 'minutes', 'published')).toEqual({
      kind: 'minutes',
      value: 4.5,
      display: '4.5 minutes',
    });
    expect(showDistribution(new Map(), 'p90', 'days', 'published')).toEqual(none);
  });
});

describe('counts and shares as shown', () => {
  it('suppresses 1 to 7 and rounds to 5 when published', () => {
    expect(showCount(3, 'published')).toEqual(suppressedFigure);
    expect(showCount(12, 'published')).toEqual(countFigure(10));
    expect(showCount(0, 'published')).toEqual(countFigure(0));
    expect(showCount(3, 'operational')).toEqual(countFigure(3));
    expect(showCount(12345, 'operational').display).toBe('12,345');
  });

  it('works published shares out from the rounded counts', () => {
    expect(showRate(9, 52, 'published')).toEqual(percentFigure(20));
    expect(showRate(9, 52, 'operational')).toEqual(percentFigure(17));
    expect(showRate(3, 52, 'published')).toEqual(suppressedFigure);
    expect(showRate(0, 0, 'operational')).toEqual(none);
  });
});

describe('red, amber and green', () => {
  const atLeast = { value: 80, direction: 'at-least' as const, amberMargin: 10 };
  const atMost = { value: 20, direction: 'at-most' as const, amberMargin: 5 };
  it('is green when met, amber within the margin, red beyond it', () => {
    expect(ragOf(percentFigure(80), atLeast)).toBe('green');
    expect(ragOf(percentFigure(70), atLeast)).toBe('amber');
    expect(ragOf(percentFigure(69), atLeast)).toBe('red');
    expect(ragOf(percentFigure(20), atMost)).toBe('green');
    expect(ragOf(percentFigure(25), atMost)).toBe('amber');
    expect(ragOf(percentFigure(26), atMost)).toBe('red');
  });
  it('is null without a target or a figure', () => {
    expect(ragOf(percentFigure(50), null)).toBeNull();
    expect(ragOf(suppressedFigure, atLeast)).toBeNull();
    expect(ragOf(none, atLeast)).toBeNull();
  });
});

describe('change from the previous period', () => {
  it('says up, down or no change in the figure’s own unit', () => {
    expect(changeOf(countFigure(15), countFigure(10))).toEqual({ display: 'Up 5', direction: 'up' });
    expect(changeOf(percentFigure(40), percentFigure(41))).toEqual({
      display: 'Down 1 percentage point',
      direction: 'down',
    });
    expect(changeOf(countFigure(10), countFigure(10))).toEqual({ display: 'No change', direction: 'same' });
  });
  it('is null when either side is suppressed or missing', () => {
    expect(changeOf(suppressedFigure, countFigure(10))).toBeNull();
    expect(changeOf(countFigure(10), none)).toBeNull();
  });
});

describe('headlines', () => {
  const period = { label: 'October to December 2026' };
  const online = kpiDefinition('online-young-people') as KpiDefinition;
  const share = kpiDefinition('urgent-referrals') as KpiDefinition;
  it('uses the figure as shown', () => {
    expect(headlineOf(online, countFigure(35), period)).toBe(
      '35 young people used the online service in October to December 2026.',
    );
    expect(headlineOf(share, percentFigure(12), period)).toBe(
      '12% of referrals were marked urgent when they arrived in October to December 2026.',
    );
  });
  it('never puts a suppressed number in words', () => {
    expect(headlineOf(online, suppressedFigure, period)).toBe(
      'Fewer than 8 young people used the online service in October to December 2026.',
    );
    expect(headlineOf(share, suppressedFigure, period)).toMatch(/not shown, because too few/);
    expect(headlineOf(share, none, period)).toBe(
      'Referrals marked urgent at intake in October to December 2026: no figures yet.',
    );
  });
});
