import { describe, expect, it } from 'vitest';
import { measureSeries, pairedOf, type StoredMeasure } from './series.js';
import { shippedInstruments } from './shipped.js';

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10));
const use = (id: string, instrumentId: string, respondent: 'self' | 'parent', day: number, total: number) =>
  ({
    id,
    instrumentId,
    instrumentVersion: '1',
    respondent,
    completedAt: at(day),
    total,
    band: null,
    via: 'link',
  }) as StoredMeasure;

describe('measure series', () => {
  it('keeps a parent’s scores apart from the young person’s and compares first with last', () => {
    const series = measureSeries(
      [use('c', 'phq-9', 'self', 20, 8), use('a', 'phq-9', 'self', 1, 14), use('b', 'phq-9', 'self', 10, 12)],
      shippedInstruments,
    );
    expect(series).toHaveLength(1);
    const [phq] = series;
    expect(phq?.points.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(phq?.change).toBe(-6);
    expect(phq?.reliableChange).toBe('reliable-improvement');
    expect(phq?.headline).toBe('PHQ-9 (self): 14 → 8, a reliable improvement');
    expect(phq?.range).toEqual({ min: 0, max: 27 });
  });

  it('gives Goal Based Outcomes one line per goal', () => {
    const goals = (day: number, ratings: number[]) => ({
      ...use(`g${day}`, 'gbo', 'self', day, ratings.reduce((s, r) => s + r, 0) / ratings.length),
      via: 'in-session' as const,
      goals: ratings.map((rating, i) => ({ goalId: `goal-${i + 1}`, text: `Goal ${i + 1}`, rating })),
    });
    const [gbo] = measureSeries([goals(1, [2, 4]), goals(15, [6, 5])], shippedInstruments);
    expect(gbo?.kind).toBe('goals');
    expect(gbo?.goals.map((g) => [g.goalId, g.change, g.reliableChange])).toEqual([
      ['goal-1', 4, 'reliable-improvement'],
      ['goal-2', 1, 'no-reliable-change'],
    ]);
  });

  it('pairs only with two attended contacts', () => {
    const uses = [use('a', 'gad-7', 'self', 1, 15), use('b', 'gad-7', 'self', 20, 20)];
    expect(pairedOf(uses, 1, shippedInstruments).overall).toBe('not-paired');
    expect(pairedOf(uses, 2, shippedInstruments).overall).toBe('deteriorated');
  });
});
