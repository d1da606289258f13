import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { DirectorySearchQuery, DirectorySearchResult } from '../../contracts/directory.js';
import type { LanternDb } from '../../db/client.js';
import * as organisations from '../../db/repositories/organisations.repository.js';
import { AppError } from '../../domain/app-error.js';
import { compareMatches, matchService } from '../../domain/organisations/directory-match.js';
import { postcodeDistrict } from '../../domain/organisations/postcode.js';
import { groupHours, toDirectoryService } from './directory-view.js';

/** The "Find support" search: every published service, with whether it fits and why. */
export async function searchDirectory(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  query: DirectorySearchQuery,
): Promise<DirectorySearchResult> {
  await authorise(ctx, 'directory:read');
  const school = query.school === undefined ? null : await organisations.findSchool(deps.db, query.school);
  if (query.school !== undefined && !school) {
    throw new AppError('bad-request', 'We do not know that school.', [
      { name: 'school', reason: 'is not a school in this area' },
    ]);
  }
  const district = query.postcode ? postcodeDistrict(query.postcode) : null;
  const home = district ? await organisations.findPostcodeDistrict(deps.db, district) : null;
  const areaName = (await organisations.findArea(deps.db))?.name ?? 'this area';

  const rows = await organisations.directoryCandidates(deps.db, { schoolUrn: school?.urn ?? null, district });
  const hoursOf = groupHours(
    await organisations.openingHoursFor(
      deps.db,
      rows.map((row) => row.serviceId),
    ),
  );
  const now = ctx.now();
  const services = rows.map((row) => ({
    row,
    service: toDirectoryService(row, hoursOf(row.serviceId), now),
  }));

  const matches = services
    .filter(({ row }) => row.kind !== 'crisis')
    .map(({ row, service }) => ({
      ...service,
      ...matchService(
        { ...row, areaName },
        {
          age: query.age,
          need: query.need,
          school: school ?? undefined,
          homeArea: home ? { name: home.localAuthority } : undefined,
          hasCurrentRisk: query.risk === undefined ? undefined : query.risk === 'yes',
        },
      ),
    }))
    .sort(compareMatches);

  return {
    areaName,
    understood: {
      age: query.age ?? null,
      schoolName: school?.name ?? null,
      homeAreaName: home?.localAuthority ?? null,
      isPostcodeOutsideArea: district !== null && home === null,
      need: query.need ?? null,
    },
    matches,
    crisis: services.filter(({ row }) => row.kind === 'crisis').map(({ service }) => service),
  };
}
