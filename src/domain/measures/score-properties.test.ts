import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instrument, QuestionnaireInstrument } from './instrument.js';
import { totalRange } from './instrument.js';
import { parseInstrument } from './load-instrument.js';
import { bandFor, reliableChange, scoreAnswers } from './score.js';
import { GAD7, GBO, PHQ9 } from './shipped.js';

// Random questionnaires: 1–8 items, each with 2–5 distinct option values, which may be negative
// or fractional, so the properties do not lean on the 0–3 shape of the shipped instruments.
const itemArb = (i: number) =>
  fc.uniqueArray(fc.integer({ min: -10, max: 10 }), { minLength: 2, maxLength: 5 }).map((values) => ({
    id: `q${i}`,
    text: `Question ${i}`,
    options: values.map((value) => ({ value: value / 2, label: `${value / 2}` })),
  }));

const questionnaireArb: fc.Arbitrary<QuestionnaireInstrument> = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => itemArb(i))))
  .map((items) => ({
    kind: 'questionnaire' as const,
    id: 'random',
    name: 'Random',
    version: '1',
    licence: { note: 'n', attribution: 'a' },
    respondents: ['self' as const],
    items,
    scoring: {
      total: 'sum' as const,
      subscales: [],
      bands: [],
      reliableChange: 1,
      direction: 'higher-is-worse' as const,
    },
  }));

/** A questionnaire and one complete set of answers chosen from its options. */
const answeredArb = questionnaireArb.chain((instrument) =>
  fc
    .tuple(...instrument.items.map((item) => fc.constantFrom(...item.options.map((o) => o.value))))
    .map((values) => ({
      instrument,
      answers: Object.fromEntries(instrument.items.map((item, i) => [item.id, values[i] as number])),
    })),
);

describe('properties of scoring', () => {
  it('a complete total is within the lowest and highest possible totals', () => {
    fc.assert(
      fc.property(answeredArb, ({ instrument, answers }) => {
        expect(parseInstrument(instrument).ok).toBe(true);
        const result = scoreAnswers(instrument, answers);
        const { min, max } = totalRange(instrument);
        expect(result.ok).toBe(true);
        const total = result.ok ? result.score.total : null;
        expect(total).not.toBeNull();
        expect(total as number).toBeGreaterThanOrEqual(min);
        expect(total as number).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('the band never goes down as the total goes up', () => {
    for (const instrument of [PHQ9, GAD7]) {
      const order = instrument.scoring.bands.map((b) => b.label);
      const { max } = totalRange(instrument);
      fc.assert(
        fc.property(fc.integer({ min: 0, max }), fc.integer({ min: 0, max }), (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const lowBand = order.indexOf(bandFor(instrument, low) ?? '');
          const highBand = order.indexOf(bandFor(instrument, high) ?? '');
          expect(lowBand).toBeGreaterThanOrEqual(0);
          expect(highBand).toBeGreaterThanOrEqual(lowBand);
        }),
      );
    }
  });

  it('swapping first and last swaps improvement and deterioration', () => {
    const swapped = {
      'reliable-improvement': 'reliable-deterioration',
      'reliable-deterioration': 'reliable-improvement',
      'no-reliable-change': 'no-reliable-change',
    } as const;
    const instrumentArb = fc.constantFrom<Instrument>(PHQ9, GAD7, GBO);
    const scoreArb = fc.integer({ min: 0, max: 30 });
    fc.assert(
      fc.property(instrumentArb, scoreArb, scoreArb, (instrument, first, last) => {
        expect(reliableChange(instrument, last, first)).toBe(
          swapped[reliableChange(instrument, first, last)],
        );
      }),
    );
  });
});
