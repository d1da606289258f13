import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { expect } from 'vitest';
import type { StaffRole } from '../access/roles.js';
import type { SignInState } from '../contracts/identity.js';
import { buildDemoArea } from '../demo/demo-area.js';
import { DEMO_PASSWORD, demoEmailFor } from '../demo/demo-staff.js';
import { TEST_SEED } from './app.js';

// Signing in through the real HTTP routes, for integration tests of anything behind a session.

export const SESSION_COOKIE = 'lantern_session';

/** The demo staff createTestApp writes: the same seed gives the same ids, emails and TOTP secrets. */
export const demoIdentity = buildDemoArea({ seed: TEST_SEED, scale: 1 }).identity;

export function demoUser(email: string) {
  const user = demoIdentity.users.find((candidate) => candidate.email === email);
  if (!user?.id) throw new Error(`no demo user ${email}`);
  return { ...user, id: user.id };
}

/** The n-th demo user holding a role (0 is the named `<role>@demo.lantern.example` account). */
export function demoUserOfRole(role: StaffRole, index = 0) {
  const grants = demoIdentity.userRoles.filter((grant) => grant.role === role);
  const grant = grants[index];
  if (!grant?.id) throw new Error(`no demo ${role} number ${index}`);
  const user = demoIdentity.users.find((candidate) => candidate.id === grant.userId);
  if (!user?.id) throw new Error(`no demo user for grant ${grant.id}`);
  return { ...user, id: user.id, grantId: grant.id };
}

/** The named account of a role that needs a second factor: already enrolled, with a known secret. */
export function enrolledDemoUser(role: StaffRole) {
  const user = demoUser(demoEmailFor(role));
  if (!user.totpSecret) throw new Error(`${user.email} has no TOTP secret`);
  return { ...user, totpSecret: user.totpSecret };
}

/** A clock the test moves by hand; pass `clock.now` to createTestApp. */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

export function testClock(start: string): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The authenticator app's code at the app's (injected) time. */
export function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

export interface Session {
  token: string;
  csrfToken: string;
  state: SignInState;
}

/** The session cookie a response set, or undefined. */
export function sessionTokenFrom(response: LightMyRequestResponse): string | undefined {
  return response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
}

/** Inject options carrying a session: its cookie, and its CSRF token for a state change. */
export function asSession(session: Session, options: { headers?: Record<string, string> } = {}) {
  return {
    cookies: { [SESSION_COOKIE]: session.token },
    headers: { 'x-csrf-token': session.csrfToken, ...options.headers },
  };
}

/** The session as GET /api/session describes it (status and body), for a token. */
export async function readSession(app: FastifyInstance, token: string) {
  return app.inject({ url: '/api/session', cookies: { [SESSION_COOKIE]: token } });
}

/** Posts an email and password and expects a session; returns its token and CSRF token. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  options: { remoteAddress: string; password?: string },
): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    remoteAddress: options.remoteAddress,
    payload: { email, password: options.password ?? DEMO_PASSWORD },
  });
  expect(response.statusCode, response.body).toBe(200);
  const token = sessionTokenFrom(response);
  if (!token) throw new Error('signing in set no session cookie');
  const info = await readSession(app, token);
  expect(info.statusCode, info.body).toBe(200);
  return { token, csrfToken: info.json().csrfToken, state: response.json().state };
}

/** Gives a code (TOTP or recovery) for a half-open session; returns the raw response. */
export function giveSecondFactor(
  app: FastifyInstance,
  session: Session,
  code: string,
  remoteAddress: string,
) {
  return app.inject({
    method: 'POST',
    url: '/api/session/second-factor',
    remoteAddress,
    cookies: { [SESSION_COOKIE]: session.token },
    headers: { 'x-csrf-token': session.csrfToken },
    payload: { code },
  });
}

/**
 * Signs in a pre-enrolled account with its password and a TOTP code for the app's time. A code
 * works once per time step, so a test signing the same account in twice moves its clock on first.
 */
export async function signInWithTotp(
  app: FastifyInstance,
  user: { email: string; totpSecret: string },
  options: { remoteAddress: string; now: () => Date },
): Promise<Session> {
  const halfOpen = await signIn(app, user.email, options);
  expect(halfOpen.state).toBe('second-factor-required');
  const code = await totpCode(user.totpSecret, options.now());
  const response = await giveSecondFactor(app, halfOpen, code, options.remoteAddress);
  expect(response.statusCode, response.body).toBe(200);
  const token = sessionTokenFrom(response);
  if (!token) throw new Error('the second factor set no session cookie');
  const info = await readSession(app, token);
  expect(info.statusCode, info.body).toBe(200);
  return { token, csrfToken: info.json().csrfToken, state: 'signed-in' };
}

/** The problem detail without its per-request id, for comparing two answers. */
export function problemOf(response: LightMyRequestResponse) {
  const { requestId: _requestId, ...problem } = response.json();
  return problem;
}
