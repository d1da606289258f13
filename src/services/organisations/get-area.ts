import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { DirectoryArea } from '../../contracts/directory.js';
import type { LanternDb } from '../../db/client.js';
import * as organisations from '../../db/repositories/organisations.repository.js';
import { AppError } from '../../domain/app-error.js';

/** The area this installation serves, and whether it is the fictional demo area. */
export async function getArea(ctx: ServiceContext, deps: { db: LanternDb }): Promise<DirectoryArea> {
  await authorise(ctx, 'directory:read');
  const area = await organisations.findArea(deps.db);
  if (!area) throw new AppError('not-found', 'No area has been set up yet.');
  return area;
}
