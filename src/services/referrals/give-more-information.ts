import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope, systemScope } from '../../access/scope.js';
import type { MoreInformationInput, ReferralChanged } from '../../contracts/triage.js';
import type { LanternDb } from '../../db/client.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import * as triage from '../../db/repositories/triage.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { referralStatuses } from '../../domain/referrals/triage-decisions.js';
import { recordChange } from '../audit/record-change.js';

/**
 * The referrer answers triage's question. The referral goes back to `received` in the queue; its
 * waiting clock never stopped (ADR 0012). Only the person who made the referral can answer, so the
 * answer is written under a system scope once their own scope has found the referral.
 */
export async function giveMoreInformation(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  input: MoreInformationInput,
): Promise<ReferralChanged> {
  await authorise(ctx, 'referral:create');
  if (ctx.actor.kind !== 'staff') throw new AppError('unauthenticated', 'Sign in to continue.');
  const userId = ctx.actor.userId;
  const found = await withScope(deps.db, recordScope(ctx.actor), (tx) =>
    referrals.findReferralDetail(tx, referralId),
  );
  const isOwn = found?.referral.referrerUserId === userId;
  await ctx.recordAccess({
    subjectKind: 'referral',
    subjectId: referralId,
    action: 'referral:create',
    outcome: isOwn ? 'allowed' : 'denied',
    basis: isOwn ? 'own-referral' : 'out-of-scope',
  });
  if (!found || !isOwn)
    throw new AppError('not-found', 'There is no referral at this address that you can see.');
  if (found.referral.status !== 'more-information-requested') {
    throw new AppError('conflict', 'Nobody is waiting for more information about this referral.');
  }
  const now = ctx.now();
  return withScope(deps.db, systemScope('referrer answering a triage question'), async (tx) => {
    const [asked] = (await triage.latestDecisions(tx, [referralId])).filter(
      (d) => d.kind === 'more-information',
    );
    const version = await referrals.updateReferralIfVersion(tx, referralId, found.referral.version, {
      status: 'received',
      informationRequestedAt: null,
    });
    if (version === null) {
      throw new AppError(
        'precondition-failed',
        'This referral changed while you were answering. Reload it and try again.',
      );
    }
    await referrals.insertInformation(tx, {
      referralId,
      decisionId: asked?.id ?? null,
      answer: input.answer,
      givenBy: userId,
      givenAt: now,
    });
    await recordChange(tx, ctx, {
      entity: 'referral',
      entityId: referralId,
      action: 'information-given',
      after: { status: 'received', version },
    });
    return { id: referralId, version, status: 'received', statusText: referralStatuses.received };
  });
}
