import { asc, eq, inArray, sql } from 'drizzle-orm';
import { insertInChunks } from '../bulk-insert.js';
import { type LanternDb, queryRows } from '../client.js';
import {
  directoryEntries,
  directoryEntryAreas,
  openingHours,
  organisations,
  postcodeDistricts,
  schools,
  services,
  teamSchools,
  teams,
} from '../schema/organisations.js';

// The only code that queries the organisations area's tables. They hold public facts about
// services and schools, never a child's data, so reads here need no record scope.

export interface CandidateRow {
  serviceId: string;
  slug: string;
  name: string;
  kind: string;
  provider: string;
  summary: string;
  whoFor: string;
  ageMin: number;
  ageMax: number;
  coverage: 'whole-area' | 'local-authorities' | 'schools';
  thriveGroupings: string[];
  presentingNeeds: string[];
  acceptsSelfReferral: boolean;
  selfReferralMinAge: number | null;
  referralRoutes: string[];
  howToGetHelp: string;
  phone: string | null;
  website: string | null;
  dropIn: string | null;
  notFor: string;
  excludesCurrentRisk: boolean;
  coveredAreaNames: string[];
  coversSchool: boolean;
  coversSchoolArea: boolean;
  coversHomeArea: boolean;
}

/**
 * Every published directory entry, with whether it covers the given school and postcode district.
 * Exported as SQL so the benchmark can run exactly this query without the HTTP layer.
 */
export function directoryCandidatesSql(where: { schoolUrn: number | null; district: string | null }) {
  return sql`
    select e.service_id as "serviceId", s.slug, s.name, s.kind, p.name as provider,
      e.summary, e.who_for as "whoFor", e.age_min as "ageMin", e.age_max as "ageMax", e.coverage,
      e.thrive_groupings as "thriveGroupings", e.presenting_needs as "presentingNeeds",
      e.accepts_self_referral as "acceptsSelfReferral", e.self_referral_min_age as "selfReferralMinAge",
      e.referral_routes as "referralRoutes", e.how_to_get_help as "howToGetHelp", e.phone, e.website,
      e.drop_in as "dropIn", e.not_for as "notFor", e.excludes_current_risk as "excludesCurrentRisk",
      coalesce((select array_agg(la.name order by la.name) from directory_entry_areas a
        join organisations la on la.id = a.local_authority_id where a.service_id = e.service_id),
        '{}') as "coveredAreaNames",
      exists (select 1 from team_schools ts join teams t on t.id = ts.team_id
        where t.service_id = e.service_id and ts.school_urn = ${where.schoolUrn}) as "coversSchool",
      exists (select 1 from directory_entry_areas a join schools sc on sc.local_authority_id = a.local_authority_id
        where a.service_id = e.service_id and sc.urn = ${where.schoolUrn}) as "coversSchoolArea",
      exists (select 1 from directory_entry_areas a join postcode_districts d on d.local_authority_id = a.local_authority_id
        where a.service_id = e.service_id and d.district = ${where.district}) as "coversHomeArea"
    from directory_entries e
    join services s on s.id = e.service_id
    join organisations p on p.id = s.provider_id
    where e.is_published
    order by s.name`;
}

export function directoryCandidates(
  db: LanternDb,
  where: { schoolUrn: number | null; district: string | null },
) {
  return queryRows<CandidateRow>(db, directoryCandidatesSql(where));
}

export function directoryCandidateBySlug(db: LanternDb, slug: string) {
  return queryRows<CandidateRow>(
    db,
    sql`select * from (${directoryCandidatesSql({ schoolUrn: null, district: null })}) c where c.slug = ${slug}`,
  ).then((rows) => rows[0] ?? null);
}

export async function openingHoursFor(db: LanternDb, serviceIds: string[]) {
  if (serviceIds.length === 0) return [];
  return db
    .select({
      serviceId: openingHours.serviceId,
      dayOfWeek: openingHours.dayOfWeek,
      opens: openingHours.opens,
      closes: openingHours.closes,
    })
    .from(openingHours)
    .where(inArray(openingHours.serviceId, serviceIds));
}

export async function findSchool(db: LanternDb, urn: number) {
  const [row] = await db
    .select({ urn: schools.urn, name: schools.name, localAuthority: organisations.name })
    .from(schools)
    .innerJoin(organisations, eq(organisations.id, schools.localAuthorityId))
    .where(eq(schools.urn, urn));
  return row ?? null;
}

export async function findPostcodeDistrict(db: LanternDb, district: string) {
  const [row] = await db
    .select({ district: postcodeDistricts.district, localAuthority: organisations.name })
    .from(postcodeDistricts)
    .innerJoin(organisations, eq(organisations.id, postcodeDistricts.localAuthorityId))
    .where(eq(postcodeDistricts.district, district));
  return row ?? null;
}

export function listSchools(db: LanternDb) {
  return db
    .select({
      urn: schools.urn,
      name: schools.name,
      phase: schools.phase,
      localAuthority: organisations.name,
    })
    .from(schools)
    .innerJoin(organisations, eq(organisations.id, schools.localAuthorityId))
    .orderBy(asc(schools.name));
}

/** The integrated care board area the directory describes, by its everyday name. */
export async function findArea(db: LanternDb): Promise<{ name: string; isFictional: boolean } | null> {
  const [row] = await db
    .select({
      name: sql<string>`coalesce(${organisations.shortName}, ${organisations.name})`,
      isFictional: organisations.isFictional,
    })
    .from(organisations)
    .where(eq(organisations.kind, 'integrated-care-board'))
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  return row ?? null;
}

export async function countOrganisations(db: LanternDb): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(organisations);
  return Number(row?.count ?? 0);
}

/** Everything the organisations area holds for one area, written in dependency order. */
export interface OrganisationsData {
  organisations: (typeof organisations.$inferInsert)[];
  schools: (typeof schools.$inferInsert)[];
  postcodeDistricts: (typeof postcodeDistricts.$inferInsert)[];
  services: (typeof services.$inferInsert)[];
  teams: (typeof teams.$inferInsert)[];
  teamSchools: (typeof teamSchools.$inferInsert)[];
  directoryEntries: (typeof directoryEntries.$inferInsert)[];
  directoryEntryAreas: (typeof directoryEntryAreas.$inferInsert)[];
  openingHours: (typeof openingHours.$inferInsert)[];
}

export async function insertOrganisationsData(db: LanternDb, data: OrganisationsData): Promise<void> {
  await insertInChunks(db, organisations, data.organisations);
  await insertInChunks(db, schools, data.schools);
  await insertInChunks(db, postcodeDistricts, data.postcodeDistricts);
  await insertInChunks(db, services, data.services);
  await insertInChunks(db, teams, data.teams);
  await insertInChunks(db, teamSchools, data.teamSchools);
  await insertInChunks(db, directoryEntries, data.directoryEntries);
  await insertInChunks(db, directoryEntryAreas, data.directoryEntryAreas);
  await insertInChunks(db, openingHours, data.openingHours);
}

/** Teams with their service and how many schools each serves. */
export function listTeams(db: LanternDb) {
  return db
    .select({
      id: teams.id,
      name: teams.name,
      service: services.name,
      baseSchool: schools.name,
      schoolCount: sql<number>`(select count(*)::int from team_schools ts where ts.team_id = ${teams.id})`,
    })
    .from(teams)
    .innerJoin(services, eq(services.id, teams.serviceId))
    .leftJoin(schools, eq(schools.urn, teams.baseSchoolUrn))
    .orderBy(asc(services.name), asc(teams.name));
}

export async function findTeam(db: LanternDb, id: string) {
  const [row] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, id));
  return row ?? null;
}
