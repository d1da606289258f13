import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Respondent } from './instrument.js';
import { parseInstrument } from './load-instrument.js';
import { type MeasureUse, pairedComparison } from './paired.js';
import { shippedInstruments } from './shipped.js';

const use = (
  instrumentId: string,
  day: number,
  total: number,
  respondent: Respondent = 'self',
): MeasureUse => ({
  instrumentId,
  respondent,
  at: new Date(Date.UTC(2026, 0, day)),
  total,
});

describe('pairedComparison', () => {
  it('pairs nothing with only 1 contact attended', () => {
    const result = pairedComparison([use('phq-9', 1, 20), use('phq-9', 30, 5)], 1);
    expect(result.overall).toBe('not-paired');
    expect(result.measures[0]?.verdict).toBe('not-paired');
    expect(result.measures[0]?.reason).toBe('only 1 contact attended; pairing needs at least 2');
  });

  it('pairs nothing when a measure was used only once', () => {
    const result = pairedComparison([use('phq-9', 1, 20)], 5);
    expect(result.overall).toBe('not-paired');
    expect(result.measures[0]?.reason).toContain('used only once');
  });

  it('pairs nothing with no measures at all', () => {
    expect(pairedComparison([], 4)).toEqual({ measures: [], overall: 'not-paired' });
  });

  it('never pairs one rater with another', () => {
    const result = pairedComparison([use('gad-7', 1, 18, 'self'), use('gad-7', 20, 4, 'parent')], 3);
    expect(result.overall).toBe('not-paired');
    expect(result.measures).toHaveLength(2);
  });

  it('compares the first and last uses by date, ignoring those between and the order given', () => {
    const result = pairedComparison([use('phq-9', 40, 12), use('phq-9', 20, 27), use('phq-9', 1, 18)], 3);
    expect(result.measures[0]).toMatchObject({ uses: 3, verdict: 'reliable-improvement' });
    expect(result.measures[0]?.first?.total).toBe(18);
    expect(result.measures[0]?.last?.total).toBe(12);
    expect(result.overall).toBe('improved');
  });

  it('does not call it improved when any measure deteriorated', () => {
    const result = pairedComparison(
      [use('phq-9', 1, 20), use('phq-9', 30, 8), use('gad-7', 1, 6), use('gad-7', 30, 10)],
      4,
    );
    expect(result.measures.map((m) => m.verdict)).toEqual(['reliable-improvement', 'reliable-deterioration']);
    expect(result.overall).toBe('deteriorated');
  });

  it('reports no reliable change when the paired measures moved less than their thresholds', () => {
    const result = pairedComparison([use('phq-9', 1, 20), use('phq-9', 30, 15), use('gad-7', 2, 9)], 2);
    expect(result.measures.map((m) => m.verdict)).toEqual(['no-reliable-change', 'not-paired']);
    expect(result.overall).toBe('no-reliable-change');
  });

  it('pairs goal means, higher being better', () => {
    const result = pairedComparison([use('gbo', 1, 2), use('gbo', 50, 6)], 6);
    expect(result.overall).toBe('improved');
  });

  it('pairs a licensed instrument when it is passed in, and says when one is not loaded', () => {
    const json = JSON.parse(readFileSync(new URL('./fixtures/fake-licensed.json', import.meta.url), 'utf8'));
    const loaded = parseInstrument(json);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const uses = [use('fictional-wobble-4', 1, 2, 'parent'), use('fictional-wobble-4', 9, 6, 'parent')];
    expect(pairedComparison(uses, 2, [...shippedInstruments, loaded.instrument]).overall).toBe(
      'deteriorated',
    );
    const without = pairedComparison(uses, 2);
    expect(without.overall).toBe('not-paired');
    expect(without.measures[0]?.reason).toBe('no instrument with id "fictional-wobble-4" is loaded');
  });
});
