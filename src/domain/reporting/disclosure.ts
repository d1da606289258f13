/**
 * Disclosure control for published figures (DOMAIN.md "Disclosure control for published figures",
 * the NHS Digital rules in use since 2018). Operational views for authorised staff may show exact
 * counts; everything exported, downloaded or marked for publication goes through these functions
 * first.
 *
 * - A count from 1 to 7 is suppressed and shown as `*`.
 * - Every other count is rounded to the nearest 5. A count of 0 stays 0: the rule suppresses 1 to 7,
 *   and 0 rounded to the nearest 5 is 0, which is how NHS Digital publishes it. A published 0 is
 *   therefore exact ("nobody"), which the rules accept because it points at no child. Because 8
 *   rounds to 10, no published count is ever 5.
 * - Percentages are worked out from the rounded figures, so they match the figures printed beside
 *   them, and are suppressed when either figure is.
 * - Means and medians based on 1 to 7 people are suppressed.
 * - A breakdown with totals gets secondary suppression, so a `*` cannot be worked out by taking the
 *   shown cells away from the shown total (see `publishTable`).
 * - A change from one period to the next is shown only when both periods are shown.
 */

/** Counts from 1 up to this are suppressed. */
export const SMALLEST_SUPPRESSED = 1;
export const LARGEST_SUPPRESSED = 7;
/** Every count that is not suppressed is rounded to the nearest multiple of this. */
export const ROUND_TO = 5;

export type Suppressed = { kind: 'suppressed' };
export type PublishedCount = Suppressed | { kind: 'count'; value: number };
/** A whole percent. */
export type PublishedPercentage = Suppressed | { kind: 'percentage'; value: number };
export type PublishedAverage = Suppressed | { kind: 'mean' | 'median'; value: number };
export type PublishedChange = Suppressed | { kind: 'change'; value: number };
export type PublishedFigure = PublishedCount | PublishedPercentage | PublishedAverage | PublishedChange;

const suppressed: Suppressed = { kind: 'suppressed' };

const isSmall = (n: number) => n >= SMALLEST_SUPPRESSED && n <= LARGEST_SUPPRESSED;

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`${what} must be a whole number of 0 or more, not ${n}`);
}

/** An exact count made safe to publish: 0 stays 0, 1 to 7 is suppressed, anything else is rounded to 5. */
export function publishCount(n: number): PublishedCount {
  checkCount(n, 'a count');
  if (isSmall(n)) return suppressed;
  // n is a whole number, so it is never exactly halfway between two multiples of 5.
  return { kind: 'count', value: Math.round(n / ROUND_TO) * ROUND_TO };
}

/**
 * The share `numerator` is of `denominator`, as a whole percent worked out from the two rounded
 * counts (so 9 out of 52 is shown as 10 out of 50, 20%). Suppressed when either count is
 * suppressed or the rounded denominator is 0.
 */
export function publishPercentage(numerator: number, denominator: number): PublishedPercentage {
  checkCount(numerator, 'a numerator');
  checkCount(denominator, 'a denominator');
  if (numerator > denominator) {
    throw new RangeError(`a share cannot be more than the whole: ${numerator} out of ${denominator}`);
  }
  const top = publishCount(numerator);
  const bottom = publishCount(denominator);
  if (top.kind === 'suppressed' || bottom.kind === 'suppressed' || bottom.value === 0) return suppressed;
  return { kind: 'percentage', value: Math.round((100 * top.value) / bottom.value) };
}

function checkValues(values: readonly number[]): void {
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`an average needs real numbers, not ${value}`);
  }
}

const roundTo = (value: number, decimalPlaces: number) => {
  const scale = 10 ** decimalPlaces;
  return Math.round(value * scale) / scale;
};

/** The mean of one value per person, to `decimalPlaces`; suppressed when there are fewer than 8 people. */
export function publishMean(values: readonly number[], decimalPlaces = 1): PublishedAverage {
  checkValues(values);
  if (values.length <= LARGEST_SUPPRESSED) return suppressed;
  const total = values.reduce((sum, value) => sum + value, 0);
  return { kind: 'mean', value: roundTo(total / values.length, decimalPlaces) };
}

/** The median of one value per person, to `decimalPlaces`; suppressed when there are fewer than 8 people. */
export function publishMedian(values: readonly number[], decimalPlaces = 1): PublishedAverage {
  checkValues(values);
  if (values.length <= LARGEST_SUPPRESSED) return suppressed;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  const median = sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
  return { kind: 'median', value: roundTo(median, decimalPlaces) };
}

export interface PeriodChange {
  current: PublishedCount;
  previous: PublishedCount;
  /** Current minus previous, both rounded; suppressed unless both periods are shown. */
  change: PublishedChange;
}

/**
 * A count this period against the last. The change is the difference of the two rounded counts,
 * so it always matches the figures beside it and says nothing they do not; it is suppressed when
 * either period is, because a change next to one shown figure would give away the other.
 */
export function publishChange(current: number, previous: number): PeriodChange {
  const now = publishCount(current);
  const was = publishCount(previous);
  const change: PublishedChange =
    now.kind === 'count' && was.kind === 'count'
      ? { kind: 'change', value: now.value - was.value }
      : suppressed;
  return { current: now, previous: was, change };
}

/** `*` for anything suppressed, otherwise the number. */
export function formatPublished(figure: PublishedFigure): string {
  return figure.kind === 'suppressed' ? '*' : String(figure.value);
}

/** Which totals a breakdown shows. With both, the overall total is shown in the corner too. */
export interface TotalsShown {
  /** A total at the end of each row, adding up across. */
  rowTotals: boolean;
  /** A total at the foot of each column, adding up down. */
  columnTotals: boolean;
}

export type PublishedTable =
  | {
      kind: 'table';
      /** cells[row][column], in the order given. */
      cells: PublishedCount[][];
      rowTotals: PublishedCount[] | null;
      columnTotals: PublishedCount[] | null;
      grandTotal: PublishedCount | null;
    }
  /** Nothing in the table can be shown safely (for example seven rows of 1 with a total of 7). */
  | { kind: 'withheld' };

/** One figure in a table: a cell or a total. */
interface Entry {
  exact: number;
  isSuppressed: boolean;
}

/** A total and the figures that add up to it: one row or one column of a table. */
interface Sum {
  total: number;
  parts: number[];
}

/**
 * A breakdown (for example referrals by school, or by school and gender) made safe to publish.
 * `rows[row][column]` are exact counts; totals are added up here, never passed in, so they always
 * equal the sum of what is shown. People whose school or gender is not recorded belong in a "Not
 * recorded" row or column: a total that silently included them would give away how many there
 * were.
 *
 * First every count 1 to 7 is suppressed (primary suppression). A `*` alone in a row or column
 * could then be worked out by taking the other cells from the total, so secondary suppression
 * follows, and repeats until nothing changes:
 *
 * 1. Any row or column (with its total) holding exactly one `*` gets a second: the smallest
 *    non-zero cell still shown there, or the total when no cell is left. Zeros are never used,
 *    because a reader knows a 0 stays 0. So a reader who took every shown figure as exact would
 *    still face two or more unknowns in every sum.
 * 2. Rounding can still give a count away at the edges: with cells `1, 8, 8` the table reads
 *    `*, 10, 10` with a total of 15, so the `*` is at most 17 − 8 − 8 = 1. The table is therefore
 *    checked against a reader who knows the rules, knows which `*` are 1 to 7 and which hide 8 or
 *    more, and narrows every figure using every row and column in turn. While any suppressed count
 *    of 1 to 7 is narrowed to a single value, the smallest non-zero figure still shown beside it is
 *    suppressed too.
 *
 * If even that cannot protect a count (seven rows of 1 with a total of 7 are all 1, whatever is
 * shown), the whole table is withheld.
 */
export function publishTable(rows: readonly (readonly number[])[], totals: TotalsShown): PublishedTable {
  const rowCount = rows.length;
  const columnCount = rows[0]?.length ?? 0;
  if (rowCount === 0 || columnCount === 0)
    throw new RangeError('a table needs at least one row and one column');
  for (const row of rows) {
    if (row.length !== columnCount)
      throw new RangeError('every row of a table needs the same number of columns');
    for (const n of row) checkCount(n, 'a count in a table');
  }

  const entries: Entry[] = [];
  const add = (exact: number) => {
    entries.push({ exact, isSuppressed: isSmall(exact) });
    return entries.length - 1;
  };
  const cellAt = rows.map((row) => row.map(add));
  const rowTotalAt = totals.rowTotals ? rows.map((row) => add(row.reduce((sum, n) => sum + n, 0))) : null;
  const columnTotalAt = totals.columnTotals
    ? Array.from({ length: columnCount }, (_, column) =>
        add(rows.reduce((sum, row) => sum + (row[column] as number), 0)),
      )
    : null;
  const grandTotalAt =
    rowTotalAt && columnTotalAt
      ? add(rows.reduce((sum, row) => sum + row.reduce((s, n) => s + n, 0), 0))
      : null;

  const sums: Sum[] = [];
  if (rowTotalAt) {
    cellAt.forEach((row, r) => {
      sums.push({ total: rowTotalAt[r] as number, parts: row });
    });
  }
  if (columnTotalAt) {
    columnTotalAt.forEach((total, c) => {
      sums.push({ total, parts: cellAt.map((row) => row[c] as number) });
    });
  }
  if (grandTotalAt !== null && rowTotalAt && columnTotalAt) {
    sums.push({ total: grandTotalAt, parts: rowTotalAt });
    sums.push({ total: grandTotalAt, parts: columnTotalAt });
  }

  if (!protect(entries, sums)) return { kind: 'withheld' };

  const show = (at: number): PublishedCount => {
    const entry = entries[at] as Entry;
    return entry.isSuppressed ? suppressed : publishCount(entry.exact);
  };
  return {
    kind: 'table',
    cells: cellAt.map((row) => row.map(show)),
    rowTotals: rowTotalAt ? rowTotalAt.map(show) : null,
    columnTotals: columnTotalAt ? columnTotalAt.map(show) : null,
    grandTotal: grandTotalAt === null ? null : show(grandTotalAt),
  };
}

/** Secondary suppression, in place. False when no amount of it protects every small count. */
function protect(entries: Entry[], sums: readonly Sum[]): boolean {
  for (;;) {
    suppressLoneStars(entries, sums);
    const exposed = firstExposedSmallCount(entries, sums);
    if (exposed === null) return true;
    const beside = sums.filter((sum) => sum.total === exposed || sum.parts.includes(exposed));
    const next =
      smallestShown(entries, beside) ?? smallestShown(entries, sums) ?? smallestShownAnywhere(entries);
    if (next === null) return false;
    (entries[next] as Entry).isSuppressed = true;
  }
}

/** Rule 1: no row or column is left with exactly one `*`. */
function suppressLoneStars(entries: Entry[], sums: readonly Sum[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const sum of sums) {
      const members = [sum.total, ...sum.parts];
      if (members.filter((at) => (entries[at] as Entry).isSuppressed).length !== 1) continue;
      const next = smallestShown(entries, [sum]);
      if (next === null) continue;
      (entries[next] as Entry).isSuppressed = true;
      changed = true;
    }
  }
}

/** The smallest non-zero figure still shown in these sums: a cell first, else a total. */
function smallestShown(entries: readonly Entry[], sums: readonly Sum[]): number | null {
  const shown = (at: number) => !(entries[at] as Entry).isSuppressed && (entries[at] as Entry).exact > 0;
  const smallest = (candidates: number[]) =>
    candidates.reduce<number | null>(
      (best, at) =>
        best === null || (entries[at] as Entry).exact < (entries[best] as Entry).exact ? at : best,
      null,
    );
  return (
    smallest(sums.flatMap((sum) => sum.parts.filter(shown))) ??
    smallest(sums.map((sum) => sum.total).filter(shown))
  );
}

function smallestShownAnywhere(entries: readonly Entry[]): number | null {
  let best: number | null = null;
  entries.forEach((entry, at) => {
    if (entry.isSuppressed || entry.exact === 0) return;
    if (best === null || entry.exact < (entries[best] as Entry).exact) best = at;
  });
  return best;
}

interface Range {
  low: number;
  high: number;
}

/**
 * What a well-informed reader can tell about each figure before using any sums: a shown 0 is 0, a
 * shown figure is within 2 of the truth (and at least 8), and we grant the reader more than the
 * page says, namely whether each `*` hides 1 to 7 or 8 or more.
 */
function readerKnowledge(exact: number, isSuppressed: boolean): Range {
  if (exact === 0) return { low: 0, high: 0 };
  if (isSuppressed) return isSmall(exact) ? { low: 1, high: 7 } : { low: 8, high: Number.POSITIVE_INFINITY };
  const shown = Math.round(exact / ROUND_TO) * ROUND_TO;
  return { low: Math.max(shown - 2, LARGEST_SUPPRESSED + 1), high: shown + 2 };
}

/** Passes over every sum before the reader is taken to have learnt all they can. */
const MAX_PASSES = 100;

/** Rule 2: a suppressed count of 1 to 7 that the reader can narrow to one value, or null. */
function firstExposedSmallCount(entries: readonly Entry[], sums: readonly Sum[]): number | null {
  const ranges = entries.map((entry) => readerKnowledge(entry.exact, entry.isSuppressed));
  const narrow = (at: number, low: number, high: number) => {
    const range = ranges[at] as Range;
    if (low <= range.low && high >= range.high) return false;
    ranges[at] = { low: Math.max(range.low, low), high: Math.min(range.high, high) };
    return true;
  };
  for (let pass = 0, changed = true; changed && pass < MAX_PASSES; pass++) {
    changed = false;
    for (const sum of sums) {
      const partRanges = sum.parts.map((at) => ranges[at] as Range);
      const lows = partRanges.reduce((s, range) => s + range.low, 0);
      // Highs may be unbounded (a `*` hiding 8 or more), so count those apart from the finite ones.
      const unbounded = partRanges.filter((range) => range.high === Number.POSITIVE_INFINITY).length;
      const finiteHighs = partRanges.reduce(
        (s, range) => (Number.isFinite(range.high) ? s + range.high : s),
        0,
      );
      if (narrow(sum.total, lows, unbounded > 0 ? Number.POSITIVE_INFINITY : finiteHighs)) changed = true;
      const total = ranges[sum.total] as Range;
      for (const at of sum.parts) {
        const own = ranges[at] as Range;
        const ownUnbounded = own.high === Number.POSITIVE_INFINITY;
        const othersUnbounded = unbounded - (ownUnbounded ? 1 : 0) > 0;
        const othersHigh = finiteHighs - (ownUnbounded ? 0 : own.high);
        // The total less the most and the least everything else in the sum could be.
        const low = othersUnbounded ? Number.NEGATIVE_INFINITY : total.low - othersHigh;
        const high = total.high - (lows - own.low);
        if (narrow(at, low, high)) changed = true;
      }
    }
  }
  const exposed = entries.findIndex((entry, at) => {
    const range = ranges[at] as Range;
    return entry.isSuppressed && isSmall(entry.exact) && range.low >= range.high;
  });
  return exposed === -1 ? null : exposed;
}
