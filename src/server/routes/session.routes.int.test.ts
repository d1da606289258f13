import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo-staff.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  demoUserOfRole,
  enrolledDemoUser,
  giveSecondFactor,
  HOUR,
  MINUTE,
  problemOf,
  readSession,
  SESSION_COOKIE,
  type Session,
  sessionTokenFrom,
  signIn,
  signInWithTotp,
  testClock,
  totpCode,
} from '../../test-support/session.js';

const referrer = demoUserOfRole('school-staff-referrer');
const emhp = enrolledDemoUser('emhp');
const admin = enrolledDemoUser('system-administrator');

describe.each(testDatabases)('signing in and out on $name', (factory) => {
  const clock = testClock('2026-11-24T09:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
  });
  afterAll(() => ctx?.dispose());
  // A TOTP code works once per 30-second step, so every test starts a step pair later.
  beforeEach(() => clock.advance(MINUTE));

  const post = (url: string, remoteAddress: string, payload?: object, extra: object = {}) =>
    ctx.app.inject({ method: 'POST', url, remoteAddress, ...(payload ? { payload } : {}), ...extra });

  it('signs in staff who need no second factor with a strict session-only cookie', async () => {
    const response = await post('/api/session', '10.1.1.1', {
      email: referrer.email,
      password: DEMO_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ state: 'signed-in' });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Max-Age|Expires/i);
    const info = await readSession(ctx.app, sessionTokenFrom(response) ?? '');
    expect(info.statusCode).toBe(200);
    expect(info.headers['cache-control']).toBe('no-store');
    expect(info.json()).toMatchObject({ state: 'signed-in', user: { id: referrer.id } });
    expect(info.json().roles.map((r: { role: string }) => r.role)).toEqual(['school-staff-referrer']);
    expect(info.json().csrfToken).toMatch(/^[\w-]{32,}$/);
  });

  it('answers a wrong password and an unknown email alike, with no cookie', async () => {
    const wrong = await post('/api/session', '10.1.2.1', { email: referrer.email, password: 'not-it' });
    const unknown = await post('/api/session', '10.1.2.2', {
      email: 'nobody@demo.lantern.example',
      password: DEMO_PASSWORD,
    });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect(problemOf(wrong)).toEqual(problemOf(unknown));
  });

  it('makes a new session after the second factor, so a planted half-open cookie is worthless', async () => {
    const halfOpen = await signIn(ctx.app, emhp.email, { remoteAddress: '10.1.3.1' });
    expect(halfOpen.state).toBe('second-factor-required');
    const denied = await ctx.app.inject({
      url: '/api/admin/users',
      cookies: { [SESSION_COOKIE]: halfOpen.token },
    });
    expect(denied.statusCode).toBe(401);
    const code = await totpCode(emhp.totpSecret, clock.now());
    const finished = await giveSecondFactor(ctx.app, halfOpen, code, '10.1.3.1');
    expect(finished.statusCode).toBe(200);
    expect(finished.json()).toEqual({ state: 'signed-in' });
    const fresh = sessionTokenFrom(finished);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(halfOpen.token);
    expect((await readSession(ctx.app, halfOpen.token)).statusCode).toBe(401);
    expect((await readSession(ctx.app, fresh ?? '')).json().state).toBe('signed-in');
  });

  it('accepts a TOTP code only once', async () => {
    const user = enrolledDemoUser('supervisor');
    const code = await totpCode(user.totpSecret, clock.now());
    const first = await signIn(ctx.app, user.email, { remoteAddress: '10.1.4.1' });
    expect((await giveSecondFactor(ctx.app, first, code, '10.1.4.1')).statusCode).toBe(200);
    const second = await signIn(ctx.app, user.email, { remoteAddress: '10.1.4.2' });
    const replay = await giveSecondFactor(ctx.app, second, code, '10.1.4.2');
    expect(replay.statusCode).toBe(401);
    expect(sessionTokenFrom(replay)).toBeUndefined();
  });

  it('enrols an authenticator app, then accepts each recovery code once', async () => {
    const newcomer = demoUserOfRole('emhp', 1);
    expect(newcomer.email).not.toBe(emhp.email);
    const halfOpen = await signIn(ctx.app, newcomer.email, { remoteAddress: '10.1.5.1' });
    expect(halfOpen.state).toBe('second-factor-enrolment-required');
    const auth = asSession(halfOpen);
    const start = await post('/api/session/second-factor/enrolment', '10.1.5.1', undefined, auth);
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = start.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUri).toContain(secret);
    expect(qrSvg).toContain('<svg');
    const code = await totpCode(secret, clock.now());
    const confirm = await post('/api/session/second-factor/enrolment/confirm', '10.1.5.1', { code }, auth);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().state).toBe('signed-in');
    const recoveryCodes: string[] = confirm.json().recoveryCodes;
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(recoveryCodes.every((c) => /^[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(c))).toBe(true);
    const recoveryCode = recoveryCodes[3] ?? '';
    expect((await readSession(ctx.app, sessionTokenFrom(confirm) ?? '')).json().state).toBe('signed-in');

    const later = await signIn(ctx.app, newcomer.email, { remoteAddress: '10.1.5.2' });
    expect(later.state).toBe('second-factor-required');
    // Typed as people do, in lower case without the dash.
    const typed = recoveryCode.toLowerCase().replace('-', '');
    const recovered = await giveSecondFactor(ctx.app, later, typed, '10.1.5.2');
    expect(recovered.statusCode, recovered.body).toBe(200);
    expect((await readSession(ctx.app, sessionTokenFrom(recovered) ?? '')).json().state).toBe('signed-in');
    const again = await signIn(ctx.app, newcomer.email, { remoteAddress: '10.1.5.3' });
    expect((await giveSecondFactor(ctx.app, again, recoveryCode, '10.1.5.3')).statusCode).toBe(401);
  });

  it('refuses a state change without the CSRF token, and one from another site', async () => {
    const session = await signIn(ctx.app, referrer.email, { remoteAddress: '10.1.6.1' });
    const cookies = { [SESSION_COOKIE]: session.token };
    const forged = await ctx.app.inject({ method: 'DELETE', url: '/api/session', cookies });
    expect(forged.statusCode).toBe(403);
    expect(forged.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await readSession(ctx.app, session.token)).statusCode).toBe(200);
    const signedOut = await ctx.app.inject({ method: 'DELETE', url: '/api/session', ...asSession(session) });
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.json()).toEqual({ endedSessions: 1 });
    expect((await readSession(ctx.app, session.token)).statusCode).toBe(401);
    const crossSite = await post(
      '/api/session',
      '10.1.6.2',
      { email: referrer.email, password: DEMO_PASSWORD },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(crossSite.statusCode).toBe(403);
    expect(sessionTokenFrom(crossSite)).toBeUndefined();
  });

  it('ends a session left idle for 31 minutes', async () => {
    const session = await signIn(ctx.app, referrer.email, { remoteAddress: '10.1.7.1' });
    clock.advance(29 * MINUTE);
    expect((await readSession(ctx.app, session.token)).statusCode).toBe(200);
    clock.advance(31 * MINUTE);
    expect((await readSession(ctx.app, session.token)).statusCode).toBe(401);
  });

  it('ends a session 12 hours after signing in, however often it is used', async () => {
    const session = await signIn(ctx.app, referrer.email, { remoteAddress: '10.1.8.1' });
    for (let elapsed = 20 * MINUTE; elapsed < 12 * HOUR; elapsed += 20 * MINUTE) {
      clock.advance(20 * MINUTE);
      expect((await readSession(ctx.app, session.token)).statusCode, `after ${elapsed / MINUTE} min`).toBe(
        200,
      );
    }
    clock.advance(20 * MINUTE);
    expect((await readSession(ctx.app, session.token)).statusCode).toBe(401);
  });

  const signOutEverywhere = (session: Session) =>
    ctx.app.inject({ method: 'DELETE', url: '/api/sessions', ...asSession(session) });

  it('signs out everywhere: every session of that person ends', async () => {
    const lead = demoUserOfRole('senior-mental-health-lead', 0);
    const first = await signIn(ctx.app, lead.email, { remoteAddress: '10.1.9.1' });
    const second = await signIn(ctx.app, lead.email, { remoteAddress: '10.1.9.2' });
    const response = await signOutEverywhere(first);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ endedSessions: 2 });
    expect((await readSession(ctx.app, first.token)).statusCode).toBe(401);
    expect((await readSession(ctx.app, second.token)).statusCode).toBe(401);
  });

  it('counts only live sessions when signing out everywhere, not one that already timed out', async () => {
    const lead = demoUserOfRole('senior-mental-health-lead', 1);
    await signIn(ctx.app, lead.email, { remoteAddress: '10.1.10.1' });
    clock.advance(31 * MINUTE);
    const first = await signIn(ctx.app, lead.email, { remoteAddress: '10.1.10.2' });
    await signIn(ctx.app, lead.email, { remoteAddress: '10.1.10.3' });
    expect((await signOutEverywhere(first)).json()).toEqual({ endedSessions: 2 });
  });

  it('stops a password-guessing burst from one address', async () => {
    const target = demoUserOfRole('school-staff-referrer', 1);
    const statuses: number[] = [];
    let cookiesSet = 0;
    for (let n = 0; n < 1000; n += 1) {
      const response = await post('/api/session', '10.9.9.9', {
        email: target.email,
        password: `guess-${n}`,
      });
      statuses.push(response.statusCode);
      if (sessionTokenFrom(response)) cookiesSet += 1;
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(985);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    expect(cookiesSet).toBe(0);
    const right = await post('/api/session', '10.9.9.9', {
      email: target.email,
      password: DEMO_PASSWORD,
    });
    expect(right.statusCode).toBe(429);
    const other = demoUserOfRole('school-staff-referrer', 2);
    const bystander = await post('/api/session', '10.9.9.9', {
      email: other.email,
      password: DEMO_PASSWORD,
    });
    expect(bystander.statusCode).toBe(429);
    expect(bystander.json().detail).toMatch(/from this address/);
  });

  it('makes an email wait after five failures from anywhere, known or not', async () => {
    const answers = [];
    for (const [index, email] of [
      demoUserOfRole('commissioner', 1).email,
      'ghost@demo.lantern.example',
    ].entries()) {
      for (let n = 1; n <= 5; n += 1) {
        const wrong = await post('/api/session', `10.1.11.${index * 10 + n}`, { email, password: 'wrong' });
        expect(wrong.statusCode).toBe(401);
      }
      const right = await post('/api/session', `10.1.12.${index}`, { email, password: DEMO_PASSWORD });
      expect(right.statusCode).toBe(429);
      expect(right.json().detail).toMatch(/wait/i);
      expect(sessionTokenFrom(right)).toBeUndefined();
      answers.push(problemOf(right));
    }
    expect(answers[0]).toEqual(answers[1]);
  });

  it('keeps counting wrong second-factor codes when the password is given again', async () => {
    const user = enrolledDemoUser('senior-practitioner');
    const rightCode = await totpCode(user.totpSecret, clock.now());
    const wrongCode = rightCode === '000000' ? '111111' : '000000';
    const first = await signIn(ctx.app, user.email, { remoteAddress: '10.1.14.1' });
    for (let n = 1; n <= 4; n += 1) {
      expect((await giveSecondFactor(ctx.app, first, wrongCode, `10.1.14.${n}`)).statusCode).toBe(401);
    }
    // The password alone must not wipe out the failures that protect the second factor.
    const second = await signIn(ctx.app, user.email, { remoteAddress: '10.1.14.5' });
    expect((await giveSecondFactor(ctx.app, second, wrongCode, '10.1.14.6')).statusCode).toBe(401);
    const afterFive = await giveSecondFactor(ctx.app, second, rightCode, '10.1.14.7');
    expect(afterFive.statusCode).toBe(429);
    expect(afterFive.json().detail).toMatch(/wait/i);
  });

  it('refuses a deactivated person on their very next request', async () => {
    const staff = demoUserOfRole('school-staff-referrer', 3);
    const session = await signIn(ctx.app, staff.email, { remoteAddress: '10.1.13.1' });
    expect((await readSession(ctx.app, session.token)).statusCode).toBe(200);
    const adminSession = await signInWithTotp(ctx.app, admin, { remoteAddress: '10.1.13.2', now: clock.now });
    const list = await ctx.app.inject({ url: '/api/admin/users', ...asSession(adminSession) });
    const version = list.json().users.find((u: { id: string }) => u.id === staff.id)?.version;
    const deactivated = await ctx.app.inject({
      method: 'POST',
      url: `/api/admin/users/${staff.id}/deactivate`,
      ...asSession(adminSession, { headers: { 'if-match': `"${version}"` } }),
    });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect((await readSession(ctx.app, session.token)).statusCode).toBe(401);
  });
});
