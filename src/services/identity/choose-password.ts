import { authorise, type ServiceContext } from '../../access/authorise.js';
import { isStaffRole, needsSecondFactor } from '../../access/roles.js';
import type { NewPasswordInput, SignInState } from '../../contracts/identity.js';
import type { LanternDb } from '../../db/client.js';
import * as identity from '../../db/repositories/identity.repository.js';
import * as sessionsRepo from '../../db/repositories/sessions.repository.js';
import { AppError } from '../../domain/app-error.js';
import { signInState } from '../../domain/identity/sign-in-state.js';
import { recordChange } from '../audit/record-change.js';
import { hashPassword, verifyPassword } from './credentials.js';
import { type OpenedSession, openSession } from './open-session.js';

/** Replaces a temporary password with one the person chose, then carries on signing in. */
export async function choosePassword(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: NewPasswordInput,
): Promise<OpenedSession & { state: SignInState }> {
  await authorise(ctx, 'session:create');
  const actor = ctx.actor;
  const user = actor.kind === 'staff' ? await identity.findUser(deps.db, actor.userId) : null;
  if (actor.kind !== 'staff' || !user?.mustChangePassword) {
    throw new AppError('unauthenticated', 'Sign in with your temporary password first.');
  }
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    throw new AppError('bad-request', 'Choose a password different from the temporary one.', [
      { name: 'newPassword', reason: 'must be different from the temporary password' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const isSecondFactorNeeded = needsSecondFactor(
    (await identity.activeRoles(deps.db, user.id)).map((g) => g.role).filter(isStaffRole),
  );
  const session = await deps.db.transaction(async (tx) => {
    const updated = await identity.updateUser(tx, user.id, user.version, {
      passwordHash,
      mustChangePassword: false,
    });
    if (!updated)
      throw new AppError('conflict', 'Your account changed while you were choosing a password. Try again.');
    await recordChange(tx, ctx, { entity: 'user', entityId: user.id, action: 'password-chosen' });
    await sessionsRepo.endSession(tx, actor.sessionTokenHash, 'password-chosen', ctx.now());
    return openSession(tx, ctx, user.id, !isSecondFactorNeeded);
  });
  const state = signInState({
    mustChangePassword: false,
    hasSecondFactor: user.totpConfirmedAt !== null,
    needsSecondFactor: isSecondFactorNeeded,
    isSecondFactorDone: !isSecondFactorNeeded,
  });
  return { ...session, state };
}
