import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { EnrolmentStart, SecondFactorInput } from '../../contracts/identity.js';
import type { LanternDb } from '../../db/client.js';
import * as identity from '../../db/repositories/identity.repository.js';
import * as sessionsRepo from '../../db/repositories/sessions.repository.js';
import { AppError } from '../../domain/app-error.js';
import { recordChange } from '../audit/record-change.js';
import {
  enrolmentQr,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  secondFactorKey,
  sha256,
  totpStep,
} from './credentials.js';
import { type OpenedSession, openSession } from './open-session.js';
import { recordFailure, refuseIfLocked } from './sign-in.js';

/** The person part-way through signing in: password given, second factor not yet. */
async function halfSignedIn(ctx: ServiceContext, db: LanternDb) {
  await authorise(ctx, 'session:create');
  const actor = ctx.actor;
  if (actor.kind !== 'staff' || actor.isSignedIn) {
    throw new AppError('unauthenticated', 'Start again by signing in with your email address and password.');
  }
  const user = await identity.findUser(db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Start again by signing in.');
  return { actor, user };
}

/** Finishes signing in with a code from the authenticator app, or a one-time recovery code. */
export async function verifySecondFactor(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: SecondFactorInput,
): Promise<OpenedSession> {
  const { actor, user } = await halfSignedIn(ctx, deps.db);
  if (!user.totpSecret || !user.totpConfirmedAt) {
    throw new AppError('conflict', 'Set up your authenticator app first.');
  }
  const now = ctx.now();
  const key = secondFactorKey(user.email);
  const failures = await refuseIfLocked(deps.db, key, now);
  const isTotp = /^\d{6}$/.test(input.code);
  const step = isTotp ? await totpStep(user.totpSecret, input.code, now) : null;
  const isAccepted = isTotp
    ? step !== null && (await identity.claimTotpStep(deps.db, user.id, step))
    : await identity.spendRecoveryCode(deps.db, user.id, sha256(normaliseRecoveryCode(input.code)), now);
  if (!isAccepted) {
    await recordFailure(deps.db, key, failures, now);
    throw new AppError('unauthenticated', 'That code is not right, or has been used. Try the newest code.');
  }
  await sessionsRepo.clearThrottle(deps.db, key);
  return deps.db.transaction(async (tx) => {
    await sessionsRepo.endSession(tx, actor.sessionTokenHash, 'second-factor-done', now);
    if (!isTotp)
      await recordChange(tx, ctx, { entity: 'user', entityId: user.id, action: 'recovery-code-used' });
    return openSession(tx, ctx, user.id, true);
  });
}

/** Starts setting up an authenticator app: a new secret, as a QR code and as text. */
export async function startEnrolment(ctx: ServiceContext, deps: { db: LanternDb }): Promise<EnrolmentStart> {
  const { user } = await halfSignedIn(ctx, deps.db);
  if (user.totpConfirmedAt) throw new AppError('conflict', 'An authenticator app is already set up.');
  const secret = newTotpSecret();
  const updated = await identity.updateUser(deps.db, user.id, user.version, { totpSecret: secret });
  if (!updated) throw new AppError('conflict', 'Your account changed while you were setting up. Try again.');
  return { secret, ...(await enrolmentQr(secret, user.email)) };
}

/** Confirms the app works with its first code; gives ten recovery codes, shown once. */
export async function confirmEnrolment(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: SecondFactorInput,
): Promise<OpenedSession & { recoveryCodes: string[] }> {
  const { actor, user } = await halfSignedIn(ctx, deps.db);
  if (user.totpConfirmedAt || !user.totpSecret)
    throw new AppError('conflict', 'Start setting up your app first.');
  const now = ctx.now();
  const step = /^\d{6}$/.test(input.code) ? await totpStep(user.totpSecret, input.code, now) : null;
  if (step === null) {
    throw new AppError(
      'bad-request',
      'That code is not right. Check the time on your phone and try the newest code.',
      [{ name: 'code', reason: 'does not match the app' }],
    );
  }
  const recoveryCodes = newRecoveryCodes();
  const session = await deps.db.transaction(async (tx) => {
    const updated = await identity.updateUser(tx, user.id, user.version, {
      totpConfirmedAt: now,
      totpLastStep: step,
    });
    if (!updated)
      throw new AppError('conflict', 'Your account changed while you were setting up. Try again.');
    await identity.replaceRecoveryCodes(
      tx,
      user.id,
      recoveryCodes.map((code) => sha256(code)),
      now,
    );
    await recordChange(tx, ctx, { entity: 'user', entityId: user.id, action: 'second-factor-enrolled' });
    await sessionsRepo.endSession(tx, actor.sessionTokenHash, 'second-factor-done', now);
    return openSession(tx, ctx, user.id, true);
  });
  return { ...session, recoveryCodes };
}
