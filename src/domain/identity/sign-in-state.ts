import type { SignInState } from '../../contracts/identity.js';

/**
 * How far signing in has got. A temporary password must be replaced first; then anyone whose
 * roles need a second factor gives one (setting up an app if they have none yet).
 */
export function signInState(person: {
  mustChangePassword: boolean;
  hasSecondFactor: boolean;
  needsSecondFactor: boolean;
  isSecondFactorDone: boolean;
}): SignInState {
  if (person.mustChangePassword) return 'password-change-required';
  if (!person.needsSecondFactor || person.isSecondFactorDone) return 'signed-in';
  return person.hasSecondFactor ? 'second-factor-required' : 'second-factor-enrolment-required';
}
