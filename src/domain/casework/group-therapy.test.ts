import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsTowardsAccess, programmeKey } from './group-therapy.js';

describe('whether a group counts towards access', () => {
  it('counts two young people over two sessions', () => {
    expect(countsTowardsAccess([{ attended: ['a', 'b'] }, { attended: ['a'] }])).toBe(true);
    expect(countsTowardsAccess([{ attended: ['a'] }, { attended: ['b'] }])).toBe(true);
  });
  it('does not count a single session, however large', () => {
    expect(countsTowardsAccess([{ attended: ['a', 'b', 'c', 'd'] }])).toBe(false);
  });
  it('does not count one young person, however many sessions', () => {
    expect(countsTowardsAccess([{ attended: ['a'] }, { attended: ['a'] }, { attended: ['a'] }])).toBe(false);
  });
  it('does not count a session nobody attended', () => {
    expect(countsTowardsAccess([{ attended: ['a', 'b'] }, { attended: [] }])).toBe(false);
  });
  it('never stops counting when a session is added', () => {
    const sessions = fc.array(
      fc.record({ attended: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 }) }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(
        sessions,
        fc.record({ attended: fc.array(fc.constantFrom('a', 'b', 'e')) }),
        (list, extra) => {
          if (countsTowardsAccess(list)) {
            expect(countsTowardsAccess([...list, extra])).toBe(true);
          }
        },
      ),
    );
  });
  it('groups programme names regardless of case and spacing', () => {
    expect(programmeKey('  Managing  Worry ')).toBe(programmeKey('managing worry'));
  });
});
