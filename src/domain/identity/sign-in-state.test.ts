import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signInState } from './sign-in-state.js';

describe('signInState', () => {
  it('asks for a new password before anything else', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (hasSecondFactor, needsSecondFactor, isSecondFactorDone) => {
          expect(
            signInState({ mustChangePassword: true, hasSecondFactor, needsSecondFactor, isSecondFactorDone }),
          ).toBe('password-change-required');
        },
      ),
    );
  });

  it.each([
    [false, false, false, 'signed-in'],
    [true, true, true, 'signed-in'],
    [true, true, false, 'second-factor-required'],
    [false, true, false, 'second-factor-enrolment-required'],
  ] as const)(
    'second factor set up %s, needed %s, given %s: %s',
    (hasSecondFactor, needsSecondFactor, isSecondFactorDone, state) => {
      expect(
        signInState({ mustChangePassword: false, hasSecondFactor, needsSecondFactor, isSecondFactorDone }),
      ).toBe(state);
    },
  );
});
