import { authorise, type ServiceContext } from '../../access/authorise.js';
import { systemScope } from '../../access/scope.js';
import type { SignedIn, YoungPersonSignInInput } from '../../contracts/online-accounts.js';
import type { LanternDb } from '../../db/client.js';
import * as accounts from '../../db/repositories/online-accounts.repository.js';
import { clearThrottle } from '../../db/repositories/sessions.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { usernameKey } from '../../domain/online/sign-up.js';
import { recordChange } from '../audit/record-change.js';
import { sha256, verifyPassword } from '../identity/credentials.js';
import { recordFailure, refuseIfLocked } from '../identity/sign-in.js';
import { openYoungPersonSession } from './young-person-session.js';

const WRONG = 'That username or password is not right. Check them and try again.';

/** Failed sign-ins are counted per username, apart from staff emails, under a hash. */
function throttleKey(username: string): string {
  return sha256(`online\n${usernameKey(username)}`);
}

/**
 * Signs a young person in by username and password. An unknown username and a wrong password get
 * the same answer after the same work; repeated failures wait longer each time, as for staff.
 */
export async function signInYoungPerson(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: YoungPersonSignInInput,
): Promise<SignedIn & { token: string }> {
  await authorise(ctx, 'online:sign-up');
  const now = ctx.now();
  const key = throttleKey(input.username);
  const failures = await refuseIfLocked(deps.db, key, now);
  const account = await withScope(deps.db, systemScope('a young person signs in to online support'), (tx) =>
    accounts.findAccountForSignIn(tx, usernameKey(input.username)),
  );
  const isRight = await verifyPassword(account?.isActive ? account.passwordHash : null, input.password);
  if (!account || !isRight) {
    await recordFailure(deps.db, key, failures, now);
    throw new AppError('unauthenticated', WRONG);
  }
  await clearThrottle(deps.db, key);
  return withScope(deps.db, systemScope('a young person signs in to online support'), async (tx) => {
    const session = await openYoungPersonSession(tx, account.id, now);
    await recordChange(tx, ctx, { entity: 'online-account', entityId: account.id, action: 'signed-in' });
    return { username: account.username, csrfToken: session.csrfToken, token: session.token };
  });
}
