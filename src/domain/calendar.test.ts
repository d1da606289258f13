import { describe, expect, it } from 'vitest';
import { addDays, isoDay } from './calendar.js';

describe('calendar dates', () => {
  it('adds days across a month end, a year end and the clocks changing', () => {
    expect(addDays('2026-01-25', 14)).toBe('2026-02-08');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('rolls a day past the end of a month into the next', () => {
    expect(isoDay(2028, 1, 30)).toBe('2028-03-01');
    expect(isoDay(2026, 3, 0)).toBe('2026-03-31');
  });
});
