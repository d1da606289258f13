/**
 * Facts recorded about a child or young person, in the categories the NHS uses (MHSDS MHS001MPI):
 * gender with the person's own words when none of the options fits, and the NHS ethnic categories
 * (the 2001 census categories, coded A to Z, with 99 for not stated).
 */
export const genders = {
  female: 'Female',
  male: 'Male',
  'non-binary': 'Non-binary',
  'self-described': 'In another way',
  'prefer-not-to-say': 'Prefer not to say',
} as const;
export type Gender = keyof typeof genders;
export const genderCodes = Object.keys(genders) as [Gender, ...Gender[]];

export const ethnicCategories = {
  A: 'White: British',
  B: 'White: Irish',
  C: 'White: any other White background',
  D: 'Mixed: White and Black Caribbean',
  E: 'Mixed: White and Black African',
  F: 'Mixed: White and Asian',
  G: 'Mixed: any other mixed background',
  H: 'Asian or Asian British: Indian',
  J: 'Asian or Asian British: Pakistani',
  K: 'Asian or Asian British: Bangladeshi',
  L: 'Asian or Asian British: any other Asian background',
  M: 'Black or Black British: Caribbean',
  N: 'Black or Black British: African',
  P: 'Black or Black British: any other Black background',
  R: 'Other ethnic groups: Chinese',
  S: 'Other ethnic groups: any other ethnic group',
  Z: 'Not stated',
  '99': 'Not known',
} as const;
export type EthnicCategory = keyof typeof ethnicCategories;
export const ethnicCategoryCodes = Object.keys(ethnicCategories) as [EthnicCategory, ...EthnicCategory[]];

/** The oldest age Lantern's children and young people's services see (care leavers up to 25). */
export const MAX_AGE = 25;

/** Parse an ISO calendar date (YYYY-MM-DD) that really exists, such as 2012-02-29 but not 2013-02-29. */
export function parseCalendarDate(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/** Whole years from a date of birth to a day (both ISO dates). A 29 February birthday counts on 1 March. */
export function ageOn(dateOfBirth: string, onDay: string): number {
  const born = parseCalendarDate(dateOfBirth);
  const day = parseCalendarDate(onDay);
  if (!born || !day) throw new RangeError('ageOn needs two real ISO dates');
  const hadBirthday = day.month > born.month || (day.month === born.month && day.day >= born.day);
  return day.year - born.year - (hadBirthday ? 0 : 1);
}

/** Today's date in England, as YYYY-MM-DD: dates of birth and ages are about the local calendar. */
const londonCalendar = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

export function londonDate(at: Date): string {
  return londonCalendar.format(at);
}

/** Why a date of birth cannot be right, in words that name the problem, or null when it can. */
export function dateOfBirthProblem(value: string, today: string): string | null {
  if (!parseCalendarDate(value)) return 'must be a real date, such as 2012-03-27';
  if (value > today) return 'must be in the past';
  if (ageOn(value, today) > MAX_AGE) return `must be for someone aged ${MAX_AGE} or under`;
  return null;
}
