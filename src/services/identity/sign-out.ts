import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { LanternDb } from '../../db/client.js';
import * as sessionsRepo from '../../db/repositories/sessions.repository.js';
import { AppError } from '../../domain/app-error.js';
import { recordChange } from '../audit/record-change.js';

function staffActor(ctx: ServiceContext) {
  if (ctx.actor.kind !== 'staff') throw new AppError('unauthenticated', 'You are already signed out.');
  return ctx.actor;
}

/** Ends this session. Allowed part-way through signing in too, so anyone can back out. */
export async function signOut(
  ctx: ServiceContext,
  deps: { db: LanternDb },
): Promise<{ endedSessions: number }> {
  await authorise(ctx, 'session:create');
  const actor = staffActor(ctx);
  await deps.db.transaction(async (tx) => {
    await sessionsRepo.endSession(tx, actor.sessionTokenHash, 'signed-out', ctx.now());
    await recordChange(tx, ctx, { entity: 'session', entityId: actor.userId, action: 'signed-out' });
  });
  return { endedSessions: 1 };
}

/** Ends every session the person has, on every device: for a lost phone or a shared computer. */
export async function signOutEverywhere(
  ctx: ServiceContext,
  deps: { db: LanternDb },
): Promise<{ endedSessions: number }> {
  await authorise(ctx, 'session:read-own');
  const actor = staffActor(ctx);
  return deps.db.transaction(async (tx) => {
    const endedSessions = await sessionsRepo.endAllSessions(
      tx,
      actor.userId,
      'signed-out-everywhere',
      ctx.now(),
    );
    await recordChange(tx, ctx, {
      entity: 'session',
      entityId: actor.userId,
      action: 'signed-out-everywhere',
      after: { endedSessions },
    });
    return { endedSessions };
  });
}
