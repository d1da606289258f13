import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope, systemScope } from '../../access/scope.js';
import type { MyReferralList } from '../../contracts/triage.js';
import type { LanternDb } from '../../db/client.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import * as triage from '../../db/repositories/triage.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import {
  type DeclineReason,
  declineReasons,
  type ReferralStatus,
  referralStatuses,
} from '../../domain/referrals/triage-decisions.js';

/**
 * The referrer's view: each referral they made, where it has got to, and who is helping. It shows
 * decisions in plain words and never the clinical record (notes, risk, assessment).
 */
export async function listMyReferrals(ctx: ServiceContext, deps: { db: LanternDb }): Promise<MyReferralList> {
  await authorise(ctx, 'referral:create');
  if (ctx.actor.kind !== 'staff') throw new AppError('unauthenticated', 'Sign in to continue.');
  const userId = ctx.actor.userId;
  const made = await withScope(deps.db, recordScope(ctx.actor), (tx) =>
    referrals.referralsMadeBy(tx, userId),
  );
  const ids = made.map((r) => r.id);
  // Decision rows are clinical and hidden from a referrer's scope (migration 0015): for the referrer's
  // own referrals only, this reads the kind, service, reason and question, never the notes.
  const result = await withScope(
    deps.db,
    systemScope('the referrer view of their own referrals'),
    async (tx) => {
      const decisions = await triage.latestDecisions(tx, ids);
      const leads = await triage.leadWorkersOf(tx, ids);
      const signposted = await triage.serviceNames(
        tx,
        decisions.flatMap((d) => d.signpostedTo),
      );
      return made.map((r) => {
        const decision = decisions.find((d) => d.referralId === r.id);
        const lead = leads.find((l) => l.referralId === r.id);
        const status = r.status as ReferralStatus;
        const reason = decision?.declineReason
          ? declineReasons[decision.declineReason as DeclineReason]
          : null;
        return {
          id: r.id,
          reference: r.reference,
          childName: `${r.givenName} ${r.familyName}`,
          receivedAt: r.receivedAt.toISOString(),
          status,
          statusText: referralStatuses[status],
          acceptedBy: decision?.kind === 'accept' ? decision.serviceName : null,
          signpostedTo:
            decision?.kind === 'signpost' ? decision.signpostedTo.map((id) => signposted.get(id) ?? '') : [],
          declineReason: reason?.text ?? null,
          alternatives: reason?.alternative ?? null,
          question: status === 'more-information-requested' ? (decision?.question ?? null) : null,
          leadWorker: lead
            ? {
                name: lead.externalName ?? lead.userName ?? '',
                agency: lead.externalAgency ?? '',
                phone: lead.externalPhone,
                since: lead.startedAt.toISOString(),
              }
            : null,
        };
      });
    },
  );
  await ctx.recordAccess({
    subjectKind: 'my-referrals',
    subjectId: null,
    action: 'referral:create',
    outcome: 'allowed',
    basis: `own-referrals ${result.length}`,
  });
  return { referrals: result };
}
