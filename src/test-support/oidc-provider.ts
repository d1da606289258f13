import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import Provider, { type Configuration } from 'oidc-provider';
import type { Database } from '../db/client.js';
import { buildApp } from '../server/app.js';
import { type Config, loadConfig } from '../server/config.js';

// A real OpenID provider (the `oidc-provider` package) on 127.0.0.1, for tests of signing in with
// an organisation's account, and a cookie-carrying client to walk through it as a browser would.

/** What the provider says about a person it signs in. */
export interface ProviderAccount {
  email: string;
  roles: string[];
  isEmailVerified?: boolean;
}

export interface ProviderClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface TestProvider {
  issuer: string;
  /** The people the provider knows, by the login a test gives at its interaction step. */
  accounts: Map<string, ProviderAccount>;
  /** How many times a client has asked the token endpoint to exchange a code. */
  tokenRequests(): number;
  /** Starts answering, for clients whose redirect URIs are known only once Lantern listens. */
  serve(clients: ProviderClient[]): void;
  close(): Promise<void>;
}

/**
 * The interaction step a real provider would show as login and consent pages. Tests name the
 * account in `?login=`; this finishes the step with `interactionFinished`, as a provider's own
 * login page would. Without `?login=`, it shows a one-field login page for a real browser.
 */
const INTERACTION_PATH = '/test-interaction/';

/**
 * Listens on 127.0.0.1. `hostname: 'localhost'` gives the issuer another site than a Lantern on
 * 127.0.0.1, so a browser treats the redirects between them as cross-site, as in life.
 */
const loginPage = `<!doctype html><html lang="en"><head><title>Test provider</title><link rel="icon" href="data:,"></head><body><main>
<h1>Test provider</h1><form method="get"><label for="login">Account</label>
<input id="login" name="login"><button type="submit">Continue</button></form></main></body></html>`;

export async function startTestProvider(
  options: { hostname?: 'localhost' | '127.0.0.1' } = {},
): Promise<TestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://${options.hostname ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, ProviderAccount>();
  let tokenRequests = 0;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const configuration = (clients: ProviderClient[]): Configuration => ({
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [client.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] as never },
    cookies: { keys: ['a test cookie signing key'] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    // `roles` comes with its own scope, as NHS CIS2's roles come with `nationalrbacaccess`.
    claims: { openid: ['sub'], email: ['email', 'email_verified'], roles: ['roles'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.isEmailVerified ?? true,
          roles: account.roles,
        }),
      };
    },
  });

  const testProvider: TestProvider = {
    issuer,
    accounts,
    tokenRequests: () => tokenRequests,
    serve(clients) {
      const provider = new Provider(issuer, configuration(clients));
      provider.use(async (ctx, next) => {
        if (ctx.path === '/token') tokenRequests += 1;
        if (!ctx.path.startsWith(INTERACTION_PATH)) return next();
        const interaction = await provider.interactionDetails(ctx.req, ctx.res);
        const { prompt, params, session } = interaction;
        let result: Record<string, unknown>;
        if (prompt.name === 'login' && typeof ctx.query.login !== 'string') {
          ctx.type = 'html';
          ctx.body = loginPage;
          return;
        }
        if (prompt.name === 'login') {
          result = { login: { accountId: String(ctx.query.login) } };
        } else {
          const grant = interaction.grantId
            ? await provider.Grant.find(interaction.grantId)
            : new provider.Grant({ accountId: session?.accountId, clientId: String(params.client_id) });
          if (!grant) throw new Error('the interaction names a grant the provider does not have');
          const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
          if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
          if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
          result = { consent: { grantId: await grant.save() } };
        }
        ctx.respond = false;
        await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
      });
      server.on('request', provider.callback());
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return testProvider;
}

/** One browser: a cookie jar per host, redirects followed by the test, one hop at a time. */
export class TestBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  /** GETs a URL with this browser's cookies for its host, and keeps the cookies it sets. */
  async get(url: string | URL): Promise<Response> {
    const target = new URL(url);
    const jar = this.jars.get(target.host) ?? new Map<string, string>();
    this.jars.set(target.host, jar);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(target, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.trim().split(/=(.*)/s);
      const isCleared =
        value === '' ||
        attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) ||
        attributes.some((a) => /^\s*expires=.*1970/i.test(a));
      if (isCleared) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  cookie(host: string, name: string): string | undefined {
    return this.jars.get(host)?.get(name);
  }

  setCookie(host: string, name: string, value: string) {
    const jar = this.jars.get(host) ?? new Map<string, string>();
    jar.set(name, value);
    this.jars.set(host, jar);
  }
}

/** Where a redirect response points, resolved against the URL that answered it. */
export function locationOf(response: Response): URL {
  const location = response.headers.get('location');
  if (!location) throw new Error(`expected a redirect from ${response.url}, got ${response.status}`);
  return new URL(location, response.url);
}

/**
 * From Lantern's start route through the provider's login and consent, as `login`, up to (not
 * into) the redirect back to Lantern's callback; returns that callback URL and the start response.
 */
export async function walkToCallback(browser: TestBrowser, lanternUrl: string, login: string) {
  const start = await browser.get(`${lanternUrl}/api/session/oidc/start`);
  if (start.status !== 302) throw new Error(`start answered ${start.status}: ${await start.text()}`);
  let next = locationOf(start);
  for (let hop = 0; hop < 10; hop += 1) {
    if (next.origin === new URL(lanternUrl).origin) return { start, callbackUrl: next };
    if (next.pathname.startsWith(INTERACTION_PATH)) next.searchParams.set('login', login);
    const response = await browser.get(next);
    if (![302, 303].includes(response.status)) {
      throw new Error(`${next.pathname} answered ${response.status}: ${await response.text()}`);
    }
    next = locationOf(response);
  }
  throw new Error('the provider never sent the browser back to Lantern');
}

export interface Lantern {
  app: FastifyInstance;
  url: string;
  host: string;
  client: ProviderClient;
}

/** Lantern on a free port, as the provider's client `clientId`; settings as an operator sets them. */
export async function listeningLantern(
  database: Database,
  now: () => Date,
  clientId: string,
  env: Record<string, string>,
): Promise<Lantern> {
  const clientSecret = `${clientId}-secret`;
  const config: Config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      LANTERN_DEMO: 'off',
      PUBLIC_URL: 'http://127.0.0.1',
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_SCOPES: 'openid email roles',
      ...env,
    }),
    dataDir: 'memory://',
  };
  const app = await buildApp(config, { database, now, webAppFolder: '/nonexistent-web-build' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const host = `127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // Lantern learns its port only once listening; it reads PUBLIC_URL when it builds a redirect URI.
  config.PUBLIC_URL = `http://${host}`;
  const url = config.PUBLIC_URL;
  return {
    app,
    url,
    host,
    client: { clientId, clientSecret, redirectUri: `${url}/api/session/oidc/callback` },
  };
}

/** A port nothing listens on, for a provider that cannot be reached. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
