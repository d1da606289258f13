import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import type { Permission } from '../../access/permissions.js';
import { recordScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import * as waiting from '../../db/repositories/waiting.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { trayStatus } from '../allocation/waiting-list.js';
import { withReferralAccess } from '../audit/referral-access.js';

// How the case-work services reach one young person on a caseload: shared by appointments,
// episodes and questionnaires, so each is authorised, scoped and access-logged the same way.

export const notOnCaseload = () =>
  new AppError('not-found', 'There is no such young person on your caseload, or they are not yours to see.');

/** Referrals being worked on: allocated, in intervention, or waiting for a group. */
export const workable = [
  trayStatus.allocated,
  trayStatus['in-intervention'],
  trayStatus['group-waiting-list'],
];

/**
 * Work on one young person on the caseload: authorised, within the caller's record scope,
 * access-logged whatever happens, and 404 for anyone whose caseload (or team) the young person is
 * not on, or whose referral is not in one of `statuses`.
 */
export async function withCaseloadReferral<T>(
  ctx: ServiceContext,
  db: LanternDb,
  referralId: string,
  permission: Permission,
  work: (tx: LanternDb, row: waiting.WaitingRow, userId: string, now: Date) => Promise<T>,
  statuses: readonly string[] = workable,
): Promise<T> {
  await authorise(ctx, permission);
  const userId = staffOf(ctx).userId;
  const now = ctx.now();
  return withReferralAccess(ctx, referralId, permission, 'caseload', (found) =>
    withScope(db, recordScope(ctx.actor), async (tx) => {
      const [row] = await waiting.waitingRows(tx, { statuses: [...statuses], referralIds: [referralId] });
      if (!row) throw notOnCaseload();
      found();
      return work(tx, row, userId, now);
    }),
  );
}
