import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idempotencySeal } from './idempotency-seal.js';

describe('idempotency seal', () => {
  const note = { id: 'a1', body: 'I argued with my brother and felt awful.' };

  it('opens what it sealed, and the sealed text shows none of it', () => {
    const seal = idempotencySeal('account:1', 'f3b1c2d4-key');
    const sealed = seal.seal(note);
    expect(seal.open(sealed)).toEqual(note);
    expect(sealed).not.toContain('brother');
    expect(Buffer.from(sealed, 'base64').toString('utf8')).not.toContain('brother');
    // A fresh nonce each time: the same answer sealed twice does not look the same.
    expect(seal.seal(note)).not.toBe(sealed);
  });

  it('cannot be opened with another key or by another owner', () => {
    const sealed = idempotencySeal('account:1', 'f3b1c2d4-key').seal(note);
    expect(idempotencySeal('account:1', 'f3b1c2d4-kez').open(sealed)).toBeUndefined();
    expect(idempotencySeal('account:2', 'f3b1c2d4-key').open(sealed)).toBeUndefined();
  });

  it('keeps the key only as a hash, per owner', () => {
    const seal = idempotencySeal('user:7', 'retry-key-123');
    expect(seal.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(seal.keyHash).not.toContain('retry-key-123');
    expect(idempotencySeal('user:8', 'retry-key-123').keyHash).not.toBe(seal.keyHash);
    expect(idempotencySeal('user:7', 'retry-key-123').keyHash).toBe(seal.keyHash);
  });

  it('fingerprints a request so a different body differs and a short body cannot be looked up', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const seal = idempotencySeal('user:7', 'retry-key-123');
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(seal.fingerprint('POST', '/x', a) === seal.fingerprint('POST', '/x', b)).toBe(same);
      }),
    );
    const mood = { rating: 2 };
    expect(idempotencySeal('a', 'key-one-11').fingerprint('POST', '/m', mood)).not.toBe(
      idempotencySeal('a', 'key-two-22').fingerprint('POST', '/m', mood),
    );
  });
});
