import { describe, expect, it } from 'vitest';
import { totalRange } from './instrument.js';
import { GAD7, GBO, PHQ9, shippedInstruments } from './shipped.js';

describe('shipped instruments', () => {
  it('ships PHQ-9 with 9 items scored 0 to 3 and the standard answers', () => {
    expect(PHQ9.items).toHaveLength(9);
    expect(totalRange(PHQ9)).toEqual({ min: 0, max: 27 });
    expect(PHQ9.items[0]?.options.map((o) => `${o.value} ${o.label}`)).toEqual([
      '0 Not at all',
      '1 Several days',
      '2 More than half the days',
      '3 Nearly every day',
    ]);
    expect(PHQ9.scoring.reliableChange).toBe(6);
  });

  it('ships GAD-7 with 7 items scored 0 to 3', () => {
    expect(GAD7.items).toHaveLength(7);
    expect(totalRange(GAD7)).toEqual({ min: 0, max: 21 });
    expect(GAD7.scoring.reliableChange).toBe(4);
  });

  it('ships Goal Based Outcomes attributed to CORC', () => {
    expect(GBO.maxGoals).toBe(3);
    expect(GBO.rating).toEqual({ min: 0, max: 10 });
    expect(GBO.reliableChange).toBe(3);
    expect(GBO.direction).toBe('higher-is-better');
    expect(GBO.licence.attribution).toContain('CORC');
  });

  it('ships no licensed instrument', () => {
    const names = shippedInstruments.map((i) => `${i.id} ${i.name}`).join(' ');
    for (const licensed of ['RCADS', 'SDQ', 'CORE', 'ORS', 'Strengths and Difficulties']) {
      expect(names.toUpperCase()).not.toContain(licensed.toUpperCase());
    }
    expect(shippedInstruments.map((i) => i.id)).toEqual(['phq-9', 'gad-7', 'gbo']);
  });
});
