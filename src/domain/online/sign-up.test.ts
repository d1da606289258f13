import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageNow,
  ageOutOfRangeMessage,
  isAgeInRange,
  passwordProblem,
  usernameKey,
  usernameProblem,
} from './sign-up.js';

describe('usernameProblem', () => {
  it('accepts made-up names of letters, numbers, dashes and underscores', () => {
    for (const name of ['sky', 'Blue_Fox-22', 'a_very_long_name_xy9']) {
      expect(usernameProblem(name), name).toBeNull();
    }
  });

  it('refuses names that are too short, too long or use other characters', () => {
    expect(usernameProblem('ab')).toMatch(/between 3 and 20/);
    expect(usernameProblem('a'.repeat(21))).toMatch(/between 3 and 20/);
    expect(usernameProblem('sky fox')).toMatch(/letters, numbers/);
    expect(usernameProblem('sky.fox')).toMatch(/letters, numbers/);
  });

  it('refuses names that look like an email address or a phone number', () => {
    expect(usernameProblem('sky@example.com')).toMatch(/email/);
    expect(usernameProblem('skyfox_gmail')).toMatch(/email/);
    expect(usernameProblem('07700900123')).toMatch(/phone/);
    expect(usernameProblem('call-07700-900123')).toMatch(/phone/);
  });

  it('never accepts a name with an @ or eight digits, whatever else it holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (before, after) => {
        expect(usernameProblem(`${before}@${after}`)).not.toBeNull();
        expect(usernameProblem(`${before.slice(0, 6)}12345678`)).not.toBeNull();
      }),
    );
  });
});

describe('usernameKey', () => {
  it('makes names that differ only in case the same', () => {
    expect(usernameKey('Sky_Fox')).toBe(usernameKey('sKY_fOX'));
  });
});

describe('passwordProblem', () => {
  it('needs ten characters and not the username', () => {
    expect(passwordProblem('short', 'sky')).toMatch(/at least 10/);
    expect(passwordProblem('Sky_Fox_22', 'sky_fox_22')).toMatch(/same as your username/);
    expect(passwordProblem('correct horse battery', 'sky')).toBeNull();
  });
});

describe('ages', () => {
  const range = { minAge: 11, maxAge: 19 };

  it('fits ages 11 to 19 inclusive', () => {
    expect([10, 11, 19, 20].map((age) => isAgeInRange(age, range))).toEqual([false, true, true, false]);
  });

  it('adds whole years since sign-up, never more', () => {
    const signedUp = new Date('2025-06-15T10:00:00Z');
    expect(ageNow(15, signedUp, new Date('2026-06-14T10:00:00Z'))).toBe(15);
    expect(ageNow(15, signedUp, new Date('2026-06-15T10:00:00Z'))).toBe(16);
    expect(ageNow(15, signedUp, new Date('2028-01-01T10:00:00Z'))).toBe(17);
  });

  it('speaks kindly to the too young and the too old', () => {
    expect(ageOutOfRangeMessage(9, range)).toMatch(/aged 11 to 19.*help/);
    expect(ageOutOfRangeMessage(22, range)).toMatch(/aged 11 to 19.*help/);
  });
});
