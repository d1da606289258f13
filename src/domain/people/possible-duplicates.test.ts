import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChildIdentity, duplicateReasons, editDistance, isCloseName } from './possible-duplicates.js';

const child = (over: Partial<ChildIdentity>): ChildIdentity => ({
  id: 'a',
  givenName: 'Amara',
  familyName: 'Okafor',
  dateOfBirth: '2012-04-03',
  nhsNumber: null,
  schoolUrns: [900001],
  ...over,
});

describe('possible duplicates', () => {
  it('finds the same NHS number whatever the name says', () => {
    const reasons = duplicateReasons(
      child({ nhsNumber: '9990000018' }),
      child({ id: 'b', givenName: 'Someone', familyName: 'Else', nhsNumber: '9990000018' }),
    );
    expect(reasons.map((r) => r.kind)).toEqual(['nhs-number']);
  });

  it('finds a mistyped name with the same date of birth, and says when the school matches too', () => {
    const reasons = duplicateReasons(
      child({}),
      child({ id: 'b', givenName: 'Amarah', familyName: "O'Kafor" }),
    );
    expect(reasons.map((r) => r.kind)).toEqual(['name-and-birth-date', 'school']);
  });

  it('does not suggest a different child born the same day', () => {
    expect(duplicateReasons(child({}), child({ id: 'b', givenName: 'Jack', familyName: 'Smith' }))).toEqual(
      [],
    );
  });

  it('does not suggest the same name with another date of birth', () => {
    expect(duplicateReasons(child({}), child({ id: 'b', dateOfBirth: '2012-04-04' }))).toEqual([]);
  });

  it('never suggests a child as a duplicate of itself', () => {
    expect(duplicateReasons(child({}), child({}))).toEqual([]);
  });

  it('treats names as close regardless of case, accents and punctuation', () => {
    expect(isCloseName('Zoë', 'zoe')).toBe(true);
    expect(isCloseName('Ann-Marie', 'annmarie')).toBe(true);
    expect(isCloseName('Li', 'Lu')).toBe(true);
    expect(isCloseName('Li', 'Jo')).toBe(false);
  });

  it('measures edit distance symmetrically, and zero only for equal strings', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistance(a, b, 10)).toBe(editDistance(b, a, 10));
        expect(editDistance(a, b, 10) === 0).toBe(a === b);
      }),
    );
  });
});
