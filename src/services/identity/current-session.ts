import { authorise, permissionsOf, type ServiceContext } from '../../access/authorise.js';
import { isStaffRole, needsSecondFactor, roleDefinitions } from '../../access/roles.js';
import type { SessionInfo } from '../../contracts/identity.js';
import type { LanternDb } from '../../db/client.js';
import * as identity from '../../db/repositories/identity.repository.js';
import * as sessionsRepo from '../../db/repositories/sessions.repository.js';
import { AppError } from '../../domain/app-error.js';
import { SESSION_ABSOLUTE_HOURS, SESSION_IDLE_MINUTES } from '../../domain/identity/session-rules.js';
import { signInState } from '../../domain/identity/sign-in-state.js';

/** Who is signed in, with what roles and permissions, and the CSRF token the web app must send. */
export async function currentSession(ctx: ServiceContext, deps: { db: LanternDb }): Promise<SessionInfo> {
  await authorise(ctx, 'session:create');
  const actor = ctx.actor;
  if (actor.kind !== 'staff') throw new AppError('unauthenticated', 'You are not signed in.');
  const [user, session, grants] = await Promise.all([
    identity.findUser(deps.db, actor.userId),
    sessionsRepo.findSession(deps.db, actor.sessionTokenHash),
    identity.activeRoles(deps.db, actor.userId),
  ]);
  if (!user || !session) throw new AppError('unauthenticated', 'You are not signed in.');
  const idleEnd = session.lastSeenAt.getTime() + SESSION_IDLE_MINUTES * 60_000;
  const absoluteEnd = session.createdAt.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000;
  return {
    user: { id: user.id, displayName: user.displayName, email: user.email },
    roles: grants.flatMap((grant) =>
      isStaffRole(grant.role)
        ? [
            {
              role: grant.role,
              label: roleDefinitions[grant.role].label,
              teamName: grant.teamName,
              schoolUrn: grant.schoolUrn,
            },
          ]
        : [],
    ),
    permissions: [...permissionsOf(actor)].sort(),
    state: signInState({
      mustChangePassword: user.mustChangePassword,
      hasSecondFactor: user.totpConfirmedAt !== null,
      needsSecondFactor: needsSecondFactor(actor.roles),
      isSecondFactorDone: session.isSecondFactorDone,
    }),
    csrfToken: session.csrfToken,
    expiresAt: new Date(Math.min(idleEnd, absoluteEnd)).toISOString(),
  };
}
