import { createHash } from 'node:crypto';

/**
 * The access log and the audit trail are hash chains: each row's hash covers its own content and
 * the previous row's hash, so editing, deleting, inserting or reordering any row breaks the chain
 * from that point on. The first row follows GENESIS. Cutting rows off the end leaves a shorter
 * chain that is still whole: `lantern audit verify` prints the newest hash so an operator can
 * record it elsewhere and compare it next time.
 */
export const GENESIS = '0'.repeat(64);

/** A stable text form of a value: object keys sorted, dates as ISO strings. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(previousHash: string, content: unknown): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonical(content)).digest('hex');
}

export interface ChainedRow {
  id: number;
  previousHash: string;
  hash: string;
  content: unknown;
}

export type ChainProblem =
  | { id: number; problem: 'content-changed' }
  | { id: number; problem: 'broken-link' };

/**
 * Checks a chain one row at a time, in id order, so a long chain need not fit in memory. A row
 * whose hash does not match its content was edited (or inserted with a made-up hash); a row whose
 * previous hash is not the hash before it follows a deletion, an insertion or a reordering.
 */
export function chainChecker() {
  const problems: ChainProblem[] = [];
  let previous = GENESIS;
  let rows = 0;
  return {
    check(row: ChainedRow) {
      rows += 1;
      if (row.previousHash !== previous) problems.push({ id: row.id, problem: 'broken-link' });
      if (chainHash(row.previousHash, row.content) !== row.hash)
        problems.push({ id: row.id, problem: 'content-changed' });
      previous = row.hash;
    },
    result: () => ({ rows, problems, head: rows === 0 ? null : previous }),
  };
}

export function verifyChain(rows: readonly ChainedRow[]): { rows: number; problems: ChainProblem[] } {
  const checker = chainChecker();
  for (const row of rows) checker.check(row);
  const { head: _head, ...result } = checker.result();
  return result;
}
