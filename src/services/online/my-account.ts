import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { YoungPersonMe } from '../../contracts/online-accounts.js';
import type { LanternDb } from '../../db/client.js';
import { findAccountWithService } from '../../db/repositories/online-accounts.repository.js';
import { findOnlineSessionWithAccount } from '../../db/repositories/online-sessions.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { ageNow, isAgeInRange } from '../../domain/online/sign-up.js';

/** The signed-in young person's own account, and the CSRF token their pages send back. */
export async function myAccount(ctx: ServiceContext, deps: { db: LanternDb }): Promise<YoungPersonMe> {
  await authorise(ctx, 'online:use');
  const actor = ctx.actor;
  if (actor.kind !== 'young-person') throw new AppError('unauthenticated', 'Sign in to continue.');
  return withScope(deps.db, recordScope(actor), async (tx) => {
    const account = await findAccountWithService(tx, actor.accountId);
    const session = await findOnlineSessionWithAccount(tx, actor.sessionTokenHash);
    if (!account || !session) throw new AppError('not-found', 'We could not find your account.');
    const age = ageNow(account.ageAtSignUp, account.signedUpAt, ctx.now());
    const ages = { minAge: account.minAge, maxAge: account.maxAge };
    return {
      username: account.username,
      ageNow: age,
      isInAgeRange: isAgeInRange(age, ages),
      ages,
      serviceName: account.serviceName,
      csrfToken: session.session.csrfToken,
    };
  });
}
