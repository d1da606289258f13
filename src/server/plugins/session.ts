import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LanternDb } from '../../db/client.js';
import { resolveActor } from '../../services/identity/resolve-actor.js';
import { resolveYoungPerson } from '../../services/online/young-person-session.js';
import type { Config } from '../config.js';
import { sendProblem } from './errors.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SessionCookie {
  name: string;
  isSecure: boolean;
}

/** Secure (and `__Host-` prefixed) everywhere except plain-http local development. */
export function sessionCookie(config: Pick<Config, 'NODE_ENV' | 'PUBLIC_URL'>): SessionCookie {
  const isSecure = config.NODE_ENV === 'production' || config.PUBLIC_URL.startsWith('https:');
  return { name: isSecure ? '__Host-lantern_session' : 'lantern_session', isSecure };
}

/** A young person's online support session has its own cookie, so it never mixes with staff's. */
export function onlineSessionCookie(config: Pick<Config, 'NODE_ENV' | 'PUBLIC_URL'>): SessionCookie {
  const staff = sessionCookie(config);
  return { name: staff.isSecure ? '__Host-lantern_online' : 'lantern_online', isSecure: staff.isSecure };
}

export function setSessionCookie(reply: FastifyReply, cookieSettings: SessionCookie, token: string) {
  // No Max-Age: the cookie dies with the browser, and the server enforces the 30-minute and 12-hour limits.
  reply.setCookie(cookieSettings.name, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: cookieSettings.isSecure,
    path: '/',
  });
}

export function clearSessionCookie(reply: FastifyReply, cookieSettings: SessionCookie) {
  reply.clearCookie(cookieSettings.name, { path: '/', secure: cookieSettings.isSecure, sameSite: 'strict' });
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A state-changing request from another site is refused, whether or not it carries a session. */
function isCrossSite(request: FastifyRequest, publicUrl: string): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  const own = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.headers.host}`]);
  return !own.has(origin);
}

/**
 * Reads the session cookie on every request and puts who is asking into the request context.
 * Every POST, PUT, PATCH and DELETE made with a session must carry its CSRF token.
 */
export async function registerSessions(
  app: FastifyInstance,
  options: { db: LanternDb; now: () => Date; config: Config; cookie: SessionCookie },
) {
  await app.register(cookie);
  app.addHook('onRequest', async (request, reply) => {
    if (unsafeMethods.has(request.method) && isCrossSite(request, options.config.PUBLIC_URL)) {
      return sendProblem(request, reply, 403, 'Requests from other websites are not accepted.');
    }
    // Pages and their assets carry the cookie too, but only the API needs to know who is asking.
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[options.cookie.name];
    const resolved = await resolveActor(options.db, token, options.now());
    if (resolved.kind === 'ended') clearSessionCookie(reply, options.cookie);
    if (resolved.kind !== 'active') return resolveOnline(request, reply, options);
    if (
      unsafeMethods.has(request.method) &&
      !sameToken(request.headers['x-csrf-token'] as string | undefined, resolved.session.csrfToken)
    ) {
      return sendProblem(request, reply, 403, 'This form has expired. Reload the page and try again.');
    }
    request.ctx.actor = resolved.actor;
  });
}

/** With no staff session, a young person's online support cookie may say who is asking. */
async function resolveOnline(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { db: LanternDb; now: () => Date; config: Config },
) {
  const cookie = onlineSessionCookie(options.config);
  const token = request.cookies[cookie.name];
  if (!token) return;
  const resolved = await resolveYoungPerson(options.db, token, options.now());
  if (resolved.kind === 'ended') clearSessionCookie(reply, cookie);
  if (resolved.kind !== 'active') return;
  if (
    unsafeMethods.has(request.method) &&
    !sameToken(request.headers['x-csrf-token'] as string | undefined, resolved.session.csrfToken)
  ) {
    return sendProblem(request, reply, 403, 'This page has expired. Reload it and try again.');
  }
  request.ctx.actor = resolved.actor;
}
