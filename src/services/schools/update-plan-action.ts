import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { PlanAction, UpdatePlanActionInput } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { recordChange } from '../audit/record-change.js';

import { schoolInReach } from './schools-in-reach.js';
import { planActionOf } from './whole-school.js';

const stale = () =>
  new AppError(
    'precondition-failed',
    'Someone changed this action since you opened it. Reload it to see their change, then try again.',
  );

/** Changes a plan action (what, who, by when, how far it has got) over the version the person saw. */
export async function updatePlanAction(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  urnParam: string,
  actionId: string,
  expectedVersion: number,
  input: UpdatePlanActionInput,
): Promise<PlanAction> {
  await authorise(ctx, 'school-work:record');
  const actor = staffOf(ctx);
  const school = await schoolInReach(ctx, deps.db, urnParam, 'school-work:record');
  return withScope(deps.db, recordScope(actor), async (tx) => {
    const found = await schoolWork.findPlanAction(tx, school.urn, actionId);
    if (!found) throw new AppError('not-found', 'There is no such action in this school’s plan.');
    if (found.version !== expectedVersion) throw stale();
    const changed = await schoolWork.updatePlanActionIfVersion(tx, actionId, expectedVersion, {
      action: input.action,
      owner: input.owner,
      dueOn: input.dueOn ?? null,
      status: input.status,
    });
    if (!changed) throw stale();
    const before = planActionOf(found);
    const after = planActionOf(changed);
    await recordChange(tx, ctx, {
      entity: 'school-plan-action',
      entityId: actionId,
      action: 'changed',
      before,
      after,
    });
    return after;
  });
}
