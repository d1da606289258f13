// Calendar words and dates shared by the pages and reports that name months and periods.

export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** YYYY-MM-DD for a calendar day; months and days past the end roll over (day 0 is the last of the month before). */
export const isoDay = (year: number, monthIndex: number, day: number): string =>
  new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

/** The calendar date a number of days after another, YYYY-MM-DD (no time zone is involved in counting dates). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return isoDay(year, month - 1, day + days);
}
