import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { SchoolList } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import { schoolsInReach } from './schools-in-reach.js';

/** The schools the person works with, by name, with the team that serves each. */
export async function listSchoolsInReach(ctx: ServiceContext, deps: { db: LanternDb }): Promise<SchoolList> {
  await authorise(ctx, 'school-work:read');
  return { schools: await schoolsInReach(deps.db, ctx.actor) };
}
