import { type Actor, isSignedInAfter } from '../../access/authorise.js';
import { isStaffRole } from '../../access/roles.js';
import type { LanternDb } from '../../db/client.js';
import * as identity from '../../db/repositories/identity.repository.js';
import * as sessionsRepo from '../../db/repositories/sessions.repository.js';
import { heldSessionState, needsTouch } from '../../domain/identity/session-rules.js';
import { tokensByHash } from './credentials.js';

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
  return (await resolveActors(db, [token], now)).get(token) ?? { kind: 'none' };
}

/**
 * The same as `resolveActor`, for many cookies at once (the chat socket sweep checks every open
 * socket together): a few queries however many tokens, one answer per distinct token. Timed-out
 * sessions and deactivated users are rare, so those are ended one by one.
 */
export async function resolveActors(
  db: LanternDb,
  tokens: readonly string[],
  now: Date,
): Promise<Map<string, Resolved>> {
  const resolved = new Map<string, Resolved>();
  const { byHash: tokenOf, hasEmpty } = tokensByHash(tokens);
  if (hasEmpty) resolved.set('', { kind: 'none' });
  if (tokenOf.size === 0) return resolved;
  const rows = await sessionsRepo.findSessionsWithUsers(db, [...tokenOf.keys()]);
  const found = new Map(rows.map((row) => [row.session.tokenHash, row]));
  const live: sessionsRepo.SessionWithUser[] = [];
  const deactivatedUsers = new Set<string>();
  for (const [tokenHash, token] of tokenOf) {
    const row = found.get(tokenHash);
    const state = row ? heldSessionState(row.session, row.user.isActive, now) : 'unknown';
    if (row && state === 'active') {
      live.push(row);
      continue;
    }
    resolved.set(token, { kind: 'ended', reason: state });
    if (state === 'idle-timeout' || state === 'absolute-timeout')
      await sessionsRepo.endSession(db, tokenHash, state, now);
    if (row && state === 'deactivated') deactivatedUsers.add(row.session.userId);
  }
  for (const userId of deactivatedUsers) await sessionsRepo.endAllSessions(db, userId, 'deactivated', now);
  const stale = live.filter((row) => needsTouch(row.session.lastSeenAt, now));
  await sessionsRepo.touchSessions(
    db,
    stale.map((row) => row.session.tokenHash),
    now,
  );
  const grants = await identity.activeRolesOf(db, [...new Set(live.map((row) => row.session.userId))]);
  for (const row of live) {
    const token = tokenOf.get(row.session.tokenHash) ?? '';
    const actor = staffActor(row, grants.get(row.session.userId) ?? []);
    resolved.set(token, { kind: 'active', session: row.session, actor });
  }
  return resolved;
}

/** Who a live session's holder is, from the session, its user and the roles they hold now. */
function staffActor(
  { session, user }: sessionsRepo.SessionWithUser,
  grants: identity.RoleGrant[],
): Actor & { kind: 'staff' } {
  const roles = grants.map((grant) => grant.role).filter(isStaffRole);
  return {
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
    sessionTokenHash: session.tokenHash,
    // A temporary password must be replaced before anything else.
    isSignedIn: !user.mustChangePassword && isSignedInAfter(roles, session.isSecondFactorDone),
  };
}
