import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accessLog, auditLog } from '../../db/schema/audit.js';
import { oidcLogins, userRoles, users } from '../../db/schema/identity.js';
import { writeDemoArea } from '../../demo/write-demo-area.js';
import { sha256 } from '../../services/identity/credentials.js';
import { TEST_SEED } from '../../test-support/app.js';
import { type TestDatabase, testDatabases } from '../../test-support/databases.js';
import {
  closedPort,
  type Lantern,
  listeningLantern,
  locationOf,
  type ProviderAccount,
  startTestProvider,
  TestBrowser,
  type TestProvider,
  walkToCallback,
} from '../../test-support/oidc-provider.js';
import {
  demoUserOfRole,
  enrolledDemoUser,
  giveSecondFactor,
  MINUTE,
  readSession,
  SESSION_COOKIE,
  testClock,
  totpCode,
} from '../../test-support/session.js';
import { buildApp } from '../app.js';
import { testConfig } from '../config.js';

// Signing staff in through a real OpenID provider (oidc-provider) running inside the test, with
// Lantern listening on a real port so the browser's redirects go where they would in life.

const LOGIN_COOKIE = 'lantern_oidc';
const roleMap = {
  'lantern-referrer': 'school-staff-referrer',
  'lantern-emhp': 'emhp',
  'lantern-admin': 'system-administrator',
};

describe.each(testDatabases)('signing in with OpenID Connect on $name', (factory) => {
  const clock = testClock('2026-11-24T09:00:00Z');
  let testDb: TestDatabase;
  let provider: TestProvider;
  let mapped: Lantern;
  let trusting: Lantern;

  beforeAll(async () => {
    testDb = await factory.create();
    await writeDemoArea(testDb.database, { seed: TEST_SEED, scale: 1 });
    provider = await startTestProvider();
    mapped = await listeningLantern(testDb.database, clock.now, 'lantern-mapped', {
      OIDC_ISSUER: provider.issuer,
      OIDC_ROLE_MAP: JSON.stringify(roleMap),
      OIDC_PROVIDER_NAME: 'Test Care Identity',
    });
    trusting = await listeningLantern(testDb.database, clock.now, 'lantern-trusting', {
      OIDC_ISSUER: provider.issuer,
      OIDC_TRUSTS_MFA: 'true',
    });
    provider.serve([mapped.client, trusting.client]);
  });
  afterAll(async () => {
    await mapped?.app.close();
    await trusting?.app.close();
    await provider?.close();
    await testDb?.dispose();
  });
  // A TOTP code works once per 30-second step, so every test starts a step pair later.
  beforeEach(() => clock.advance(MINUTE));

  const db = () => testDb.database.db;
  const activeRolesOf = async (userId: string) =>
    (await db().select().from(userRoles).where(eq(userRoles.userId, userId)))
      .filter((grant) => grant.revokedAt === null)
      .map((grant) => grant.role)
      .sort();
  const roleAuditOf = (userId: string) =>
    db()
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, userId), inArray(auditLog.action, ['role-granted', 'role-revoked'])));
  const signInAs = async (lantern: Lantern, login: string, account: ProviderAccount) => {
    provider.accounts.set(login, account);
    const browser = new TestBrowser();
    const walked = await walkToCallback(browser, lantern.url, login);
    const loginId = browser.cookie(lantern.host, LOGIN_COOKIE);
    const callback = await browser.get(walked.callbackUrl);
    return { browser, ...walked, loginId, callback, session: browser.cookie(lantern.host, SESSION_COOKIE) };
  };

  it('grants a mapped role and revokes an unmapped one, with audit rows, then signs in', async () => {
    const person = demoUserOfRole('commissioner', 1);
    expect(await activeRolesOf(person.id)).toEqual(['commissioner']);
    const { start, loginId, callback, session, browser } = await signInAs(mapped, 'commissioner-1', {
      email: person.email.toUpperCase(),
      roles: ['lantern-referrer', 'not-a-lantern-group'],
    });

    const authorize = locationOf(start);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('client_id')).toBe('lantern-mapped');
    expect(authorize.searchParams.get('redirect_uri')).toBe(mapped.client.redirectUri);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(authorize.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    const loginCookie = start.headers.getSetCookie().find((c) => c.startsWith(`${LOGIN_COOKIE}=`)) ?? '';
    expect(loginCookie).toMatch(/;\s*HttpOnly/i);
    expect(loginCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(loginCookie).toMatch(/;\s*Max-Age=600/i);
    expect(loginCookie).toMatch(/;\s*Path=\/api\/session\/oidc(;|$)/i);
    // The database keeps only the hash of the cookie's id, with the checks beside it.
    const [stored] = await db()
      .select()
      .from(oidcLogins)
      .where(eq(oidcLogins.idHash, sha256(loginId ?? '')));
    expect(stored?.state).toBe(authorize.searchParams.get('state'));
    expect(stored?.usedAt).not.toBeNull();

    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/staff');
    expect(session).toBeDefined();
    expect(browser.cookie(mapped.host, LOGIN_COOKIE)).toBeUndefined();
    const info = await readSession(mapped.app, session ?? '');
    expect(info.json()).toMatchObject({ state: 'signed-in', user: { id: person.id } });
    expect(info.json().roles.map((r: { role: string }) => r.role)).toEqual(['school-staff-referrer']);
    expect(await activeRolesOf(person.id)).toEqual(['school-staff-referrer']);
    const audit = await roleAuditOf(person.id);
    expect(audit).toHaveLength(2);
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'role-granted',
        after: expect.objectContaining({ role: 'school-staff-referrer', source: 'openid-connect' }),
      }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'role-revoked',
        before: expect.objectContaining({ role: 'commissioner' }),
      }),
    );
  });

  it('refuses an email with no active Lantern account, or one the provider has not confirmed', async () => {
    const { callback, session } = await signInAs(mapped, 'stranger', {
      email: 'stranger@other-trust.example',
      roles: ['lantern-admin'],
    });
    expect(callback.status).toBe(403);
    expect(callback.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await callback.json()).detail).toBe(
      'No Lantern account for this email address; ask your administrator',
    );
    expect(session).toBeUndefined();
    const denials = await db()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.basis, 'openid-connect'), eq(accessLog.reason, 'no-account')));
    expect(denials).toHaveLength(1);
    expect(JSON.stringify(denials)).not.toContain('stranger');

    const leaver = demoUserOfRole('school-staff-referrer', 6);
    await db().update(users).set({ isActive: false }).where(eq(users.id, leaver.id));
    const deactivated = await signInAs(mapped, 'leaver', {
      email: leaver.email,
      roles: ['lantern-referrer'],
    });
    expect(deactivated.callback.status).toBe(403);
    expect(deactivated.session).toBeUndefined();

    const unconfirmed = demoUserOfRole('school-staff-referrer', 7);
    const unverified = await signInAs(mapped, 'unconfirmed', {
      email: unconfirmed.email,
      roles: ['lantern-referrer'],
      isEmailVerified: false,
    });
    expect(unverified.callback.status).toBe(403);
    expect(unverified.session).toBeUndefined();
  });

  it('refuses a replayed callback, with or without the sign-in cookie', async () => {
    const person = demoUserOfRole('school-staff-referrer', 2);
    const first = await signInAs(mapped, 'referrer-2', { email: person.email, roles: ['lantern-referrer'] });
    expect(first.callback.status).toBe(302);
    expect(first.session).toBeDefined();

    const attacker = new TestBrowser();
    attacker.setCookie(mapped.host, LOGIN_COOKIE, first.loginId ?? '');
    const replayed = await attacker.get(first.callbackUrl);
    expect(replayed.status).toBe(400);
    expect(replayed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // Refused by Lantern itself, before the provider is asked (which would refuse the used code too).
    expect((await replayed.json()).detail).toMatch(/expired or has already been used/);
    expect(attacker.cookie(mapped.host, SESSION_COOKIE)).toBeUndefined();

    const withoutCookie = await new TestBrowser().get(first.callbackUrl);
    expect(withoutCookie.status).toBe(400);
    expect((await withoutCookie.json()).detail).toMatch(/expired or has already been used/);
    expect(withoutCookie.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
  });

  it("refuses another sign-in's callback in this browser, before any code is exchanged", async () => {
    const person = demoUserOfRole('school-staff-referrer', 5);
    provider.accounts.set('referrer-5', { email: person.email, roles: ['lantern-referrer'] });
    // Someone walks through their own sign-in and gets a victim's browser to open its callback.
    const { callbackUrl } = await walkToCallback(new TestBrowser(), mapped.url, 'referrer-5');
    const victim = new TestBrowser();
    await victim.get(`${mapped.url}/api/session/oidc/start`);
    const exchangesBefore = provider.tokenRequests();
    const forced = await victim.get(callbackUrl);
    expect(forced.status).toBe(400);
    expect(victim.cookie(mapped.host, SESSION_COOKIE)).toBeUndefined();
    expect(provider.tokenRequests()).toBe(exchangesBefore);
  });

  it('refuses a sign-in finished more than 10 minutes after it started', async () => {
    const person = demoUserOfRole('school-staff-referrer', 3);
    provider.accounts.set('referrer-3', { email: person.email, roles: ['lantern-referrer'] });
    const browser = new TestBrowser();
    const { callbackUrl } = await walkToCallback(browser, mapped.url, 'referrer-3');
    clock.advance(11 * MINUTE);
    const late = await browser.get(callbackUrl);
    expect(late.status).toBe(400);
    expect((await late.json()).detail).toMatch(/expired or has already been used/);
    expect(browser.cookie(mapped.host, SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses when the provider answers with an error instead of a code', async () => {
    const browser = new TestBrowser();
    const start = await browser.get(`${mapped.url}/api/session/oidc/start`);
    const state = locationOf(start).searchParams.get('state') ?? '';
    const denied = new URL(mapped.client.redirectUri);
    denied.search = new URLSearchParams({ error: 'access_denied', state, iss: provider.issuer }).toString();
    const response = await browser.get(denied);
    expect(response.status).toBe(400);
    expect((await response.json()).detail).toMatch(/did not finish/);
    expect(browser.cookie(mapped.host, SESSION_COOKIE)).toBeUndefined();
  });

  it('still asks for the authenticator code when the provider is not trusted for it', async () => {
    const emhp = enrolledDemoUser('emhp');
    const rolesBefore = await activeRolesOf(emhp.id);
    const { callback, session } = await signInAs(mapped, 'emhp', {
      email: emhp.email,
      roles: ['lantern-emhp'],
    });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/staff/sign-in/code');
    const halfOpen = await readSession(mapped.app, session ?? '');
    expect(halfOpen.json().state).toBe('second-factor-required');
    expect(halfOpen.json().permissions).not.toContain('session:read-own');
    expect(await activeRolesOf(emhp.id)).toEqual(rolesBefore);
    expect(await roleAuditOf(emhp.id)).toEqual([]);

    const code = await totpCode(emhp.totpSecret, clock.now());
    const finished = await giveSecondFactor(
      mapped.app,
      { token: session ?? '', csrfToken: halfOpen.json().csrfToken, state: 'second-factor-required' },
      code,
      '10.3.1.1',
    );
    expect(finished.statusCode).toBe(200);
    expect(finished.json()).toEqual({ state: 'signed-in' });
  });

  it('sends someone with no authenticator app yet to set one up', async () => {
    const newcomer = demoUserOfRole('emhp', 1);
    const { callback, session } = await signInAs(mapped, 'emhp-1', {
      email: newcomer.email,
      roles: ['lantern-emhp'],
    });
    expect(callback.headers.get('location')).toBe('/staff/sign-in/set-up-app');
    expect((await readSession(mapped.app, session ?? '')).json().state).toBe(
      'second-factor-enrolment-required',
    );
  });

  it('refuses someone the role claim gives no Lantern role, and takes away the roles they had', async () => {
    const person = demoUserOfRole('school-staff-referrer', 4);
    const { callback, session } = await signInAs(mapped, 'referrer-4', {
      email: person.email,
      roles: ['payroll-clerks'],
    });
    expect(callback.status).toBe(403);
    expect(session).toBeUndefined();
    expect(await activeRolesOf(person.id)).toEqual([]);
    expect((await roleAuditOf(person.id)).map((row) => row.action)).toEqual(['role-revoked']);
  });

  it('counts the provider as the second factor when trusted, keeping Lantern roles with no map', async () => {
    const supervisor = enrolledDemoUser('supervisor');
    const rolesBefore = await activeRolesOf(supervisor.id);
    const { callback, session } = await signInAs(trusting, 'supervisor', {
      email: supervisor.email,
      roles: ['lantern-admin'],
    });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/staff');
    const info = await readSession(trusting.app, session ?? '');
    expect(info.json().state).toBe('signed-in');
    expect(info.json().roles.map((r: { role: string }) => r.role)).toEqual(['supervisor']);
    expect(await activeRolesOf(supervisor.id)).toEqual(rolesBefore);
    expect(await roleAuditOf(supervisor.id)).toEqual([]);
  });

  it('tells the sign-in page whether the organisation sign-in is there', async () => {
    const enabled = await mapped.app.inject('/api/session/oidc');
    expect(enabled.json()).toEqual({ isEnabled: true, providerName: 'Test Care Identity' });
    expect((await trusting.app.inject('/api/session/oidc')).json()).toEqual({ isEnabled: true });

    const plain = await buildApp(testConfig(), { database: testDb.database, webAppFolder: '/nonexistent' });
    try {
      expect((await plain.inject('/api/session/oidc')).json()).toEqual({ isEnabled: false });
      expect((await plain.inject('/api/session/oidc/start')).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('answers 503 from the start route when the provider cannot be reached', async () => {
    const config = testConfig({
      OIDC_ISSUER: `http://127.0.0.1:${await closedPort()}`,
      OIDC_CLIENT_ID: 'lantern',
      OIDC_CLIENT_SECRET: 'unused',
    });
    const app = await buildApp(config, { database: testDb.database, webAppFolder: '/nonexistent' });
    try {
      const response = await app.inject('/api/session/oidc/start');
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['set-cookie']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
