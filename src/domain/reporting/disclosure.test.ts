import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPublished,
  type PublishedCount,
  type PublishedTable,
  publishChange,
  publishCount,
  publishMean,
  publishMedian,
  publishPercentage,
  publishTable,
  type TotalsShown,
} from './disclosure.js';

const star = { kind: 'suppressed' } as const;
const count = (value: number) => ({ kind: 'count', value }) as const;
const shown = (figures: readonly PublishedCount[]) => figures.map(formatPublished);

// Exact counts with plenty of small ones and zeros, where the rules bite.
const exactCount = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 7 }),
  fc.integer({ min: 8, max: 20 }),
  fc.integer({ min: 0, max: 300 }),
);

describe('publishCount', () => {
  it('keeps 0, suppresses 1 to 7 and rounds everything else to the nearest 5', () => {
    expect(publishCount(0)).toEqual(count(0));
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(publishCount(n)).toEqual(star);
    expect([8, 12, 13, 17, 18, 100, 102, 103].map((n) => publishCount(n))).toEqual(
      [10, 10, 15, 15, 20, 100, 100, 105].map(count),
    );
  });

  it('refuses anything that is not a count', () => {
    expect(() => publishCount(-1)).toThrow(RangeError);
    expect(() => publishCount(2.5)).toThrow(RangeError);
    expect(() => publishCount(Number.NaN)).toThrow(RangeError);
  });

  it('never publishes 1 to 7, publishes only 0 or multiples of 5 from 10, and is within 2 of the truth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        const published = publishCount(n);
        if (published.kind === 'suppressed') {
          expect(n >= 1 && n <= 7).toBe(true);
          return;
        }
        expect(published.value >= 1 && published.value <= 7).toBe(false);
        expect(published.value % 5).toBe(0);
        expect(published.value === 0 || published.value >= 10).toBe(true);
        expect(Math.abs(published.value - n)).toBeLessThanOrEqual(2);
        // A published 0 is exact: only a true 0 is shown as 0.
        expect(published.value === 0).toBe(n === 0);
      }),
    );
  });
});

describe('publishPercentage', () => {
  it('works from the rounded figures: 9 out of 52 is 10 out of 50, 20%', () => {
    expect(publishPercentage(9, 52)).toEqual({ kind: 'percentage', value: 20 });
    expect(publishPercentage(0, 20)).toEqual({ kind: 'percentage', value: 0 });
    expect(publishPercentage(23, 23)).toEqual({ kind: 'percentage', value: 100 });
  });

  it('is suppressed when either figure is, or when the rounded denominator is 0', () => {
    expect(publishPercentage(5, 40)).toEqual(star);
    expect(publishPercentage(0, 3)).toEqual(star);
    expect(publishPercentage(0, 0)).toEqual(star);
  });

  it('refuses a share bigger than the whole', () => {
    expect(() => publishPercentage(40, 5)).toThrow(RangeError);
  });

  it('always matches the rounded figures shown beside it', () => {
    fc.assert(
      fc.property(exactCount, exactCount, (a, b) => {
        const [numerator, denominator] = a <= b ? [a, b] : [b, a];
        const percentage = publishPercentage(numerator, denominator);
        const top = publishCount(numerator);
        const bottom = publishCount(denominator);
        if (top.kind === 'suppressed' || bottom.kind === 'suppressed' || bottom.value === 0) {
          expect(percentage).toEqual(star);
          return;
        }
        expect(percentage).toEqual({
          kind: 'percentage',
          value: Math.round((100 * top.value) / bottom.value),
        });
      }),
    );
  });
});

describe('publishMean and publishMedian', () => {
  const seven = [10, 20, 30, 40, 50, 60, 70];

  it('are suppressed when based on 1 to 7 people, or nobody', () => {
    expect(publishMean(seven)).toEqual(star);
    expect(publishMedian(seven)).toEqual(star);
    expect(publishMean([])).toEqual(star);
    expect(publishMedian([])).toEqual(star);
  });

  it('are shown, to one decimal place, from 8 people', () => {
    const eight = [...seven, 5];
    expect(publishMean(eight)).toEqual({ kind: 'mean', value: 35.6 });
    expect(publishMedian(eight)).toEqual({ kind: 'median', value: 35 });
    expect(publishMedian([...eight, 1000])).toEqual({ kind: 'median', value: 40 });
  });

  it('refuses values that are not numbers', () => {
    expect(() => publishMean([...seven, Number.NaN])).toThrow(RangeError);
  });

  it('are suppressed exactly when there are fewer than 8 people', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 20 }), (values) => {
        expect(publishMean(values).kind === 'suppressed').toBe(values.length < 8);
        expect(publishMedian(values).kind === 'suppressed').toBe(values.length < 8);
      }),
    );
  });
});

describe('publishChange', () => {
  it('is the difference of the rounded figures', () => {
    expect(publishChange(23, 12)).toEqual({
      current: count(25),
      previous: count(10),
      change: { kind: 'change', value: 15 },
    });
    expect(publishChange(0, 0).change).toEqual({ kind: 'change', value: 0 });
  });

  it('is suppressed when either period is', () => {
    expect(publishChange(23, 5)).toEqual({ current: count(25), previous: star, change: star });
    expect(publishChange(3, 40).change).toEqual(star);
  });

  it('is never shown beside a suppressed period, and always matches the figures it sits beside', () => {
    fc.assert(
      fc.property(exactCount, exactCount, (current, previous) => {
        const { current: now, previous: was, change } = publishChange(current, previous);
        expect(now).toEqual(publishCount(current));
        expect(was).toEqual(publishCount(previous));
        if (now.kind === 'suppressed' || was.kind === 'suppressed') {
          expect(change).toEqual(star);
          return;
        }
        expect(change).toEqual({ kind: 'change', value: now.value - was.value });
      }),
    );
  });
});

describe('formatPublished', () => {
  it('shows * for anything suppressed and the number otherwise', () => {
    expect(formatPublished(star)).toBe('*');
    expect(formatPublished(count(0))).toBe('0');
    expect(formatPublished({ kind: 'percentage', value: 20 })).toBe('20');
    expect(formatPublished({ kind: 'mean', value: 3.5 })).toBe('3.5');
    expect(formatPublished({ kind: 'change', value: -5 })).toBe('-5');
  });
});

const columnOnly: TotalsShown = { rowTotals: false, columnTotals: true };
const rowOnly: TotalsShown = { rowTotals: true, columnTotals: false };
const both: TotalsShown = { rowTotals: true, columnTotals: true };

function asTable(table: PublishedTable) {
  if (table.kind !== 'table') throw new Error('expected a table');
  return table;
}

describe('publishTable', () => {
  it('by school, with a total: a lone * gets the next smallest school suppressed beside it', () => {
    // Without the second *, 100 − 55 − 40 would give the first school away as about 5.
    const table = asTable(publishTable([[3], [40], [55]], columnOnly));
    expect(table.cells.map(shown)).toEqual([['*'], ['*'], ['55']]);
    expect(shown(table.columnTotals ?? [])).toEqual(['100']);
    expect(table.rowTotals).toBeNull();
    expect(table.grandTotal).toBeNull();
  });

  it('leaves a table with no small counts alone, apart from rounding', () => {
    const table = asTable(publishTable([[12, 0, 31]], rowOnly));
    expect(shown(table.cells[0] ?? [])).toEqual(['10', '0', '30']);
    expect(shown(table.rowTotals ?? [])).toEqual(['45']);
  });

  it('does not use a 0 as the second *, because a reader knows a 0 stays 0', () => {
    const table = asTable(publishTable([[2, 0, 30, 12]], rowOnly));
    expect(shown(table.cells[0] ?? [])).toEqual(['*', '0', '30', '*']);
    expect(shown(table.rowTotals ?? [])).toEqual(['45']);
  });

  it('suppresses a total when no cell is left to pair a lone * with', () => {
    // The 3 is small, so the 9 beside it goes too. The 9's column then has one *, and nothing
    // but its total to pair it with: 9 on its own would say exactly what the * is.
    const table = asTable(publishTable([[3, 9]], both));
    expect(shown(table.cells[0] ?? [])).toEqual(['*', '*']);
    expect(shown(table.rowTotals ?? [])).toEqual(['10']);
    expect(shown(table.columnTotals ?? [])).toEqual(['*', '*']);
    expect(table.grandTotal).toEqual(count(10));
  });

  it('goes further when rounding would still give a count away: 1, 8, 8 is all suppressed', () => {
    // Under the plain rules this reads *, 10, 10 with a total of 15: the cells shown as 10 are each
    // at least 8 and the total at most 17, so the * is at most 1, and so exactly 1.
    const table = asTable(publishTable([[1, 8, 8]], rowOnly));
    expect(shown(table.cells[0] ?? [])).toEqual(['*', '*', '*']);
    expect(shown(table.rowTotals ?? [])).toEqual(['*']);
  });

  it('withholds a table that nothing can protect: seven schools of 1 and a total of 7', () => {
    expect(publishTable([[1], [1], [1], [1], [1], [1], [1]], columnOnly)).toEqual({ kind: 'withheld' });
  });

  it('by school and gender, with row, column and overall totals', () => {
    const table = asTable(
      publishTable(
        [
          [20, 22, 3],
          [41, 35, 0],
          [16, 18, 0],
        ],
        both,
      ),
    );
    // The 3 is small; its row and column each need a second *, and so on until every row and
    // column with a * has at least two.
    const starsIn = (figures: readonly PublishedCount[]) =>
      figures.filter((f) => f.kind === 'suppressed').length;
    const rows = table.cells.map((row, r) => [...row, table.rowTotals?.[r] as PublishedCount]);
    const columns = [0, 1, 2].map((c) => [
      ...table.cells.map((row) => row[c] as PublishedCount),
      table.columnTotals?.[c] as PublishedCount,
    ]);
    for (const line of [...rows, ...columns]) expect(starsIn(line)).not.toBe(1);
    expect(table.cells[0]?.[2]).toEqual(star);
    expect(table.cells[1]?.[2]).toEqual(count(0));
    expect(table.grandTotal).toEqual(count(155));
  });

  it('refuses a ragged or empty table and counts that are not counts', () => {
    expect(() => publishTable([], both)).toThrow(RangeError);
    expect(() => publishTable([[1, 2], [3]], both)).toThrow(RangeError);
    expect(() => publishTable([[-1]], both)).toThrow(RangeError);
  });
});

/*
 * The attacker. A reader has the published table and the rules on this page, and tries every
 * row and every column: the total less the other figures in it. We make the reader stronger than
 * any real one:
 *
 * - a shown 0 is exactly 0; any other shown figure v is a whole number from v − 2 to v + 2;
 * - for every *, the reader is told whether it hides a count of 1 to 7 or a figure of 8 or more
 *   (a real reader sees only *).
 *
 * "Recover" means: from one row or column (with its total), the reader can narrow a suppressed
 * count whose true value is 1 to 7 down to a single possible value. The property is that this
 * never happens. (The reader's answer always contains the truth; we check that too, so the
 * attacker is not simply wrong.)
 */

interface Known {
  truth: number;
  published: PublishedCount;
  low: number;
  high: number;
}

/** Far above any total in these tests; stands in for "8 or more, no upper limit". */
const UNBOUNDED = 1_000_000_000;

function know(truth: number, published: PublishedCount): Known {
  if (published.kind === 'count') {
    return published.value === 0
      ? { truth, published, low: 0, high: 0 }
      : { truth, published, low: published.value - 2, high: published.value + 2 };
  }
  return truth >= 1 && truth <= 7
    ? { truth, published, low: 1, high: 7 }
    : { truth, published, low: 8, high: UNBOUNDED };
}

interface Line {
  total: Known;
  parts: Known[];
}

/** Every row and column the published table shows a total for, built only from what is shown. */
function linesOf(rows: readonly (readonly number[])[], table: PublishedTable): Line[] {
  if (table.kind === 'withheld') return [];
  const sum = (ns: readonly number[]) => ns.reduce((s, n) => s + n, 0);
  const cells = rows.map((row, r) => row.map((n, c) => know(n, table.cells[r]?.[c] as PublishedCount)));
  const lines: Line[] = [];
  const rowTotals = table.rowTotals?.map((p, r) => know(sum(rows[r] ?? []), p));
  const columnTotals = table.columnTotals?.map((p, c) => know(sum(rows.map((row) => row[c] ?? 0)), p));
  if (rowTotals) {
    cells.forEach((row, r) => {
      lines.push({ total: rowTotals[r] as Known, parts: row });
    });
  }
  if (columnTotals) {
    columnTotals.forEach((total, c) => {
      lines.push({ total, parts: cells.map((row) => row[c] as Known) });
    });
  }
  if (table.grandTotal && rowTotals && columnTotals) {
    const grand = know(sum(rows.flat()), table.grandTotal);
    lines.push({ total: grand, parts: rowTotals }, { total: grand, parts: columnTotals });
  }
  return lines;
}

/** The range a reader can narrow one figure in a line down to, by subtraction. */
function attack(line: Line, target: Known): { low: number; high: number } {
  const others = line.parts.filter((part) => part !== target);
  const lows = others.reduce((s, part) => s + part.low, 0);
  const highs = others.reduce((s, part) => s + part.high, 0);
  if (target === line.total) {
    return { low: Math.max(target.low, lows), high: Math.min(target.high, highs) };
  }
  return {
    low: Math.max(target.low, line.total.low - highs),
    high: Math.min(target.high, line.total.high - lows),
  };
}

const isSmall = (n: number) => n >= 1 && n <= 7;

const tableArb = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rowCount, columnCount]) =>
    fc.array(fc.array(exactCount, { minLength: columnCount, maxLength: columnCount }), {
      minLength: rowCount,
      maxLength: rowCount,
    }),
  );
const totalsArb = fc.record({ rowTotals: fc.boolean(), columnTotals: fc.boolean() });

describe('publishTable against an attacker', () => {
  it('shows every figure it does show as publishCount would, and never shows a count of 1 to 7', () => {
    fc.assert(
      fc.property(tableArb, totalsArb, (rows, totals) => {
        const table = publishTable(rows, totals);
        if (table.kind === 'withheld') return;
        for (const line of linesOf(rows, table)) {
          for (const figure of [line.total, ...line.parts]) {
            if (isSmall(figure.truth)) expect(figure.published).toEqual(star);
            if (figure.published.kind === 'count')
              expect(figure.published).toEqual(publishCount(figure.truth));
          }
        }
        rows.forEach((row, r) => {
          row.forEach((n, c) => {
            const published = table.cells[r]?.[c];
            if (isSmall(n)) expect(published).toEqual(star);
            else if (published?.kind === 'count') expect(published).toEqual(publishCount(n));
          });
        });
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves exactly one * in a row or column with its total, so even exact shown figures leave two unknowns', () => {
    fc.assert(
      fc.property(tableArb, totalsArb, (rows, totals) => {
        for (const line of linesOf(rows, publishTable(rows, totals))) {
          const stars = [line.total, ...line.parts].filter(
            (figure) => figure.published.kind === 'suppressed',
          );
          expect(stars.length).not.toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a reader subtract their way to the true value of a suppressed count of 1 to 7', () => {
    fc.assert(
      fc.property(tableArb, totalsArb, (rows, totals) => {
        for (const line of linesOf(rows, publishTable(rows, totals))) {
          for (const target of [line.total, ...line.parts]) {
            if (!isSmall(target.truth)) continue;
            const { low, high } = attack(line, target);
            expect(low).toBeLessThanOrEqual(target.truth);
            expect(high).toBeGreaterThanOrEqual(target.truth);
            expect(high).toBeGreaterThan(low);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with a reader who tries every possible value in a short row, not just the ends of ranges', () => {
    // Brute force: for a single row of up to three cells with its total, try every combination of
    // values the reader thinks possible and collect the ones that add up.
    const shortRow = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(shortRow, (row) => {
        const table = publishTable([row], rowOnly);
        const [line] = linesOf([row], table);
        if (!line) return;
        const cap = (known: Known) => Math.min(known.high, 60);
        const values = (known: Known) =>
          Array.from({ length: cap(known) - known.low + 1 }, (_, i) => known.low + i);
        line.parts.forEach((target, index) => {
          if (!isSmall(target.truth)) return;
          const possible = new Set<number>();
          const search = (i: number, chosen: number[]) => {
            if (i === line.parts.length) {
              const total = chosen.reduce((s, n) => s + n, 0);
              if (total >= line.total.low && total <= line.total.high) possible.add(chosen[index] as number);
              return;
            }
            for (const value of values(line.parts[i] as Known)) search(i + 1, [...chosen, value]);
          };
          search(0, []);
          expect(possible.has(target.truth)).toBe(true);
          expect(possible.size).toBeGreaterThan(1);
        });
      }),
      { numRuns: 300 },
    );
  });
});
