import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccountRecoveryInput,
  NewPasswordInput,
  OnlineSettings,
  OnlineSettingsInput,
  PasswordChanged,
  RecoveryLinkAsked,
  ServiceStatus,
  SignedIn,
  SignUpInput,
  YoungPersonMe,
  YoungPersonSignedOut,
  YoungPersonSignInInput,
} from '../../contracts/online-accounts.js';
import { Problem } from '../../contracts/problem.js';
import { askForRecoveryLink, chooseNewPassword } from '../../services/online/account-recovery.js';
import { myAccount } from '../../services/online/my-account.js';
import { getOnlineSettings, saveOnlineSettings } from '../../services/online/online-settings.js';
import { serviceStatus } from '../../services/online/service-status.js';
import { signInYoungPerson } from '../../services/online/sign-in-young-person.js';
import { signOutYoungPerson } from '../../services/online/sign-out-young-person.js';
import { signUpYoungPerson } from '../../services/online/sign-up.js';
import { clearSessionCookie, setSessionCookie } from '../plugins/session.js';
import { expectedVersion, IdempotencyKey, IfMatch, withEtag } from './headers.js';
import type { OnlineRouteOptions } from './online-route-options.js';
import { publicOperation, signedInOperation, youngPersonOperation } from './security.js';

const errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  412: Problem,
  422: Problem,
  428: Problem,
  429: Problem,
  503: Problem,
};

/**
 * Per address. Generous, because a whole class may sign up from one school network in an assembly,
 * yet far below a script making accounts in bulk.
 */
const signUpRateLimit = { rateLimit: { max: 30, timeWindow: 3_600_000 } };
/** Per address, as for staff; the per-username backoff is in the service. */
const signInRateLimit = { rateLimit: { max: 10, timeWindow: 60_000 } };

/**
 * Per address. Each account also gets at most 3 links an hour (in the service, answered the same),
 * so this only stops one address asking about many usernames.
 */
const recoveryRateLimit = { rateLimit: { max: 20, timeWindow: 3_600_000 } };
/** Per address. A secret is 256 random bits, so this is about load, not guessing. */
const newPasswordRateLimit = { rateLimit: { max: 10, timeWindow: 60_000 } };

/**
 * Young people's online support accounts (sign up, sign in, sign out, a way back in when they forget
 * their password, their account), whether the service is open, and its settings. Recovery links
 * point to the configured public address (`publicUrl`), never to the request's Host header.
 */
export const onlineAccountRoutes: FastifyPluginAsyncZod<OnlineRouteOptions> = async (app, options) => {
  const deps = { db: options.db };
  const tags = ['online support'];
  const open = (summary: string) => ({ summary, tags, ...publicOperation });
  const op = (summary: string) => ({ summary, tags, ...signedInOperation });
  const mine = (summary: string) => ({ summary, tags, ...youngPersonOperation });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post(
    '/api/online/accounts',
    {
      config: { idempotent: true, ...signUpRateLimit },
      schema: {
        ...open('A young person makes an anonymous account and is signed in. Send an Idempotency-Key'),
        headers: IdempotencyKey,
        body: SignUpInput,
        response: { 200: SignedIn, ...errors },
      },
    },
    async (request, reply) => {
      const { token, ...signedIn } = await signUpYoungPerson(request.ctx, deps, request.body);
      setSessionCookie(reply, options.onlineCookie, token);
      return signedIn;
    },
  );

  app.post(
    '/api/online/session',
    {
      config: signInRateLimit,
      schema: {
        ...open('A young person signs in with their username and password'),
        body: YoungPersonSignInInput,
        response: { 200: SignedIn, ...errors },
      },
    },
    async (request, reply) => {
      const { token, ...signedIn } = await signInYoungPerson(request.ctx, deps, request.body);
      setSessionCookie(reply, options.onlineCookie, token);
      return signedIn;
    },
  );

  // Neither is idempotent through the shared store: its stored answer is kept under the key, and a
  // retried new password (same secret) is told the link is used, which is the truth.
  app.post(
    '/api/online/account-recovery',
    {
      config: recoveryRateLimit,
      schema: {
        ...open(
          'A young person who forgot their password asks for a link to their recovery email or phone. Always the same 202, whether or not the account exists',
        ),
        body: AccountRecoveryInput,
        response: { 202: RecoveryLinkAsked, ...errors },
      },
    },
    async (request, reply) => {
      const asked = await askForRecoveryLink(
        request.ctx,
        { db: options.db, origin: options.publicUrl() },
        request.body,
      );
      return reply.code(202).send(asked);
    },
  );

  app.post(
    '/api/online/account-recovery/password',
    {
      config: newPasswordRateLimit,
      schema: {
        ...open(
          'A young person chooses a new password with the secret from their recovery link; every open session of the account ends',
        ),
        body: NewPasswordInput,
        response: { 200: PasswordChanged, ...errors },
      },
    },
    (request) => chooseNewPassword(request.ctx, deps, request.body),
  );

  app.delete(
    '/api/online/session',
    {
      schema: {
        ...open('A young person signs out (nothing happens if they already had)'),
        response: { 200: YoungPersonSignedOut, ...errors },
      },
    },
    async (request, reply) => {
      const result = await signOutYoungPerson(request.ctx, deps);
      clearSessionCookie(reply, options.onlineCookie);
      return result;
    },
  );

  app.get(
    '/api/online/me',
    {
      schema: {
        ...mine(
          'The signed-in young person: username, whether the service fits their age, and the CSRF token',
        ),
        response: { 200: YoungPersonMe, ...errors },
      },
    },
    (request) => myAccount(request.ctx, deps),
  );

  app.get(
    '/api/online/status',
    {
      schema: {
        ...open(
          'Whether online support is open now, when it opens, its hours, who it is for, and help at any hour',
        ),
        response: { 200: ServiceStatus, ...errors },
      },
    },
    (request) => serviceStatus(request.ctx, deps),
  );

  app.get(
    '/api/online/settings',
    {
      schema: {
        ...op('The online service’s opening hours, ages, chat limit and alert timing (ETag: its version)'),
        response: { 200: OnlineSettings, ...errors },
      },
    },
    async (request, reply) => {
      const settings = await getOnlineSettings(request.ctx, deps);
      reply.header('etag', `"${settings.version}"`);
      return settings;
    },
  );

  app.put(
    '/api/online/settings',
    {
      schema: {
        ...op('Change the online service’s settings (If-Match: its version; 412 if changed meanwhile)'),
        headers: IfMatch,
        body: OnlineSettingsInput,
        response: { 200: OnlineSettings, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        saveOnlineSettings(request.ctx, deps, request.body, expectedVersion(request.headers['if-match'])),
      ),
  );
};
