import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { LanternDb } from '../../db/client.js';
import * as oidcLogins from '../../db/repositories/oidc-logins.repository.js';
import { OIDC_LOGIN_MINUTES } from '../../domain/identity/oidc-roles.js';
import { newToken, sha256 } from './credentials.js';
import { type OidcClient, randomLoginChecks } from './oidc-client.js';

/**
 * Starts signing in through the organisation's OpenID provider. The state, nonce and PKCE verifier
 * stay in the database; the browser gets only a random id for its cookie, and the provider's URL.
 */
export async function startOidcSignIn(
  ctx: ServiceContext,
  deps: { db: LanternDb; oidc: OidcClient },
): Promise<{ loginId: string; authorizationUrl: string }> {
  await authorise(ctx, 'session:create');
  const checks = randomLoginChecks();
  // Before any write, so an unreachable provider leaves nothing behind (and answers 503).
  const authorizationUrl = await deps.oidc.authorizationUrl(checks);
  const loginId = newToken();
  const now = ctx.now();
  await oidcLogins.deleteExpiredOidcLogins(deps.db, now);
  await oidcLogins.createOidcLogin(deps.db, {
    idHash: sha256(loginId),
    ...checks,
    createdAt: now,
    expiresAt: new Date(now.getTime() + OIDC_LOGIN_MINUTES * 60_000),
  });
  return { loginId, authorizationUrl };
}
