import { describe, expect, it } from 'vitest';
import { lastWholeMonth, oneYearAfter, periodProblem } from './period.js';

describe('the MHSDS export period', () => {
  it('defaults to the last whole calendar month', () => {
    expect(lastWholeMonth('2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(lastWholeMonth('2026-01-01')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(lastWholeMonth('2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('allows up to 12 months, ending on or after the start', () => {
    expect(periodProblem('2026-01-01', '2026-12-31')).toBeNull();
    expect(periodProblem('2026-10-01', '2026-10-01')).toBeNull();
    expect(periodProblem('2026-01-01', '2027-01-01')).toEqual({
      field: 'to',
      reason: 'must be within 12 months of the start',
    });
    expect(periodProblem('2026-10-02', '2026-10-01')?.field).toBe('from');
  });

  it('counts a year from 29 February to 1 March', () => {
    expect(oneYearAfter('2024-02-29')).toBe('2025-03-01');
    expect(oneYearAfter('2026-10-01')).toBe('2027-10-01');
  });
});
