import type { LanternDb } from '../db/client.js';
import { AppError } from '../domain/app-error.js';
import type { Permission } from './permissions.js';
import {
  needsSecondFactor,
  permissionsOfRoles,
  publicPermissions,
  type StaffRole,
  youngPersonPermissions,
} from './roles.js';

/**
 * Who is asking: nobody signed in, a young person signed in to online support (anonymously, by
 * username), or a member of staff with the roles they hold right now.
 */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'young-person';
      accountId: string;
      serviceId: string;
      organisationId: string;
      sessionTokenHash: string;
      isSignedIn: true;
    }
  | {
      kind: 'staff';
      userId: string;
      organisationId: string;
      roles: StaffRole[];
      /** Each role held, with the team (and its service) or school it is held for. */
      grants: {
        role: StaffRole;
        teamId: string | null;
        serviceId: string | null;
        schoolUrn: number | null;
      }[];
      sessionTokenHash: string;
      /** False between the password and the second factor, for roles that need one. */
      isSignedIn: boolean;
    };

/** One access-log row: who looked at what, on what basis, and whether it was allowed. */
export interface AccessRecord {
  subjectKind: string;
  subjectId?: string | null;
  action: string;
  outcome: 'allowed' | 'denied' | 'break-glass';
  basis: string;
  reason?: string | null;
}

/** What every service receives: who is asking, for which request, and when. */
export interface ServiceContext {
  requestId: string;
  actor: Actor;
  now: () => Date;
  /** Permissions this request has been checked for; a service that checked none is a bug. */
  authorised: Permission[];
  /**
   * Writes one access-log row; if it cannot be written the caller must not go on. Given a
   * transaction, the row is written in it, so it commits or rolls back with the work it records.
   */
  recordAccess: (record: AccessRecord, tx?: LanternDb) => Promise<void>;
}

export function anonymousContext(
  requestId: string,
  recordAccess: ServiceContext['recordAccess'],
  now: () => Date = () => new Date(),
): ServiceContext {
  return { requestId, actor: { kind: 'anonymous' }, now, authorised: [], recordAccess };
}

const publicSet: ReadonlySet<Permission> = new Set(publicPermissions);
const youngPersonSet: ReadonlySet<Permission> = new Set([...publicPermissions, ...youngPersonPermissions]);
/** A staff actor's permissions, worked out once per actor (a chat socket asks at every message). */
const staffSets = new WeakMap<Actor, ReadonlySet<Permission>>();

export function permissionsOf(actor: Actor): ReadonlySet<Permission> {
  if (actor.kind === 'anonymous' || !actor.isSignedIn) return publicSet;
  if (actor.kind === 'young-person') return youngPersonSet;
  let found = staffSets.get(actor);
  if (!found) {
    found = new Set([...publicPermissions, ...permissionsOfRoles(actor.roles)]);
    staffSets.set(actor, found);
  }
  return found;
}

/** Staff whose roles need a second factor are signed in only once they have given it. */
export function isSignedInAfter(roles: readonly StaffRole[], isSecondFactorDone: boolean): boolean {
  return isSecondFactorDone || !needsSecondFactor(roles);
}

/**
 * The first line of every service. Someone not signed in gets 401; signed-in staff without the
 * permission get 403, and the refusal is written to the access log.
 */
export async function authorise(ctx: ServiceContext, permission: Permission): Promise<void> {
  if (permissionsOf(ctx.actor).has(permission)) {
    ctx.authorised.push(permission);
    return;
  }
  if (ctx.actor.kind === 'anonymous' || !ctx.actor.isSignedIn) {
    throw new AppError('unauthenticated', 'Sign in to continue.');
  }
  await ctx.recordAccess({ subjectKind: 'permission', action: permission, outcome: 'denied', basis: 'role' });
  throw new AppError('forbidden', 'You do not have permission to do that.');
}

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** The signed-in member of staff making the request; anyone else gets 401. */
export function staffOf(ctx: ServiceContext): StaffActor {
  if (ctx.actor.kind !== 'staff') throw new AppError('unauthenticated', 'Sign in to continue.');
  return ctx.actor;
}
