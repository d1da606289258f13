import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { StaffUser } from '../../contracts/admin.js';
import type { LanternDb } from '../../db/client.js';
import * as identity from '../../db/repositories/identity.repository.js';
import * as sessionsRepo from '../../db/repositories/sessions.repository.js';
import { AppError } from '../../domain/app-error.js';
import { recordChange } from '../audit/record-change.js';

// Staff accounts: listing, deactivating, reactivating, resetting a second factor, removing a role.
// Every change needs the version the administrator saw (If-Match) and writes an audit row.

export async function listStaff(ctx: ServiceContext, deps: { db: LanternDb }): Promise<StaffUser[]> {
  await authorise(ctx, 'user:read');
  return identity.listUsers(deps.db);
}

async function changeUser(
  ctx: ServiceContext,
  db: LanternDb,
  userId: string,
  expectedVersion: number,
  action: string,
  change: Parameters<typeof identity.updateUser>[3],
  endSessionsBecause?: string,
  alsoInTransaction?: (tx: LanternDb) => Promise<void>,
) {
  const user = await identity.findUser(db, userId);
  if (!user) throw new AppError('not-found', 'There is no such user.');
  return db.transaction(async (tx) => {
    const updated = await identity.updateUser(tx, userId, expectedVersion, change);
    if (!updated) {
      throw new AppError(
        'precondition-failed',
        'Someone changed this account since you loaded it. Reload and try again.',
      );
    }
    if (endSessionsBecause) await sessionsRepo.endAllSessions(tx, userId, endSessionsBecause, ctx.now());
    if (alsoInTransaction) await alsoInTransaction(tx);
    await recordChange(tx, ctx, {
      entity: 'user',
      entityId: userId,
      action,
      before: {
        isActive: user.isActive,
        hasSecondFactor: user.totpConfirmedAt !== null,
        version: user.version,
      },
      after: {
        isActive: updated.isActive,
        hasSecondFactor: updated.totpConfirmedAt !== null,
        version: updated.version,
      },
    });
    return { id: updated.id, isActive: updated.isActive, version: updated.version };
  });
}

/** Deactivating ends every session, so it bites on the person's very next request. */
export async function setStaffActive(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: { userId: string; expectedVersion: number; isActive: boolean },
) {
  await authorise(ctx, 'user:manage');
  if (!input.isActive && ctx.actor.kind === 'staff' && ctx.actor.userId === input.userId) {
    throw new AppError('conflict', 'You cannot deactivate your own account.');
  }
  return changeUser(
    ctx,
    deps.db,
    input.userId,
    input.expectedVersion,
    input.isActive ? 'reactivated' : 'deactivated',
    { isActive: input.isActive },
    input.isActive ? undefined : 'deactivated',
  );
}

/** For a lost phone: the person sets up an authenticator again at their next sign-in. */
export async function resetSecondFactor(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: { userId: string; expectedVersion: number },
) {
  await authorise(ctx, 'user:reset-second-factor');
  return changeUser(
    ctx,
    deps.db,
    input.userId,
    input.expectedVersion,
    'second-factor-reset',
    { totpSecret: null, totpConfirmedAt: null, totpLastStep: null },
    'second-factor-reset',
    (tx) => identity.replaceRecoveryCodes(tx, input.userId, [], ctx.now()),
  );
}

/** Removing a role or team membership takes effect on the person's next request. */
export async function revokeRole(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: { userId: string; grantId: string },
) {
  await authorise(ctx, 'user:manage');
  return deps.db.transaction(async (tx) => {
    const revoked = await identity.revokeRole(tx, input.userId, input.grantId, ctx.now());
    if (!revoked) throw new AppError('not-found', 'That person does not hold that role now.');
    await recordChange(tx, ctx, {
      entity: 'user',
      entityId: input.userId,
      action: 'role-revoked',
      before: { role: revoked.role, teamId: revoked.teamId, schoolUrn: revoked.schoolUrn },
    });
    return { endedSessions: 0 };
  });
}
