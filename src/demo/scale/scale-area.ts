import { sql } from 'drizzle-orm';
import { type LanternDb, queryRows } from '../../db/client.js';
import { ageWeights } from '../demo-referral-people.js';
import type { Weighted } from '../demo-referral-text.js';
import { weightedSlots } from './scale-sql.js';

// What synthetic referrals need to know about the area already in the database: its schools with
// their council and Mental Health Support Team, each council's CAMHS and early help teams, the front
// door, and the staff of each team. Read from the tables, so any demo area (any seed or scale) works.

export interface ScaleSchool {
  i: number;
  urn: number;
  councilIndex: number;
  postcode: string;
  mhstTeamId: string | null;
  referrerUserId: string | null;
  /** Ages this school's referrals are, as equally likely slots weighted like the demo's referrals. */
  ages: number[];
  /** How often the school refers, relative to the others: pupils times how referred its ages are. */
  weight: number;
}

export interface ScaleCouncil {
  i: number;
  camhsTeamId: string;
  earlyHelpTeamId: string;
  earlyHelpServiceId: string;
  councilId: string;
}

export interface ScaleArea {
  schools: ScaleSchool[];
  councils: ScaleCouncil[];
  intakeTeamId: string;
  intakeServiceId: string;
  trustId: string;
  mhstServiceId: string;
  camhsServiceId: string;
  selfReferralMinAge: number;
  /** The practitioners of each team, by team id. */
  teamStaff: Map<string, string[]>;
  /** The single point of access clinicians who record triage decisions. */
  triageClinicians: string[];
}

/** The roles whose holders see young people in each kind of team. */
const practitionerRoles = ['emhp', 'senior-practitioner', 'camhs-clinician', 'early-help-worker'];

export class ScaleAreaError extends Error {
  override name = 'ScaleAreaError';
}

const need = <T>(value: T | undefined | null, what: string): T => {
  if (value === undefined || value === null) throw new ScaleAreaError(`the demo area has no ${what}`);
  return value;
};

const ageWeight = new Map(ageWeights);

/**
 * The school's ages, 4 to 18, weighted as the demo's referrals are, in 24 slots. A school's highest
 * age is the age its oldest pupils reach during their last year, so referrals take the year below.
 */
export function schoolAges(lowestAge: number, highestAge: number): number[] {
  const from = Math.max(4, lowestAge);
  const to = Math.min(18, highestAge > lowestAge ? highestAge - 1 : highestAge);
  const table: Weighted<number> =
    from > to
      ? [[Math.min(18, Math.max(4, lowestAge)), 1]]
      : Array.from({ length: to - from + 1 }, (_, k) => [from + k, ageWeight.get(from + k) ?? 1] as const);
  return weightedSlots(table, 24);
}

interface SchoolRow {
  urn: number;
  localAuthorityId: string;
  pupilCount: number;
  lowestAge: number;
  highestAge: number;
  postcode: string;
}

/** Reads the area. The caller runs as the tables' owner or the system: none of these rows is a child's. */
export async function loadScaleArea(db: LanternDb): Promise<ScaleArea> {
  const [frontDoor] = await queryRows<{ teamId: string; serviceId: string; minAge: number }>(
    db,
    sql`select f.intake_team_id as "teamId", t.service_id as "serviceId", f.self_referral_min_age as "minAge"
        from front_door_settings f join teams t on t.id = f.intake_team_id`,
  );
  const intake = need(frontDoor, 'front door (single point of access)');
  const services = await queryRows<{ id: string; kind: string; providerId: string }>(
    db,
    sql`select id, kind::text as kind, provider_id as "providerId" from services`,
  );
  const teams = await queryRows<{ id: string; serviceId: string; name: string }>(
    db,
    sql`select id, service_id as "serviceId", name from teams order by name, id`,
  );
  const councils = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from organisations where kind = 'local-authority' order by code`,
  );
  const schools = await queryRows<SchoolRow>(
    db,
    sql`select urn, local_authority_id as "localAuthorityId", pupil_count as "pupilCount",
               lowest_age as "lowestAge", highest_age as "highestAge", postcode
        from schools order by urn`,
  );
  const teamSchools = await queryRows<{ teamId: string; schoolUrn: number }>(
    db,
    sql`select ts.team_id as "teamId", ts.school_urn as "schoolUrn" from team_schools ts
        join teams t on t.id = ts.team_id join services s on s.id = t.service_id where s.kind = 'mhst'`,
  );
  const roles = await queryRows<{
    userId: string;
    role: string;
    teamId: string | null;
    schoolUrn: number | null;
  }>(
    db,
    sql`select r.user_id as "userId", r.role, r.team_id as "teamId", r.school_urn as "schoolUrn"
        from user_roles r join users u on u.id = r.user_id
        where r.revoked_at is null and u.is_active order by r.user_id`,
  );

  const camhs = need(
    services.find((s) => s.kind === 'camhs'),
    'CAMHS service',
  );
  const mhst = need(
    services.find((s) => s.kind === 'mhst'),
    'MHST service',
  );
  const camhsTeams = teams.filter((t) => t.serviceId === camhs.id && t.id !== intake.teamId);
  const scaleCouncils: ScaleCouncil[] = councils.map((council, i) => {
    const earlyHelp = need(
      services.find((s) => s.kind === 'early-help' && s.providerId === council.id),
      `early help service for ${council.name}`,
    );
    const locality =
      camhsTeams.find((t) => t.name === `${council.name} CAMHS Locality Team`) ??
      need(camhsTeams[i % Math.max(1, camhsTeams.length)], 'CAMHS team');
    return {
      i,
      councilId: council.id,
      camhsTeamId: locality.id,
      earlyHelpServiceId: earlyHelp.id,
      earlyHelpTeamId: need(
        teams.find((t) => t.serviceId === earlyHelp.id),
        `early help team for ${council.name}`,
      ).id,
    };
  });
  const councilIndex = new Map(scaleCouncils.map((c) => [c.councilId, c.i]));
  const mhstOf = new Map(teamSchools.map((ts) => [ts.schoolUrn, ts.teamId]));
  const referrerOf = new Map<number, string>();
  const teamStaff = new Map<string, string[]>();
  const triageClinicians: string[] = [];
  for (const grant of roles) {
    if (
      grant.role === 'school-staff-referrer' &&
      grant.schoolUrn !== null &&
      !referrerOf.has(grant.schoolUrn)
    ) {
      referrerOf.set(grant.schoolUrn, grant.userId);
    }
    if (grant.role === 'spa-clinician') triageClinicians.push(grant.userId);
    if (grant.teamId && practitionerRoles.includes(grant.role)) {
      const staff = teamStaff.get(grant.teamId) ?? [];
      if (!staff.includes(grant.userId)) staff.push(grant.userId);
      teamStaff.set(grant.teamId, staff);
    }
  }
  if (triageClinicians.length === 0) throw new ScaleAreaError('the demo area has no triage clinician');
  const scaleSchools = schools.map((school, i): ScaleSchool => {
    const ages = schoolAges(school.lowestAge, school.highestAge);
    const meanAgeWeight = ages.reduce((sum, age) => sum + (ageWeight.get(age) ?? 1), 0) / ages.length;
    return {
      i,
      urn: school.urn,
      councilIndex: need(councilIndex.get(school.localAuthorityId), `council of school ${school.urn}`),
      postcode: school.postcode,
      mhstTeamId: mhstOf.get(school.urn) ?? null,
      referrerUserId: referrerOf.get(school.urn) ?? null,
      ages,
      weight: Math.max(1, school.pupilCount) * meanAgeWeight,
    };
  });
  if (scaleSchools.length === 0) throw new ScaleAreaError('the demo area has no schools');
  return {
    schools: scaleSchools,
    councils: scaleCouncils,
    intakeTeamId: intake.teamId,
    intakeServiceId: intake.serviceId,
    trustId: camhs.providerId,
    mhstServiceId: mhst.id,
    camhsServiceId: camhs.id,
    selfReferralMinAge: intake.minAge,
    teamStaff,
    triageClinicians,
  };
}
