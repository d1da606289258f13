/**
 * How long a young person's mental health record is kept (NHS Records Management Code of Practice
 * 2021, retention schedule: "Mental health records" and "Children's records"). Records are only ever
 * flagged for review on the date worked out here: nothing is deleted automatically, and a legal hold
 * blocks deletion whatever the date says (docs/adr/0019-subject-access-and-retention.md).
 *
 * Dates are calendar dates (YYYY-MM-DD). A date a number of years on from 29 February, in a year
 * with no 29 February, is 1 March: the later choice, so a record is never flagged early.
 */

export type IsoDate = string;

export interface RetentionInput {
  dateOfBirth: IsoDate;
  /** When treatment ended; null while any referral is still open (see `treatmentEndedOn`). */
  treatmentEndedOn: IsoDate | null;
  diedOn?: IsoDate | null;
}

export type RetentionStatus = 'in-treatment' | 'keep' | 'due-for-review';

export const retentionStatusLabels: Record<RetentionStatus, string> = {
  'in-treatment': 'Still getting help: no review date yet',
  keep: 'Keep: not yet due for review',
  'due-for-review': 'Due for review (nothing is deleted automatically)',
};

const AFTER_TREATMENT_YEARS = 20;
const AFTER_DEATH_YEARS = 10;
const KEEP_UNTIL_BIRTHDAY = 25;
/** "26th if the young person was 17 at conclusion of treatment". */
const KEEP_UNTIL_BIRTHDAY_IF_17 = 26;

function parts(date: IsoDate): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a calendar date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The same day and month `years` later; 29 February becomes 1 March when there is no 29th. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [year, month, day] = parts(date);
  const target = year + years;
  if (month === 2 && day === 29 && !isLeapYear(target)) return iso(target, 3, 1);
  return iso(target, month, day);
}

/** Whole years of age on a date (a 29 February birthday falls on 1 March in other years). */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const years = parts(on)[0] - parts(dateOfBirth)[0];
  return addYears(dateOfBirth, years) <= on ? years : years - 1;
}

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const earlier = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/**
 * The date the record is due for review: the later of (20 years after treatment ended, or 10 years
 * after death if that is sooner) and the 25th birthday (26th if 17 when treatment ended). Null
 * while treatment has not ended.
 */
export function retentionReviewDate(input: RetentionInput): IsoDate | null {
  const ended = input.treatmentEndedOn;
  if (ended === null) return null;
  const afterTreatment = addYears(ended, AFTER_TREATMENT_YEARS);
  const clinical = input.diedOn
    ? earlier(afterTreatment, addYears(input.diedOn, AFTER_DEATH_YEARS))
    : afterTreatment;
  const birthday = ageOn(input.dateOfBirth, ended) === 17 ? KEEP_UNTIL_BIRTHDAY_IF_17 : KEEP_UNTIL_BIRTHDAY;
  return later(clinical, addYears(input.dateOfBirth, birthday));
}

export function retentionStatus(
  input: RetentionInput,
  today: IsoDate,
): { status: RetentionStatus; reviewOn: IsoDate | null } {
  const reviewOn = retentionReviewDate(input);
  if (reviewOn === null) return { status: 'in-treatment', reviewOn };
  return { status: today >= reviewOn ? 'due-for-review' : 'keep', reviewOn };
}

/** How each referral stands for retention: still open, or ended on a date. */
export type ReferralEnd = { isOpen: true } | { isOpen: false; endedOn: IsoDate };

/**
 * When treatment ended, for the whole record: the latest end among the child's referrals, or null
 * while any of them is still open. A referral ends when its episode of care closes (discharge,
 * step up or step down) or, with no episode, when triage declined or signposted it.
 */
export function treatmentEndedOn(referrals: readonly ReferralEnd[]): IsoDate | null {
  if (referrals.length === 0) return null;
  let latest: IsoDate | null = null;
  for (const referral of referrals) {
    if (referral.isOpen) return null;
    latest = latest === null ? referral.endedOn : later(latest, referral.endedOn);
  }
  return latest;
}
