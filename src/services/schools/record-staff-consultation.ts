import { randomUUID } from 'node:crypto';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { CreateStaffConsultationInput } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { recordChange } from '../audit/record-change.js';
import { pastOrSoon, recordingTeam } from './school-work.js';
import { schoolInReach } from './schools-in-reach.js';

/**
 * Records advice given to a member of school staff. A child is named only when needed, by linking
 * a referral the recorder can see; the row is then as private as that referral (row-level security).
 */
export async function recordStaffConsultation(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  urnParam: string,
  input: CreateStaffConsultationInput,
): Promise<{ id: string }> {
  await authorise(ctx, 'school-work:record');
  const actor = staffOf(ctx);
  const school = await schoolInReach(ctx, deps.db, urnParam, 'school-work:record');
  const givenAt = pastOrSoon(ctx, input.givenAt, 'givenAt');
  const id = randomUUID();
  await withScope(deps.db, recordScope(actor), async (tx) => {
    if (input.referralId && !(await referrals.findReferralDetail(tx, input.referralId))) {
      throw new AppError('bad-request', 'Link only a referral you can see.', [
        { name: 'referralId', reason: 'is not a referral you can see' },
      ]);
    }
    await schoolWork.insertStaffConsultation(tx, {
      id,
      schoolUrn: school.urn,
      teamId: await recordingTeam(tx, actor, school.urn),
      givenAt,
      staffRole: input.staffRole,
      topic: input.topic,
      advice: input.advice,
      referralId: input.referralId ?? null,
      recordedAt: ctx.now(),
      recordedBy: actor.userId,
    });
    // Only the fact and the link: the audit trail is not under row-level security, the advice is.
    await recordChange(tx, ctx, {
      entity: 'staff-consultation',
      entityId: id,
      action: 'created',
      after: { schoolUrn: school.urn, referralId: input.referralId ?? null },
    });
  });
  if (input.referralId) {
    await ctx.recordAccess({
      subjectKind: 'referral',
      subjectId: input.referralId,
      action: 'school-work:record',
      outcome: 'allowed',
      basis: 'staff-consultation',
    });
  }
  return { id };
}
