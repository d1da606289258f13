import { type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import * as repo from '../../db/repositories/online-bookings.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';

// How staff reach one young person's online support record: within their scope, access-logged
// once whatever happens, and 404 for an account they may not see (so the API never says it exists).

export const noSuchYoungPerson = () =>
  new AppError('not-found', 'There is no such young person, or they are not yours to see.');

export type FoundAccount = NonNullable<Awaited<ReturnType<typeof repo.findAccount>>>;

/**
 * Runs `work` on one young person's account for a member of staff who has already been authorised.
 * The access-log row is written in the transaction when it commits, or on its own when it does not
 * (a refusal, or a change that failed after the record was read).
 */
export async function withYoungPersonRecord<T>(
  ctx: ServiceContext,
  db: LanternDb,
  accountId: string,
  action: string,
  work: (tx: LanternDb, found: FoundAccount, userId: string) => Promise<T>,
): Promise<T> {
  const { userId } = staffOf(ctx);
  let isFound = false;
  try {
    return await withScope(db, recordScope(ctx.actor), async (tx) => {
      const found = await repo.findAccount(tx, accountId);
      if (!found) throw noSuchYoungPerson();
      isFound = true;
      const result = await work(tx, found, userId);
      await ctx.recordAccess(
        { subjectKind: 'online-account', subjectId: accountId, action, outcome: 'allowed', basis: 'online' },
        tx,
      );
      return result;
    });
  } catch (error) {
    await ctx.recordAccess({
      subjectKind: 'online-account',
      subjectId: accountId,
      action,
      outcome: isFound ? 'allowed' : 'denied',
      basis: 'online',
      reason: isFound ? null : 'not in scope',
    });
    throw error;
  }
}

/** The signed-in young person; anyone else is refused (authorise has already run). */
export function youngPersonOf(ctx: ServiceContext) {
  if (ctx.actor.kind !== 'young-person') throw new AppError('unauthenticated', 'Sign in to continue.');
  return ctx.actor;
}
