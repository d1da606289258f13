import { describe, expect, it } from 'vitest';
import { schoolAges } from './scale-area.js';
import { checkScaleSize, MAX_PGLITE_SCALE_REFERRALS, ScaleLimitError } from './scale-referrals.js';
import {
  daySlots,
  runOfReference,
  scaleIdText,
  scaleReference,
  weightedCase,
  weightedSlots,
} from './scale-sql.js';

describe('synthetic referral SQL pieces', () => {
  it('writes a weighted choice as a CASE over cumulative shares', () => {
    expect(
      weightedCase('r', [
        ['a', 1],
        ['b', 3],
      ]),
    ).toBe("(case when r < 0.250000 then 'a' else 'b' end)");
    expect(weightedCase('r', [["o'k", 2]])).toBe("'o''k'");
    expect(() => weightedCase('r', [['a', 0]])).toThrow(RangeError);
  });

  it('fills slots in proportion to weight, giving every weighted value at least one', () => {
    const slots = weightedSlots(
      [
        ['x', 3],
        ['y', 1],
        ['z', 0.0001],
      ],
      100,
    );
    expect(slots.length).toBeGreaterThanOrEqual(100);
    expect(slots.length).toBeLessThanOrEqual(101);
    expect(slots.filter((s) => s === 'x')).toHaveLength(75);
    expect(slots).toContain('z');
  });

  it('makes version-4 shaped ids that carry the kind and run, and references that give their run back', () => {
    const id = scaleIdText('contact', 10, 255);
    expect(id).toBe('5ca1e60a-0000-4000-8000-0000000000ff');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(scaleReference(26, 42)).toBe('SC1A-0000000042');
    expect(runOfReference(scaleReference(26, 42))).toBe(26);
    expect(runOfReference('LV-7K3P-QX')).toBeNull();
    expect(() => scaleIdText('child', 256, 1)).toThrow(RangeError);
  });

  it('receives referrals only inside the window, fewer at weekends and in August', () => {
    const since = new Date('2024-01-01T00:00:00Z');
    const now = new Date('2026-01-01T00:00:00Z');
    const days = daySlots(since, now, 20_000);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(since.getTime());
    expect(Math.max(...days)).toBeLessThan(now.getTime());
    const weekday = (d: number) => new Date(d).getUTCDay();
    const mondays = days.filter((d) => weekday(d) === 1).length;
    const sundays = days.filter((d) => weekday(d) === 0).length;
    expect(mondays).toBeGreaterThan(4 * sundays);
    const month = (m: number) => days.filter((d) => new Date(d).getUTCMonth() === m).length;
    expect(month(7)).toBeLessThan(month(9) / 2);
    expect(daySlots(new Date('2026-03-02T00:00:00Z'), new Date('2026-03-03T00:00:00Z'), 10)).toEqual(
      Array(10).fill(Date.UTC(2026, 2, 2)),
    );
  });

  it('gives each school only ages it teaches, 4 to 18', () => {
    expect(new Set(schoolAges(11, 16))).toEqual(new Set([11, 12, 13, 14, 15]));
    expect(new Set(schoolAges(2, 5))).toEqual(new Set([4]));
    expect(new Set(schoolAges(16, 19))).toEqual(new Set([16, 17, 18]));
  });

  it('refuses more synthetic referrals than the embedded database should hold', () => {
    expect(() => checkScaleSize('pglite', MAX_PGLITE_SCALE_REFERRALS + 1)).toThrow(ScaleLimitError);
    expect(() => checkScaleSize('pglite', 0)).toThrow(ScaleLimitError);
    expect(() => checkScaleSize('postgres', 10_000_000)).not.toThrow();
  });
});
