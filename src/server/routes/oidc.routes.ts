import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OidcStatus, type SignInState } from '../../contracts/identity.js';
import { Problem } from '../../contracts/problem.js';
import { webPaths } from '../../contracts/web-paths.js';
import type { LanternDb } from '../../db/client.js';
import { OIDC_LOGIN_MINUTES } from '../../domain/identity/oidc-roles.js';
import { finishOidcSignIn } from '../../services/identity/finish-oidc-sign-in.js';
import { createOidcClient, type OidcClient } from '../../services/identity/oidc-client.js';
import { oidcStatus } from '../../services/identity/oidc-status.js';
import { startOidcSignIn } from '../../services/identity/start-oidc-sign-in.js';
import type { Config } from '../config.js';
import { type SessionCookie, setSessionCookie } from '../plugins/session.js';
import { publicOperation } from './security.js';

const CALLBACK_PATH = '/api/session/oidc/callback';

/** The OpenID Connect client when the operator configured a provider, otherwise null. */
export function oidcFromConfig(config: Config, log: FastifyBaseLogger): OidcClient | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = config;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return createOidcClient(
    {
      issuer: OIDC_ISSUER,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      scopes: config.OIDC_SCOPES,
      roleClaim: config.OIDC_ROLE_CLAIM,
      roleMap: config.OIDC_ROLE_MAP ?? null,
      trustsMfa: config.OIDC_TRUSTS_MFA === 'true',
      providerName: config.OIDC_PROVIDER_NAME ?? null,
      // Read when needed, from the one address the provider has registered for Lantern.
      redirectUri: () => new URL(CALLBACK_PATH, config.PUBLIC_URL).href,
    },
    log,
  );
}

/**
 * The cookie naming this browser's sign-in under way. SameSite=Lax, not Strict, because the
 * provider's redirect back to the callback is a cross-site navigation; it lives 10 minutes and is
 * sent only to the OpenID Connect routes.
 */
function loginCookie(session: SessionCookie) {
  return {
    name: session.isSecure ? '__Secure-lantern_oidc' : 'lantern_oidc',
    options: {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: session.isSecure,
      path: '/api/session/oidc',
    },
  };
}

const nextPage: Record<SignInState, string> = {
  'password-change-required': webPaths.newPassword,
  'signed-in': webPaths.staffHome,
  'second-factor-required': webPaths.secondFactor,
  'second-factor-enrolment-required': webPaths.enrolSecondFactor,
};

/** Per address: far above what a person needs, far below a flood of sign-ins under way. */
const oidcRateLimit = { rateLimit: { max: 20, timeWindow: 60_000 } };
const redirect = z.null().describe('A redirect: see the Location header');
const tags = ['session'];

/** Always there, so the sign-in page knows whether to offer the organisation's account. */
export const oidcStatusRoutes: FastifyPluginAsyncZod<{ oidc: OidcClient | null }> = async (app, { oidc }) => {
  app.get(
    '/api/session/oidc',
    {
      schema: {
        summary: "Whether staff can sign in with their organisation's account (OpenID Connect)",
        tags,
        ...publicOperation,
        response: { 200: OidcStatus },
      },
    },
    (request) => oidcStatus(request.ctx, { oidc }),
  );
};

/**
 * Signing in through the organisation's OpenID provider: authorization code with PKCE, state and
 * nonce. Registered only when a provider is configured. Failures answer with problem details.
 */
export const oidcRoutes: FastifyPluginAsyncZod<{
  db: LanternDb;
  cookie: SessionCookie;
  oidc: OidcClient;
}> = async (app, { db, cookie, oidc }) => {
  const login = loginCookie(cookie);

  app.get(
    '/api/session/oidc/start',
    {
      config: oidcRateLimit,
      schema: {
        summary: "Start signing in with the organisation's account: redirects to the provider",
        tags,
        ...publicOperation,
        response: { 302: redirect, 429: Problem, 503: Problem },
      },
    },
    async (request, reply) => {
      const { loginId, authorizationUrl } = await startOidcSignIn(request.ctx, { db, oidc });
      reply.setCookie(login.name, loginId, { ...login.options, maxAge: OIDC_LOGIN_MINUTES * 60 });
      reply.header('cache-control', 'no-store');
      return reply.redirect(authorizationUrl, 302);
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      config: oidcRateLimit,
      schema: {
        summary: 'Where the provider sends people back: opens a session and redirects to the next page',
        tags,
        ...publicOperation,
        querystring: z.object({
          code: z.string().optional(),
          state: z.string().optional(),
          iss: z.string().optional(),
          error: z.string().optional(),
        }),
        response: { 302: redirect, 400: Problem, 403: Problem, 429: Problem, 503: Problem },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      // Used once whatever happens next, so the cookie goes now (it stays gone on an error too).
      reply.clearCookie(login.name, login.options);
      const query = request.url.indexOf('?');
      const { token, state } = await finishOidcSignIn(
        request.ctx,
        { db, oidc },
        {
          loginId: request.cookies[login.name],
          callbackSearch: query === -1 ? '' : request.url.slice(query),
        },
      );
      setSessionCookie(reply, cookie, token);
      return reply.redirect(nextPage[state], 302);
    },
  );
};
