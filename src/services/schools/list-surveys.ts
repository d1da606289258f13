import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { SchoolSurveys } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import { withScope } from '../../db/scoped.js';

import { schoolInReach } from './schools-in-reach.js';
import { schoolSurveys } from './surveys.js';

/** A school's survey rounds with their results, and the change from before to after the team's work. */
export async function listSchoolSurveys(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  urnParam: string,
): Promise<SchoolSurveys> {
  await authorise(ctx, 'school-work:read');
  const actor = staffOf(ctx);
  const school = await schoolInReach(ctx, deps.db, urnParam, 'school-work:read');
  return withScope(deps.db, recordScope(actor), (tx) => schoolSurveys(tx, school.urn, ctx.now()));
}
