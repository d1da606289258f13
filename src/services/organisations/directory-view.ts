import type { DirectoryService } from '../../contracts/directory.js';
import type { CandidateRow } from '../../db/repositories/organisations.repository.js';
import {
  describeOpeningHours,
  isOpenAt,
  type OpeningSession,
} from '../../domain/organisations/opening-hours.js';

/** Shapes one directory row and its opening hours into the public contract. */
export function toDirectoryService(
  row: CandidateRow,
  hours: readonly OpeningSession[],
  now: Date,
): DirectoryService {
  return {
    slug: row.slug,
    name: row.name,
    kind: row.kind as DirectoryService['kind'],
    provider: row.provider,
    summary: row.summary,
    whoFor: row.whoFor,
    ageMin: row.ageMin,
    ageMax: row.ageMax,
    thriveGroupings: row.thriveGroupings as DirectoryService['thriveGroupings'],
    presentingNeeds: row.presentingNeeds as DirectoryService['presentingNeeds'],
    acceptsSelfReferral: row.acceptsSelfReferral,
    selfReferralMinAge: row.selfReferralMinAge,
    referralRoutes: row.referralRoutes as DirectoryService['referralRoutes'],
    howToGetHelp: row.howToGetHelp,
    phone: row.phone,
    website: row.website,
    dropIn: row.dropIn,
    notFor: row.notFor,
    excludesCurrentRisk: row.excludesCurrentRisk,
    openingHours: describeOpeningHours(hours),
    isOpenNow: isOpenAt(hours, now),
  };
}

export function groupHours(rows: readonly (OpeningSession & { serviceId: string })[]) {
  const byService = new Map<string, OpeningSession[]>();
  for (const row of rows) byService.set(row.serviceId, [...(byService.get(row.serviceId) ?? []), row]);
  return (serviceId: string) => byService.get(serviceId) ?? [];
}
