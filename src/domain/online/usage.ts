import { isoDay, monthNames } from '../calendar.js';
import { londonWallClock } from '../organisations/opening-hours.js';

// Online support usage figures (issue 7): pure rules over plain rows, `now` passed in. Exact counts:
// the page is an operational view for staff holding `online:usage`. Disclosure control for
// anything published or shared beyond them is issue 8 (domain/reporting/disclosure.ts).

export const usageGenders = ['girl', 'boy', 'non-binary', 'self-described', 'prefer-not-to-say'] as const;
export const usageGenderLabels: Record<string, string> = {
  girl: 'Girls',
  boy: 'Boys',
  'non-binary': 'Non-binary',
  'self-described': 'Described in their own words',
  'prefer-not-to-say': 'Preferred not to say',
};
export const ageBands = ['11-13', '14-15', '16-17', '18-19'] as const;
const ageBandRanges: [string, number, number][] = [
  ['11-13', 11, 13],
  ['14-15', 14, 15],
  ['16-17', 16, 17],
  ['18-19', 18, 19],
];
export const usageRiskLevels = ['none-identified', 'low', 'medium', 'high'] as const;
const riskLevelLabels: Record<string, string> = {
  'none-identified': 'None identified',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};
export const dayLabels = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** One chat asked for in the period (queued, or opened for a booking). */
export interface UsageChat {
  accountId: string;
  kind: string;
  status: string;
  queuedAt: Date;
  takenAt: Date | null;
}

/** A young person who chatted or sent a message in the period, with when they first used the service. */
export interface UsagePerson {
  accountId: string;
  gender: string;
  ageAtSignUp: number;
  signedUpAt: Date;
  /** Their first chat or message ever. */
  firstUsedAt: Date;
}

export interface UsageInput {
  /** The period, as instants: from the start of its first London day to the start of the day after it. */
  since: Date;
  until: Date;
  chats: UsageChat[];
  people: UsagePerson[];
  messagesFromYoungPeople: number;
  riskLevels: { level: string; count: number }[];
  escalations: { count: number; identityShared: number };
}

export interface Share {
  key: string;
  label: string;
  count: number;
  /** Whole percentages of the total that add up to 100 (largest remainder), or 0 when the total is 0. */
  percent: number;
}

export interface UsageFigures {
  youngPeople: number;
  chats: { total: number; dropIn: number; booked: number; leftQueue: number };
  messagesFromYoungPeople: number;
  eveningsAndWeekends: { count: number; percent: number };
  gender: Share[];
  age: Share[];
  newAndReturning: Share[];
  waits: { count: number; medianMinutes: number | null; p90Minutes: number | null };
  byHour: { hour: number; count: number }[];
  byDay: { day: number; label: string; count: number }[];
  riskLevels: Share[];
  escalations: { count: number; identityShared: number };
}

/**
 * Evenings and weekends: a chat started on Saturday or Sunday, or on a weekday before 09:00 or from
 * 17:00, London time. The one definition for the page, the headline and the docs.
 */
export function isEveningOrWeekend(at: Date): boolean {
  const { dayOfWeek, minuteOfDay } = londonWallClock(at);
  return dayOfWeek >= 6 || minuteOfDay < 9 * 60 || minuteOfDay >= 17 * 60;
}

/** Age on a day: the age given at sign-up plus the whole years since (ADR 0021). */
export function ageOn(ageAtSignUp: number, signedUpAt: Date, on: Date): number {
  const start = signedUpAt;
  let years = on.getUTCFullYear() - start.getUTCFullYear();
  const hadAnniversary =
    on.getUTCMonth() > start.getUTCMonth() ||
    (on.getUTCMonth() === start.getUTCMonth() && on.getUTCDate() >= start.getUTCDate());
  if (!hadAnniversary) years -= 1;
  return ageAtSignUp + Math.max(0, years);
}

export function ageBandOf(age: number): string {
  return ageBandRanges.find(([, low, high]) => age >= low && age <= high)?.[0] ?? 'other';
}

/** Whole percentages that add up to exactly 100 (largest remainder), so a table never shows 99% or 101%. */
export function wholePercents(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((n) => (100 * n) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((sum, n) => sum + n, 0);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }));
  order.sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

function sharesOf(rows: { key: string; label: string; count: number }[]): Share[] {
  const percents = wholePercents(rows.map((r) => r.count));
  return rows.map((row, i) => ({ ...row, percent: percents[i] ?? 0 }));
}

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** The nearest-rank percentile: the smallest value with at least p% of values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

const roundOrNull = (value: number | null) => (value === null ? null : Math.round(value));

/** Every figure on the usage page, from the period's rows. */
export function usageFigures(input: UsageInput, now: Date): UsageFigures {
  const inPeriod = input.chats.filter((c) => c.queuedAt >= input.since && c.queuedAt < input.until);
  const seen = inPeriod.filter((c) => c.takenAt !== null);
  const ageDay = new Date(Math.min(input.until.getTime() - 1, now.getTime()));
  const count = <T>(rows: readonly T[], test: (row: T) => boolean) => rows.filter(test).length;
  const people = input.people;
  const ages = people.map((p) => ageBandOf(ageOn(p.ageAtSignUp, p.signedUpAt, ageDay)));
  const waits = seen
    .filter((c) => c.kind === 'drop-in')
    .map((c) => ((c.takenAt as Date).getTime() - c.queuedAt.getTime()) / 60_000);
  const clocks = seen.map((c) => londonWallClock(c.queuedAt));
  const genders = [...usageGenders, ...new Set(people.map((p) => p.gender))].filter(
    (g, i, all) => all.indexOf(g) === i,
  );
  const bands = count(ages, (a) => a === 'other') > 0 ? [...ageBands, 'other'] : [...ageBands];
  const eveningCount = count(seen, (c) => isEveningOrWeekend(c.queuedAt));
  return {
    youngPeople: people.length,
    chats: {
      total: seen.length,
      dropIn: count(seen, (c) => c.kind === 'drop-in'),
      booked: count(seen, (c) => c.kind === 'booked'),
      leftQueue: count(inPeriod, (c) => c.status === 'left-queue'),
    },
    messagesFromYoungPeople: input.messagesFromYoungPeople,
    eveningsAndWeekends: {
      count: eveningCount,
      percent: seen.length === 0 ? 0 : Math.round((100 * eveningCount) / seen.length),
    },
    gender: sharesOf(
      genders.map((g) => ({
        key: g,
        label: usageGenderLabels[g] ?? g,
        count: count(people, (p) => p.gender === g),
      })),
    ),
    age: sharesOf(
      bands.map((band) => ({
        key: band,
        label: band === 'other' ? 'Outside 11 to 19' : band.replace('-', ' to '),
        count: count(ages, (a) => a === band),
      })),
    ),
    newAndReturning: sharesOf([
      { key: 'new', label: 'New', count: count(people, (p) => p.firstUsedAt >= input.since) },
      { key: 'returning', label: 'Returning', count: count(people, (p) => p.firstUsedAt < input.since) },
    ]),
    waits: {
      count: waits.length,
      medianMinutes: roundOrNull(median(waits)),
      p90Minutes: roundOrNull(percentile(waits, 90)),
    },
    byHour: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      count: count(clocks, (c) => Math.floor(c.minuteOfDay / 60) === hour),
    })),
    byDay: dayLabels.map((label, i) => ({
      day: i + 1,
      label,
      count: count(clocks, (c) => c.dayOfWeek === i + 1),
    })),
    riskLevels: sharesOf(
      usageRiskLevels.map((level) => ({
        key: level,
        label: riskLevelLabels[level] ?? level,
        count: input.riskLevels.find((r) => r.level === level)?.count ?? 0,
      })),
    ),
    escalations: input.escalations,
  };
}

/** "34 young people used the online service this quarter; 80% were girls; 60% of use was on evenings and weekends." */
export function usageHeadline(figures: UsageFigures, period: string): string {
  const n = figures.youngPeople;
  if (n === 0) return `No young people used the online service ${period}.`;
  const who = n === 1 ? '1 young person' : `${n} young people`;
  const girls = figures.gender.find((g) => g.key === 'girl')?.percent ?? 0;
  const parts = [
    `${who} used the online service ${period}`,
    `${girls}% ${n === 1 ? 'was a girl' : 'were girls'}`,
  ];
  if (figures.chats.total > 0) {
    parts.push(`${figures.eveningsAndWeekends.percent}% of use was on evenings and weekends`);
  }
  return `${parts.join('; ')}.`;
}

export const usagePresets = ['this-month', 'last-month', 'this-quarter'] as const;
export type UsagePreset = (typeof usagePresets)[number];
export const usagePresetLabels: Record<UsagePreset, string> = {
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-quarter': 'This quarter',
};

/** The days of a preset period around `today` (YYYY-MM-DD, London): whole calendar months or quarter. */
export function usagePeriod(preset: UsagePreset, today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const m = month - 1;
  if (preset === 'last-month') return { from: isoDay(year, m - 1, 1), to: isoDay(year, m, 0) };
  if (preset === 'this-quarter') {
    const first = m - (m % 3);
    return { from: isoDay(year, first, 1), to: isoDay(year, first + 3, 0) };
  }
  return { from: isoDay(year, m, 1), to: isoDay(year, m + 1, 0) };
}

/** '1 September 2026'. */
export function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day} ${monthNames[month - 1]} ${year}`;
}

/** How the headline names the period: "this month", "last month", "this quarter", or its dates. */
export function periodPhrase(from: string, to: string, today: string): string {
  for (const preset of usagePresets) {
    const period = usagePeriod(preset, today);
    if (period.from === from && period.to === to) return preset.replace('-', ' ');
  }
  return from === to ? `on ${formatIsoDate(from)}` : `from ${formatIsoDate(from)} to ${formatIsoDate(to)}`;
}
