import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../../contracts/reporting.js';
import { reportDimensions } from '../../contracts/reporting.js';
import { countFigure, percentFigure, suppressedFigure } from './figures.js';
import { kpiDefinitions, measuresOf } from './kpi-definitions.js';
import { reportHeadlines } from './kpi-results.js';

describe('KPI definitions', () => {
  it('have unique ids, plain words, known breakdowns and a joinable headline', () => {
    const ids = kpiDefinitions.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const kpi of kpiDefinitions) {
      expect(kpi.title.length).toBeGreaterThan(0);
      expect(kpi.numerator.length).toBeGreaterThan(0);
      expect(kpi.source.name.length).toBeGreaterThan(0);
      expect(kpi.headline).toContain('{value}');
      for (const d of kpi.breakdowns) expect(reportDimensions).toContain(d);
      if (kpi.joinTo) expect(ids).toContain(kpi.joinTo);
      if (kpi.compute.kind === 'rate') expect(kpi.denominator).not.toBeNull();
    }
  });

  it('cover the areas issue 8 asks for, most important first', () => {
    expect(kpiDefinitions[0]?.id).toBe('referrals-received');
    expect(measuresOf(kpiDefinitions)).toEqual(
      expect.arrayContaining([
        'referrals',
        'children-seen',
        'wait-first-contact',
        'waiting-list',
        'online-chats',
      ]),
    );
  });
});

describe('report headlines', () => {
  const result = (id: string, current: KpiResult['current'], headline: string) =>
    ({ id, current, headline }) as KpiResult;
  it('joins the online clauses into one sentence, as Hartlepool reported it', () => {
    const lines = reportHeadlines(kpiDefinitions, [
      result(
        'online-young-people',
        countFigure(35),
        '35 young people used the online service in October to December 2026.',
      ),
      result('online-female', percentFigure(80), '80% were female.'),
      result('online-evenings-weekends', percentFigure(60), '60% of use was on evenings and weekends.'),
    ]);
    expect(lines).toEqual([
      '35 young people used the online service in October to December 2026; 80% were female; 60% of use was on evenings and weekends.',
    ]);
  });
  it('leaves out a clause whose figure is withheld', () => {
    const lines = reportHeadlines(kpiDefinitions, [
      result('online-young-people', countFigure(35), '35 young people used the online service in May 2026.'),
      result(
        'online-female',
        suppressedFigure,
        'Online support: share who were female in May 2026: not shown.',
      ),
    ]);
    expect(lines).toEqual(['35 young people used the online service in May 2026.']);
  });
});
