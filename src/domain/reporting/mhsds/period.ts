import { parseCalendarDate } from '../../people/child-details.js';

/**
 * The period an MHSDS-shaped export covers: London calendar dates, both inclusive, at most 12
 * months (MHSDS is submitted monthly; a year is the longest look-back the access measures use).
 * Without dates, the last whole calendar month.
 */

export interface PeriodProblem {
  field: 'from' | 'to';
  reason: string;
}

/** The date one year after an ISO date (29 February goes to 1 March). */
export function oneYearAfter(isoDate: string): string {
  const day = parseCalendarDate(isoDate);
  if (!day) throw new RangeError('oneYearAfter needs a real ISO date');
  return new Date(Date.UTC(day.year + 1, day.month - 1, day.day)).toISOString().slice(0, 10);
}

/** The first and last days of the calendar month before the one `today` is in. */
export function lastWholeMonth(today: string): { from: string; to: string } {
  const day = parseCalendarDate(today);
  if (!day) throw new RangeError('lastWholeMonth needs a real ISO date');
  const from = new Date(Date.UTC(day.year, day.month - 2, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(day.year, day.month - 1, 0)).toISOString().slice(0, 10);
  return { from, to };
}

/** What is wrong with a period, or null. Dates are already known to be real dates. */
export function periodProblem(from: string, to: string): PeriodProblem | null {
  if (from > to) return { field: 'from', reason: 'must be on or before the end of the period' };
  if (to >= oneYearAfter(from)) return { field: 'to', reason: 'must be within 12 months of the start' };
  return null;
}
