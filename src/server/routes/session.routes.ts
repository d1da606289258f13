import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EnrolmentDone,
  EnrolmentStart,
  NewPasswordInput,
  SecondFactorInput,
  SessionInfo,
  SignedOut,
  SignInInput,
  SignInResult,
} from '../../contracts/identity.js';
import { Problem } from '../../contracts/problem.js';
import type { LanternDb } from '../../db/client.js';
import { choosePassword } from '../../services/identity/choose-password.js';
import { currentSession } from '../../services/identity/current-session.js';
import {
  confirmEnrolment,
  startEnrolment,
  verifySecondFactor,
} from '../../services/identity/second-factor.js';
import { signIn } from '../../services/identity/sign-in.js';
import { signOut, signOutEverywhere } from '../../services/identity/sign-out.js';
import { clearSessionCookie, type SessionCookie, setSessionCookie } from '../plugins/session.js';
import { publicOperation, signedInOperation } from './security.js';

/** Per address: far above what a person types, far below a password-guessing burst. */
const signInRateLimit = { rateLimit: { max: 10, timeWindow: 60_000 } };
const errors = { 400: Problem, 401: Problem, 403: Problem, 409: Problem, 429: Problem };

/** Signing in and out. Signing in is public; the rest acts on the caller's own session. */
export const sessionRoutes: FastifyPluginAsyncZod<{ db: LanternDb; cookie: SessionCookie }> = async (
  app,
  { db, cookie },
) => {
  const tags = ['session'];

  app.post(
    '/api/session',
    {
      config: signInRateLimit,
      schema: {
        summary: 'Sign in with email address and password',
        tags,
        ...publicOperation,
        body: SignInInput,
        response: { 200: SignInResult, ...errors },
      },
    },
    async (request, reply) => {
      const { token, state } = await signIn(request.ctx, { db }, request.body);
      setSessionCookie(reply, cookie, token);
      return { state };
    },
  );

  app.post(
    '/api/session/password',
    {
      config: signInRateLimit,
      schema: {
        summary: 'Replace a temporary password with your own, then carry on signing in',
        tags,
        ...publicOperation,
        body: NewPasswordInput,
        response: { 200: SignInResult, ...errors },
      },
    },
    async (request, reply) => {
      const { token, state } = await choosePassword(request.ctx, { db }, request.body);
      setSessionCookie(reply, cookie, token);
      return { state };
    },
  );

  app.post(
    '/api/session/second-factor',
    {
      config: signInRateLimit,
      schema: {
        summary: 'Finish signing in with an authenticator code or a recovery code',
        tags,
        ...publicOperation,
        body: SecondFactorInput,
        response: { 200: SignInResult, ...errors },
      },
    },
    async (request, reply) => {
      const { token } = await verifySecondFactor(request.ctx, { db }, request.body);
      setSessionCookie(reply, cookie, token);
      return { state: 'signed-in' as const };
    },
  );

  app.post(
    '/api/session/second-factor/enrolment',
    {
      config: signInRateLimit,
      schema: {
        summary: 'Start setting up an authenticator app (after the password, before the first code)',
        tags,
        ...publicOperation,
        response: { 200: EnrolmentStart, ...errors },
      },
    },
    (request) => startEnrolment(request.ctx, { db }),
  );

  app.post(
    '/api/session/second-factor/enrolment/confirm',
    {
      config: signInRateLimit,
      schema: {
        summary: 'Confirm the authenticator app with its first code; returns recovery codes once',
        tags,
        ...publicOperation,
        body: SecondFactorInput,
        response: { 200: EnrolmentDone, ...errors },
      },
    },
    async (request, reply) => {
      const { token, recoveryCodes } = await confirmEnrolment(request.ctx, { db }, request.body);
      setSessionCookie(reply, cookie, token);
      return { state: 'signed-in' as const, recoveryCodes };
    },
  );

  app.get(
    '/api/session',
    {
      schema: {
        summary: 'Who is signed in, their roles and permissions, and the CSRF token',
        tags,
        ...publicOperation,
        response: { 200: SessionInfo, 401: Problem },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return currentSession(request.ctx, { db });
    },
  );

  app.delete(
    '/api/session',
    {
      schema: {
        summary: 'Sign out',
        tags,
        ...publicOperation,
        response: { 200: SignedOut, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const result = await signOut(request.ctx, { db });
      clearSessionCookie(reply, cookie);
      return result;
    },
  );

  app.delete(
    '/api/sessions',
    {
      schema: {
        summary: 'Sign out everywhere: end every session of the signed-in person',
        tags,
        ...signedInOperation,
        response: { 200: SignedOut, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const result = await signOutEverywhere(request.ctx, { db });
      clearSessionCookie(reply, cookie);
      return result;
    },
  );
};
