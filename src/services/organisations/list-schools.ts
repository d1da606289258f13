import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { SchoolSummary } from '../../contracts/directory.js';
import type { LanternDb } from '../../db/client.js';
import * as organisations from '../../db/repositories/organisations.repository.js';

/** Schools in the area, for the "Which school?" question. School names and URNs are public. */
export async function listSchools(ctx: ServiceContext, deps: { db: LanternDb }): Promise<SchoolSummary[]> {
  await authorise(ctx, 'directory:read');
  return organisations.listSchools(deps.db);
}
