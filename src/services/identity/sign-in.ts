import { authorise, type ServiceContext } from '../../access/authorise.js';
import { isStaffRole, needsSecondFactor } from '../../access/roles.js';
import type { SignInInput, SignInState } from '../../contracts/identity.js';
import type { LanternDb } from '../../db/client.js';
import * as identity from '../../db/repositories/identity.repository.js';
import * as sessionsRepo from '../../db/repositories/sessions.repository.js';
import { AppError } from '../../domain/app-error.js';
import { lockedUntilAfterFailure } from '../../domain/identity/session-rules.js';
import { signInState } from '../../domain/identity/sign-in-state.js';
import { emailKey, verifyPassword } from './credentials.js';
import { type OpenedSession, openSession } from './open-session.js';

const WRONG = 'The email address or password is not right.';

/** Refuses while an email is waiting after repeated failures; the same for known and unknown emails. */
export async function refuseIfLocked(db: LanternDb, key: string, now: Date) {
  const throttle = await sessionsRepo.findThrottle(db, key);
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    const minutes = Math.max(1, Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 60_000));
    throw new AppError(
      'rate-limited',
      `Too many attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
    );
  }
  return throttle?.failures ?? 0;
}

export async function recordFailure(db: LanternDb, key: string, failuresBefore: number, now: Date) {
  const failures = failuresBefore + 1;
  await sessionsRepo.saveThrottle(db, key, failures, lockedUntilAfterFailure(failures, now), now);
}

/**
 * Checks an email and password. Anyone whose roles need a second factor gets a half-open session
 * that can only finish signing in (or enrol); everyone else is signed in.
 */
export async function signIn(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: SignInInput,
): Promise<OpenedSession & { state: SignInState }> {
  await authorise(ctx, 'session:create');
  const now = ctx.now();
  const key = emailKey(input.email);
  const failures = await refuseIfLocked(deps.db, key, now);
  const user = await identity.findUserByEmail(deps.db, input.email);
  const isRight = await verifyPassword(user?.isActive ? user.passwordHash : null, input.password);
  if (!user || !isRight) {
    await recordFailure(deps.db, key, failures, now);
    throw new AppError('unauthenticated', WRONG);
  }
  await sessionsRepo.clearThrottle(deps.db, key);
  const roles = (await identity.activeRoles(deps.db, user.id)).map((grant) => grant.role).filter(isStaffRole);
  const isSecondFactorNeeded = needsSecondFactor(roles);
  const session = await deps.db.transaction((tx) => openSession(tx, ctx, user.id, !isSecondFactorNeeded));
  const state = signInState({
    mustChangePassword: user.mustChangePassword,
    hasSecondFactor: user.totpConfirmedAt !== null,
    needsSecondFactor: isSecondFactorNeeded,
    isSecondFactorDone: !isSecondFactorNeeded,
  });
  return { ...session, state };
}
