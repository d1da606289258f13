import { AppError } from '../domain/app-error.js';
import type { Permission } from './permissions.js';
import { publicPermissions } from './roles.js';

/** Who is asking. Signed-in staff arrive with the identity capability; today everyone is anonymous. */
export type Actor = { kind: 'anonymous' };

/** What every service receives: who is asking, for which request, and when. */
export interface ServiceContext {
  requestId: string;
  actor: Actor;
  now: () => Date;
  /** Permissions this request has been checked for; a service that checked none is a bug. */
  authorised: Permission[];
}

export function anonymousContext(requestId: string, now: () => Date = () => new Date()): ServiceContext {
  return { requestId, actor: { kind: 'anonymous' }, now, authorised: [] };
}

function permissionsOf(actor: Actor): readonly Permission[] {
  switch (actor.kind) {
    case 'anonymous':
      return publicPermissions;
  }
}

/** The first line of every service: throws unless the actor holds the permission. */
export function authorise(ctx: ServiceContext, permission: Permission): void {
  if (!permissionsOf(ctx.actor).includes(permission)) {
    throw new AppError('forbidden', 'You do not have permission to do that.');
  }
  ctx.authorised.push(permission);
}
