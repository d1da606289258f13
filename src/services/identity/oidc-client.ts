import * as client from 'openid-client';
import type { StaffRole } from '../../access/roles.js';
import { AppError } from '../../domain/app-error.js';

// The one place that talks to the OpenID provider (through openid-client): discovery, the
// authorization URL, and the code exchange with ID token validation. Services get plain values.

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  roleClaim: string;
  /** When set, the provider decides a person's roles at every sign-in. */
  roleMap: Readonly<Record<string, StaffRole>> | null;
  /** Whether signing in through the provider counts as the second factor. */
  trustsMfa: boolean;
  providerName: string | null;
  /** Where the provider sends people back; read when needed. */
  redirectUri: () => string;
}

/** What the provider vouched for, from the validated ID token and, where needed, its userinfo. */
export interface ProviderIdentity {
  email: string | null;
  /** False only when the provider says the email address is unconfirmed. */
  isEmailUnverified: boolean;
  roleClaim: unknown;
}

/** The state, nonce and PKCE verifier of one sign-in, kept server-side between start and callback. */
export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcClient {
  settings: OidcSettings;
  authorizationUrl(checks: LoginChecks): Promise<string>;
  /** Exchanges the code from the callback's query string; any failure is a 400 with no detail. */
  finish(callbackSearch: string, checks: LoginChecks): Promise<ProviderIdentity>;
}

interface Logger {
  warn(details: object, message: string): void;
}

const UNAVAILABLE =
  "Signing in with your organisation's account is not working right now. Sign in with your email address and password, or try again later.";
const DID_NOT_FINISH =
  "Signing in with your organisation's account did not finish. Go back to the sign-in page and start again.";

/** What is safe to log about a failure: never tokens, codes or claims. */
function describeFailure(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error) };
  const coded = error as Error & { code?: unknown; error?: unknown };
  return { kind: error.name, code: coded.code, error: coded.error, message: error.message };
}

export function randomLoginChecks(): LoginChecks {
  return {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
  };
}

export function createOidcClient(settings: OidcSettings, log: Logger): OidcClient {
  const issuer = new URL(settings.issuer);
  // Config allows plain http only for a provider on this machine (the tests' provider).
  const execute = issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [];
  let discovered: Promise<client.Configuration> | null = null;

  async function discover(): Promise<client.Configuration> {
    const found = await client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
      execute,
    });
    // A provider that lists no methods supports client_secret_basic (OpenID Connect Discovery 1.0).
    const methods = found.serverMetadata().token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    if (!methods.includes('client_secret_basic')) return found;
    const configuration = new client.Configuration(
      found.serverMetadata(),
      settings.clientId,
      settings.clientSecret,
      client.ClientSecretBasic(settings.clientSecret),
    );
    for (const step of execute) step(configuration);
    return configuration;
  }

  /** The provider's metadata, fetched on first use and kept; a failure is retried next time. */
  function configuration(): Promise<client.Configuration> {
    discovered ??= discover().catch((error: unknown) => {
      discovered = null;
      log.warn(
        { issuer: settings.issuer, failure: describeFailure(error) },
        'OpenID Connect discovery failed',
      );
      throw new AppError('unavailable', UNAVAILABLE);
    });
    return discovered;
  }

  return {
    settings,

    async authorizationUrl(checks) {
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: settings.redirectUri(),
        scope: settings.scopes,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      });
      return url.href;
    },

    async finish(callbackSearch, checks) {
      const config = await configuration();
      const currentUrl = new URL(settings.redirectUri());
      currentUrl.search = callbackSearch;
      try {
        // Checks the state, the issuer, the PKCE verifier, and the ID token's signature, audience,
        // expiry and nonce.
        const tokens = await client.authorizationCodeGrant(config, currentUrl, {
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          pkceCodeVerifier: checks.codeVerifier,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) throw new Error('no ID token');
        let claims: Record<string, unknown> = idToken;
        // Many providers, NHS CIS2 among them, give email and roles only from the userinfo endpoint.
        const lacksClaims = !('email' in idToken) || (settings.roleMap && !(settings.roleClaim in idToken));
        if (lacksClaims && config.serverMetadata().userinfo_endpoint) {
          const userInfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
          claims = { ...userInfo, ...idToken };
        }
        return {
          email: typeof claims.email === 'string' ? claims.email : null,
          isEmailUnverified: claims.email_verified === false,
          roleClaim: claims[settings.roleClaim],
        };
      } catch (error) {
        log.warn({ failure: describeFailure(error) }, 'OpenID Connect sign-in did not finish');
        throw new AppError('bad-request', DID_NOT_FINISH);
      }
    },
  };
}
