import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, dateOfBirthProblem, londonDate, parseCalendarDate } from './child-details.js';

describe('dates of birth', () => {
  it('accepts only dates that exist', () => {
    expect(parseCalendarDate('2012-02-29')).toEqual({ year: 2012, month: 2, day: 29 });
    expect(parseCalendarDate('2013-02-29')).toBeNull();
    expect(parseCalendarDate('2013-13-01')).toBeNull();
    expect(parseCalendarDate('1/2/2013')).toBeNull();
  });

  it('counts whole years, turning a year older on the birthday itself', () => {
    expect(ageOn('2012-12-01', '2026-11-30')).toBe(13);
    expect(ageOn('2012-12-01', '2026-12-01')).toBe(14);
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
    expect(ageOn('2012-02-29', '2026-03-01')).toBe(14);
  });

  it('never gives a negative age or a jump of more than one year in a day', () => {
    const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [born, on] = [a, b].map((d) => d.toISOString().slice(0, 10)).sort() as [string, string];
        const age = ageOn(born, on);
        expect(age).toBeGreaterThanOrEqual(0);
        const next = new Date(`${on}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(ageOn(born, next.toISOString().slice(0, 10)) - age).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('names what is wrong with a future, impossible or too-old date of birth', () => {
    expect(dateOfBirthProblem('2027-01-01', '2026-12-01')).toBe('must be in the past');
    expect(dateOfBirthProblem('2010-02-30', '2026-12-01')).toMatch(/real date/);
    expect(dateOfBirthProblem('1990-05-01', '2026-12-01')).toMatch(/25 or under/);
    expect(dateOfBirthProblem('2012-05-01', '2026-12-01')).toBeNull();
  });

  it('uses the calendar in England, not UTC', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
