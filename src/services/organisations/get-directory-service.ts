import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { DirectoryService } from '../../contracts/directory.js';
import type { LanternDb } from '../../db/client.js';
import * as organisations from '../../db/repositories/organisations.repository.js';
import { AppError } from '../../domain/app-error.js';
import { toDirectoryService } from './directory-view.js';

/** One published service's directory entry. */
export async function getDirectoryService(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  slug: string,
): Promise<DirectoryService> {
  await authorise(ctx, 'directory:read');
  const row = await organisations.directoryCandidateBySlug(deps.db, slug);
  if (!row) throw new AppError('not-found', 'There is no service at this address.');
  const hours = await organisations.openingHoursFor(deps.db, [row.serviceId]);
  return toDirectoryService(row, hours, ctx.now());
}
