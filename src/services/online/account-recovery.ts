import { authorise, type ServiceContext } from '../../access/authorise.js';
import { systemScope } from '../../access/scope.js';
import type {
  AccountRecoveryInput,
  NewPasswordInput,
  PasswordChanged,
  RecoveryLinkAsked,
} from '../../contracts/online-accounts.js';
import { webPaths } from '../../contracts/web-paths.js';
import type { LanternDb } from '../../db/client.js';
import * as accounts from '../../db/repositories/online-accounts.repository.js';
import * as links from '../../db/repositories/online-recovery.repository.js';
import { endAllOnlineSessions } from '../../db/repositories/online-sessions.repository.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { passwordProblem, usernameKey } from '../../domain/online/sign-up.js';
import { recordChange } from '../audit/record-change.js';
import { hashPassword, newToken, sha256 } from '../identity/credentials.js';
import {
  linkExpiry,
  RECOVERY_LINK_MINUTES,
  recoveryRoute,
  tooManyLinks,
  windowStart,
} from './account-recovery-rules.js';

// A young person who forgot their password gets back in with the recovery email or phone they
// chose to give at sign-up. Nobody is signed in, so the work runs under a system scope. Nothing
// here says whether an account exists: asking always gets the same answer, and a link that does
// not work always gets the same problem.

const why = 'a young person who forgot their password asks for a way back in';

export const linkAskedMessage = `If that account has a recovery email or phone number, we have sent a link to it. The link works for ${RECOVERY_LINK_MINUTES} minutes.`;

const linkNotWorking = () =>
  new AppError(
    'unprocessable-content',
    'This link has expired or has already been used. Ask for a new one.',
    [{ name: 'secret', reason: 'has expired or has already been used. Ask for a new one' }],
  );

/**
 * Sends a recovery link to the account's recovery email (or, without one, its phone), when there
 * is such an account, it is active, and it has had fewer than 3 links in the last hour. Always
 * answers the same words. A new link makes the account's earlier unused links stop working.
 */
export async function askForRecoveryLink(
  ctx: ServiceContext,
  deps: { db: LanternDb; origin: string },
  input: AccountRecoveryInput,
): Promise<RecoveryLinkAsked> {
  await authorise(ctx, 'online:sign-up');
  const now = ctx.now();
  await withScope(deps.db, systemScope(why), async (tx) => {
    const account = await accounts.findAccountForRecovery(tx, usernameKey(input.username));
    const route = account?.isActive ? recoveryRoute(account) : null;
    if (!account || !route) return;
    const recent = await links.countRecoveryLinksSince(tx, account.id, windowStart(now));
    if (tooManyLinks(recent)) return;
    const secret = newToken();
    await links.expireUnusedRecoveryLinks(tx, account.id, now);
    await links.insertRecoveryLink(tx, {
      secretHash: sha256(secret),
      accountId: account.id,
      sentTo: route.sentTo,
      createdAt: now,
      expiresAt: linkExpiry(now),
    });
    // The secret goes after `#`: browsers never send it, so it is in no server's or proxy's log.
    const link = `${new URL(webPaths.onlineNewPassword, deps.origin).href}#${secret}`;
    await outbox.enqueue(tx, [
      {
        channel: route.channel,
        template: 'online-password-link',
        recipient: route.recipient,
        personalisation: { link, minutes: String(RECOVERY_LINK_MINUTES) },
        referralId: null,
        createdAt: now,
      },
    ]);
    await recordChange(tx, ctx, {
      entity: 'online-account',
      entityId: account.id,
      action: 'online-account:recovery-link-sent',
      after: { sentTo: route.sentTo },
    });
  });
  return { message: linkAskedMessage };
}

/**
 * Sets a new password from a recovery link. The link is used up in the same transaction that
 * stores the new password and ends every open session, so a retry with the same secret (even a
 * retry of a success) gets the "expired or already used" problem.
 */
export async function chooseNewPassword(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: NewPasswordInput,
): Promise<PasswordChanged> {
  await authorise(ctx, 'online:sign-up');
  const now = ctx.now();
  const secretHash = sha256(input.secret);
  // Cheap checks first, so a link that does not work never waits for a password hash.
  const account = await withScope(deps.db, systemScope(why), async (tx) => {
    const link = await links.findWorkingRecoveryLink(tx, secretHash, now);
    return link ? accounts.findAccountForNewPassword(tx, link.accountId) : null;
  });
  if (!account?.isActive) throw linkNotWorking();
  const problem = passwordProblem(input.password, account.username);
  if (problem) {
    throw new AppError('unprocessable-content', `Your new password ${problem}.`, [
      { name: 'password', reason: problem },
    ]);
  }
  const passwordHash = await hashPassword(input.password);
  await withScope(deps.db, systemScope(why), async (tx) => {
    const used = await links.useRecoveryLink(tx, secretHash, now);
    // Used by a request that got here first, or expired while the password was hashed.
    if (used?.accountId !== account.id) throw linkNotWorking();
    await accounts.setPasswordHash(tx, account.id, passwordHash);
    const sessionsEnded = await endAllOnlineSessions(tx, account.id, 'password-changed', now);
    await recordChange(tx, ctx, {
      entity: 'online-account',
      entityId: account.id,
      action: 'online-account:password-changed',
      after: { by: 'recovery-link', sessionsEnded },
    });
  });
  return { message: 'Your password is changed. You can now sign in with your new password.' };
}
