import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correctionProblem, currentVersion, signOffProblem, signOffState } from './notes.js';

const at = new Date('2026-11-23T10:00:00Z');
const signed = (version: number) => ({ version, signedAt: at, signedBy: 'supervisor' });
const versions = (n: number) => Array.from({ length: n }, (_, i) => ({ version: i + 1 }));

describe('contact note versions', () => {
  it('takes the highest version as the one in force, whatever order the rows come in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1 }), (numbers) => {
        const current = currentVersion(numbers.map((version) => ({ version })));
        expect(current?.version).toBe(Math.max(...numbers));
      }),
    );
    expect(currentVersion([])).toBeNull();
  });

  it('says signed off only when the current version is signed', () => {
    expect(signOffState(versions(1), [signed(1)])).toMatchObject({ kind: 'signed-off', version: 1 });
    expect(signOffState(versions(2), [signed(1)])).toEqual({
      kind: 'correction-not-signed-off',
      signedVersion: 1,
    });
    expect(signOffState(versions(2), [signed(1), signed(2)])).toMatchObject({
      kind: 'signed-off',
      version: 2,
    });
    expect(signOffState(versions(3), [])).toEqual({ kind: 'not-signed-off' });
  });

  it('never calls a note signed off when its newest version is not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 1, max: 8 })),
        (n, signedOnes) => {
          const offs = [...new Set(signedOnes.filter((v) => v <= n))].map(signed);
          const state = signOffState(versions(n), offs);
          expect(state.kind === 'signed-off').toBe(offs.some((s) => s.version === n));
          if (state.kind === 'correction-not-signed-off') expect(state.signedVersion).toBeLessThan(n);
        },
      ),
    );
  });

  it('lets a correction through only against the current version, with a reason and new words', () => {
    const current = { version: 2, body: 'Met at school. Low mood.' };
    expect(
      correctionProblem(current, 2, { body: 'Met at home. Low mood.', reason: 'Wrong place' }),
    ).toBeNull();
    expect(correctionProblem(current, 1, { body: 'Met at home.', reason: 'Wrong place' })).toEqual({
      kind: 'stale',
    });
    expect(correctionProblem(current, 2, { body: 'Met at home.', reason: ' ' })).toMatchObject({
      field: 'reason',
    });
    expect(
      correctionProblem(current, 2, { body: ' Met at school. Low mood. ', reason: 'Typo' }),
    ).toMatchObject({
      field: 'body',
    });
  });

  it('refuses a sign-off of one’s own note, of an old version, or twice', () => {
    const current = { version: 2, writtenBy: 'emhp' };
    expect(signOffProblem(current, 2, [], 'supervisor')).toBeNull();
    expect(signOffProblem(current, 2, [], 'emhp')).toBe('own-note');
    expect(signOffProblem(current, 1, [], 'supervisor')).toBe('stale');
    expect(signOffProblem(current, 2, [{ version: 2 }], 'supervisor')).toBe('already-signed-off');
    expect(signOffProblem(current, 2, [{ version: 1 }], 'supervisor')).toBeNull();
  });
});
