import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { CreatePlanActionInput, PlanAction } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { withScope } from '../../db/scoped.js';
import { recordChange } from '../audit/record-change.js';

import { schoolInReach } from './schools-in-reach.js';
import { planActionOf } from './whole-school.js';

/** Adds an action to a school's whole-school plan, in one tier of the graduated model. */
export async function recordPlanAction(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  urnParam: string,
  input: CreatePlanActionInput,
): Promise<PlanAction> {
  await authorise(ctx, 'school-work:record');
  const actor = staffOf(ctx);
  const school = await schoolInReach(ctx, deps.db, urnParam, 'school-work:record');
  return withScope(deps.db, recordScope(actor), async (tx) => {
    const row = await schoolWork.insertPlanAction(tx, {
      schoolUrn: school.urn,
      tier: input.tier,
      action: input.action,
      owner: input.owner,
      dueOn: input.dueOn ?? null,
      status: input.status,
      recordedAt: ctx.now(),
      recordedBy: actor.userId,
    });
    const action = planActionOf(row);
    await recordChange(tx, ctx, {
      entity: 'school-plan-action',
      entityId: action.id,
      action: 'created',
      after: { ...action, schoolUrn: school.urn },
    });
    return action;
  });
}
