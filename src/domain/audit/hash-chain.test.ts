import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainedRow, canonical, chainHash, GENESIS, verifyChain } from './hash-chain.js';

function build(contents: unknown[]): ChainedRow[] {
  let previous = GENESIS;
  return contents.map((content, index) => {
    const hash = chainHash(previous, content);
    const row = { id: index + 1, previousHash: previous, hash, content };
    previous = hash;
    return row;
  });
}

const contents = fc.array(fc.record({ who: fc.string(), what: fc.string(), n: fc.integer() }), {
  minLength: 3,
  maxLength: 20,
});

describe('canonical', () => {
  it('ignores key order and writes dates as ISO strings', () => {
    expect(canonical({ b: 1, a: [new Date('2026-01-01T00:00:00Z')] })).toBe(
      canonical({ a: [new Date('2026-01-01T00:00:00Z')], b: 1 }),
    );
    expect(canonical({ a: new Date('2026-01-01T00:00:00Z') })).toBe('{"a":"2026-01-01T00:00:00.000Z"}');
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain', () => {
    fc.assert(
      fc.property(contents, (c) => {
        expect(verifyChain(build(c)).problems).toEqual([]);
      }),
    );
  });

  it('finds an edited row', () => {
    fc.assert(
      fc.property(contents, fc.nat(), (c, pick) => {
        const rows = build(c);
        const i = pick % rows.length;
        rows[i] = { ...(rows[i] as ChainedRow), content: { edited: true } };
        expect(verifyChain(rows).problems).toContainEqual({ id: i + 1, problem: 'content-changed' });
      }),
    );
  });

  it('finds a deleted row', () => {
    fc.assert(
      fc.property(contents, fc.nat(), (c, pick) => {
        const rows = build(c);
        const i = pick % (rows.length - 1);
        rows.splice(i, 1);
        expect(verifyChain(rows).problems.length).toBeGreaterThan(0);
      }),
    );
  });

  it('finds an inserted row, even one hashed correctly on its own', () => {
    const rows = build([{ a: 1 }, { a: 2 }, { a: 3 }]);
    const forged = { id: 99, previousHash: rows[0]?.hash ?? '', hash: '', content: { forged: true } };
    forged.hash = chainHash(forged.previousHash, forged.content);
    rows.splice(1, 0, forged);
    expect(verifyChain(rows).problems).toEqual([{ id: 2, problem: 'broken-link' }]);
  });

  it('finds two rows swapped', () => {
    const rows = build([{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }]);
    [rows[1], rows[2]] = [rows[2] as ChainedRow, rows[1] as ChainedRow];
    expect(verifyChain(rows).problems.length).toBeGreaterThan(0);
  });
});
