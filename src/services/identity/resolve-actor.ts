import { type Actor, isSignedInAfter } from '../../access/authorise.js';
import { isStaffRole } from '../../access/roles.js';
import type { LanternDb } from '../../db/client.js';
import * as identity from '../../db/repositories/identity.repository.js';
import * as sessionsRepo from '../../db/repositories/sessions.repository.js';
import { needsTouch, sessionState } from '../../domain/identity/session-rules.js';
import { sha256 } from './credentials.js';

export type Resolved =
  | { kind: 'none' }
  | { kind: 'ended'; reason: string }
  | { kind: 'active'; actor: Actor & { kind: 'staff' }; session: sessionsRepo.SessionRow };

/**
 * Works out who a session cookie belongs to, from the database on every request: a deactivated
 * user, a removed role or an ended session takes effect on the very next request.
 */
export async function resolveActor(db: LanternDb, token: string | undefined, now: Date): Promise<Resolved> {
  if (!token) return { kind: 'none' };
  const tokenHash = sha256(token);
  const found = await sessionsRepo.findSessionWithUser(db, tokenHash);
  if (!found) return { kind: 'ended', reason: 'unknown' };
  const { session, user } = found;
  const state = sessionState(session, now);
  if (state !== 'active') {
    if (state !== 'ended') await sessionsRepo.endSession(db, tokenHash, state, now);
    return { kind: 'ended', reason: state };
  }
  if (!user.isActive) {
    await sessionsRepo.endAllSessions(db, session.userId, 'deactivated', now);
    return { kind: 'ended', reason: 'deactivated' };
  }
  if (needsTouch(session.lastSeenAt, now)) await sessionsRepo.touchSession(db, tokenHash, now);
  const grants = await identity.activeRoles(db, session.userId);
  const roles = grants.map((grant) => grant.role).filter(isStaffRole);
  return {
    kind: 'active',
    session,
    actor: {
      kind: 'staff',
      userId: session.userId,
      organisationId: user.organisationId,
      roles,
      grants: grants.flatMap((grant) =>
        isStaffRole(grant.role)
          ? [
              {
                role: grant.role,
                teamId: grant.teamId,
                serviceId: grant.serviceId,
                schoolUrn: grant.schoolUrn,
              },
            ]
          : [],
      ),
      sessionTokenHash: tokenHash,
      // A temporary password must be replaced before anything else.
      isSignedIn: !user.mustChangePassword && isSignedInAfter(roles, session.isSecondFactorDone),
    },
  };
}
