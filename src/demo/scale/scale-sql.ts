import { DAY, dayWeight } from '../demo-referral-plan.js';
import type { Weighted } from '../demo-referral-text.js';

// Pure pieces of the SQL that generates synthetic referrals at scale (`lantern demo --referrals N`):
// weighted choices as CASE expressions, the ids every synthetic row gets, and the calendar of
// received dates. Only numbers and fixed codes from this file ever reach the SQL text.

/** The kinds of synthetic row, each with its own hex digit in the id (see `scaleIdText`). */
export const scaleIdKinds = {
  child: '1',
  referral: '2',
  decision: '3',
  allocation: '4',
  episode: '5',
  contact: '6',
  milestone: '7',
} as const;
export type ScaleIdKind = keyof typeof scaleIdKinds;

/** Every synthetic id starts with this, so synthetic rows can be told apart from others by id alone. */
export const SCALE_ID_PREFIX = '5ca1e';
/** Synthetic referral references: `SC` and the run in two hex digits, a dash, then the number. */
export const SCALE_REFERENCE_PREFIX = 'SC';
/** Runs are numbered in two hex digits in ids and references. */
export const MAX_SCALE_RUNS = 255;

const hex2 = (run: number) => {
  if (!Number.isInteger(run) || run < 1 || run > MAX_SCALE_RUNS) throw new RangeError('run must be 1 to 255');
  return run.toString(16).padStart(2, '0');
};

/**
 * A synthetic id: `5ca1e` + kind + run, then a fixed middle, then the row's number in 12 hex digits.
 * A valid version-4 shape, and ids of one run rise with the number, so bulk inserts append to the
 * primary key's index instead of writing all over it.
 */
export function scaleIdText(kind: ScaleIdKind, run: number, n: number): string {
  return `${SCALE_ID_PREFIX}${scaleIdKinds[kind]}${hex2(run)}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The SQL for `scaleIdText`, with the row's number given by the expression `n` (a bigint). */
export function scaleIdSql(kind: ScaleIdKind, run: number, n: string): string {
  return `('${SCALE_ID_PREFIX}${scaleIdKinds[kind]}${hex2(run)}-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
}

export function scaleReference(run: number, n: number): string {
  return `${SCALE_REFERENCE_PREFIX}${hex2(run).toUpperCase()}-${String(n).padStart(10, '0')}`;
}

export function scaleReferenceSql(run: number, n: string): string {
  return `'${SCALE_REFERENCE_PREFIX}${hex2(run).toUpperCase()}-' || lpad(${n}::text, 10, '0')`;
}

/** The run number a reference belongs to, or null for any other reference. */
export function runOfReference(reference: string): number | null {
  const match = /^SC([0-9A-F]{2})-\d{10}$/.exec(reference);
  return match?.[1] ? Number.parseInt(match[1], 16) : null;
}

function literal(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('not a finite number');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A CASE expression choosing from `table` by the uniform random number `r` (0 to 1): each value is
 * chosen in proportion to its weight. The last value takes whatever rounding leaves.
 */
export function weightedCase(r: string, table: Weighted<string | number | boolean | null>): string {
  const rows = table.filter(([, weight]) => weight > 0);
  const total = rows.reduce((sum, [, weight]) => sum + weight, 0);
  const last = rows.at(-1);
  if (!last || total <= 0) throw new RangeError('a weighted table needs a positive weight');
  let running = 0;
  const whens = rows.slice(0, -1).map(([value, weight]) => {
    running += weight;
    return `when ${r} < ${(running / total).toFixed(6)} then ${literal(value)}`;
  });
  return whens.length === 0 ? literal(last[0]) : `(case ${whens.join(' ')} else ${literal(last[0])} end)`;
}

/**
 * `slots` equally likely values, each value filling slots in proportion to its weight: choosing a
 * slot uniformly at random chooses a value by weight. Every value with a weight gets a slot.
 */
export function weightedSlots<T>(table: Weighted<T>, slots: number): T[] {
  const rows = table.filter(([, weight]) => weight > 0);
  const total = rows.reduce((sum, [, weight]) => sum + weight, 0);
  const out: T[] = [];
  let running = 0;
  for (const [value, weight] of rows) {
    running += weight;
    const end = Math.max(out.length + 1, Math.round((running / total) * slots));
    while (out.length < end) out.push(value);
  }
  return out;
}

/** Referrals grow a little each year, as they have nationally. */
const GROWTH_PER_YEAR = 0.08;

/**
 * The calendar referrals are received on: each UTC day from `since` up to `now` weighted by the
 * demo's day shape (busy Mondays, quiet weekends, dips in school holidays) and a yearly growth,
 * spread over about `slots` slots.
 */
export function daySlots(since: Date, now: Date, slots: number): number[] {
  const first = Math.floor(since.getTime() / DAY) * DAY;
  const table: [number, number][] = [];
  for (let day = first; day < now.getTime(); day += DAY) {
    const years = (day - first) / (365 * DAY);
    table.push([day, dayWeight(day) * (1 + GROWTH_PER_YEAR * years)]);
  }
  if (table.length === 0) throw new RangeError('the window from since to now holds no day');
  return weightedSlots(table, slots);
}

/** An SQL array literal of whole numbers, for choosing by slot: `(array[...])[1 + floor(r * n)]`. */
export function intArraySql(values: readonly number[]): string {
  if (!values.every(Number.isInteger)) throw new RangeError('whole numbers only');
  return `array[${values.join(',')}]::int[]`;
}

export function pickFromArraySql(values: readonly number[], r: string): string {
  return `(${intArraySql(values)})[1 + floor(${r} * ${values.length})::int]`;
}

export function textArrayPickSql(values: readonly string[], r: string): string {
  return `(array[${values.map(literal).join(',')}]::text[])[1 + floor(${r} * ${values.length})::int]`;
}
