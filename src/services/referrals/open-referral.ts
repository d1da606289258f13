import { authorise, type ServiceContext } from '../../access/authorise.js';
import { accessBasis, type RecordScope, recordScope, systemScope } from '../../access/scope.js';
import type { BreakGlassInput, ReferralSummary } from '../../contracts/referrals.js';
import type { LanternDb } from '../../db/client.js';
import * as audit from '../../db/repositories/audit.repository.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import { AppError } from '../../domain/app-error.js';

const notFound = () => new AppError('not-found', 'There is no referral at this address that you can see.');

function summary(found: referrals.ReferralRecord, basis: string): ReferralSummary {
  return {
    id: found.id,
    child: { givenName: found.givenName, familyName: found.familyName, dateOfBirth: found.dateOfBirth },
    receivedAt: found.receivedAt.toISOString(),
    source: found.source,
    status: found.status,
    isUrgent: found.isUrgent,
    presentingNeeds: found.presentingNeeds,
    accessBasis: basis,
  };
}

/**
 * Opens one referral. Outside the reader's scope it answers 404, so nobody learns that a child is
 * known to the service; both outcomes are written to the access log before anything is returned.
 */
export async function openReferral(ctx: ServiceContext, deps: { db: LanternDb }, referralId: string) {
  await authorise(ctx, 'referral:read');
  const scope = recordScope(ctx.actor);
  const found = await referrals.findReferral(deps.db, scope, referralId);
  const basis = found ? accessBasis(scope, found) : null;
  if (!found || !basis) {
    await ctx.recordAccess({
      subjectKind: 'referral',
      subjectId: referralId,
      action: 'referral:read',
      outcome: 'denied',
      basis: 'out-of-scope',
    });
    throw notFound();
  }
  await ctx.recordAccess({
    subjectKind: 'referral',
    subjectId: referralId,
    action: 'referral:read',
    outcome: 'allowed',
    basis,
  });
  return summary(found, basis);
}

/**
 * Break-glass: a clinician opens a referral outside their relationship by giving a reason. The
 * access is marked in the access log and raises an alert for the privacy officer.
 */
export async function breakGlass(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  input: BreakGlassInput,
): Promise<ReferralSummary> {
  await authorise(ctx, 'referral:break-glass');
  const scope: RecordScope = { ...recordScope(ctx.actor), breakGlass: [referralId] };
  const exists = await referrals.findReferral(
    deps.db,
    systemScope('break-glass: does the record exist'),
    referralId,
  );
  if (!exists) {
    await ctx.recordAccess({
      subjectKind: 'referral',
      subjectId: referralId,
      action: 'referral:break-glass',
      outcome: 'denied',
      basis: 'no-such-record',
      reason: input.reason,
    });
    throw notFound();
  }
  const found = await referrals.findReferral(deps.db, scope, referralId);
  if (!found) throw notFound();
  const usual = accessBasis({ ...scope, breakGlass: [] }, found);
  if (usual) return openReferral(ctx, deps, referralId);
  await ctx.recordAccess({
    subjectKind: 'referral',
    subjectId: referralId,
    action: 'referral:read',
    outcome: 'break-glass',
    basis: 'break-glass',
    reason: input.reason,
  });
  await audit.raisePrivacyAlert(deps.db, scope, {
    kind: 'break-glass',
    raisedAt: ctx.now(),
    userId: ctx.actor.kind === 'staff' ? ctx.actor.userId : null,
    subjectKind: 'referral',
    subjectId: referralId,
    reason: input.reason,
  });
  return summary(found, 'break-glass');
}
