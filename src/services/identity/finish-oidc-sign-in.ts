import { authorise, type ServiceContext } from '../../access/authorise.js';
import { isStaffRole, needsSecondFactor, type StaffRole } from '../../access/roles.js';
import type { SignInState } from '../../contracts/identity.js';
import type { LanternDb } from '../../db/client.js';
import * as identity from '../../db/repositories/identity.repository.js';
import * as oidcLogins from '../../db/repositories/oidc-logins.repository.js';
import { AppError } from '../../domain/app-error.js';
import { mappedRoles, planRoleChanges } from '../../domain/identity/oidc-roles.js';
import { signInState } from '../../domain/identity/sign-in-state.js';
import { recordChange } from '../audit/record-change.js';
import { sha256 } from './credentials.js';
import type { OidcClient } from './oidc-client.js';
import { type OpenedSession, openSession } from './open-session.js';

const EXPIRED =
  'This sign-in has expired or has already been used. Go back to the sign-in page and start again.';
const NO_ACCOUNT = 'No Lantern account for this email address; ask your administrator';
const UNVERIFIED =
  'Your organisation has not confirmed your email address, so Lantern cannot find your account; ask your administrator.';
const NO_ROLE = "Your organisation's account gives you no role in Lantern; ask your administrator.";

/** Refuses the sign-in, writing why to the access log (never the email address). */
async function refuse(ctx: ServiceContext, reason: string, message: string, userId?: string): Promise<never> {
  await ctx.recordAccess({
    subjectKind: userId ? 'user' : 'session',
    subjectId: userId ?? null,
    action: 'session:create',
    outcome: 'denied',
    basis: 'openid-connect',
    reason,
  });
  throw new AppError('forbidden', message);
}

/**
 * Makes a person's roles exactly those the provider's role claim maps to: missing ones granted
 * across the organisation, others revoked, each change with its audit row.
 */
async function syncRoles(ctx: ServiceContext, db: LanternDb, userId: string, wanted: StaffRole[]) {
  const now = ctx.now();
  const source = 'openid-connect';
  await db.transaction(async (tx) => {
    const { toGrant, toRevoke } = planRoleChanges(await identity.activeRoles(tx, userId), wanted);
    for (const grant of toRevoke) {
      const revoked = await identity.revokeRole(tx, userId, grant.id, now);
      if (!revoked) continue;
      await recordChange(tx, ctx, {
        entity: 'user',
        entityId: userId,
        action: 'role-revoked',
        before: { role: revoked.role, teamId: revoked.teamId, schoolUrn: revoked.schoolUrn },
        after: { source },
        userId,
      });
    }
    for (const role of toGrant) {
      const granted = await identity.addRoleGrant(tx, { userId, role, at: now });
      // Already held (a sign-in racing this one granted it first): nothing changed, nothing to audit.
      if (!granted) continue;
      await recordChange(tx, ctx, {
        entity: 'user',
        entityId: userId,
        action: 'role-granted',
        after: { role, grantId: granted.id, source },
        userId,
      });
    }
  });
}

/**
 * Finishes signing in through the organisation's OpenID provider. The sign-in must be this
 * browser's own, unexpired and unused; the provider's email must belong to an active Lantern
 * account (nobody is created here). The session is always new. A second factor is still asked for
 * when the person's roles need one, unless the operator trusts the provider's own.
 */
export async function finishOidcSignIn(
  ctx: ServiceContext,
  deps: { db: LanternDb; oidc: OidcClient },
  input: { loginId: string | undefined; callbackSearch: string },
): Promise<OpenedSession & { state: SignInState }> {
  await authorise(ctx, 'session:create');
  const login = input.loginId
    ? await oidcLogins.claimOidcLogin(deps.db, sha256(input.loginId), ctx.now())
    : null;
  if (!login) throw new AppError('bad-request', EXPIRED);
  const vouched = await deps.oidc.finish(input.callbackSearch, login);
  if (vouched.isEmailUnverified) return refuse(ctx, 'email-unverified', UNVERIFIED);
  const user = vouched.email ? await identity.findUserByEmail(deps.db, vouched.email) : null;
  if (!user?.isActive) return refuse(ctx, 'no-account', NO_ACCOUNT);

  const { roleMap, trustsMfa } = deps.oidc.settings;
  let roles: StaffRole[];
  if (roleMap) {
    roles = mappedRoles(vouched.roleClaim, roleMap);
    await syncRoles(ctx, deps.db, user.id, roles);
    if (roles.length === 0) return refuse(ctx, 'no-role', NO_ROLE, user.id);
  } else {
    roles = (await identity.activeRoles(deps.db, user.id)).map((grant) => grant.role).filter(isStaffRole);
  }

  const isSecondFactorDone = trustsMfa || !needsSecondFactor(roles);
  const session = await deps.db.transaction((tx) =>
    openSession(tx, ctx, user.id, isSecondFactorDone, 'openid-connect'),
  );
  const state: SignInState = signInState({
    mustChangePassword: false,
    hasSecondFactor: user.totpConfirmedAt !== null,
    needsSecondFactor: needsSecondFactor(roles),
    isSecondFactorDone,
  });
  return { ...session, state };
}
