import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import { endOnlineSession } from '../../db/repositories/online-sessions.repository.js';
import { withScope } from '../../db/scoped.js';
import { recordChange } from '../audit/record-change.js';

/** Ends the young person's session. Anyone may call it: signed out already, it does nothing. */
export async function signOutYoungPerson(
  ctx: ServiceContext,
  deps: { db: LanternDb },
): Promise<{ isSignedOut: true }> {
  await authorise(ctx, 'online:sign-up');
  const actor = ctx.actor;
  if (actor.kind !== 'young-person') return { isSignedOut: true };
  await withScope(deps.db, recordScope(actor), async (tx) => {
    await endOnlineSession(tx, actor.sessionTokenHash, 'signed-out', ctx.now());
    await recordChange(tx, ctx, {
      entity: 'online-account',
      entityId: actor.accountId,
      action: 'signed-out',
    });
  });
  return { isSignedOut: true };
}
