import type { Faker } from '@faker-js/faker';
import type { IdentityData } from '../db/repositories/identity.repository.js';
import type { OrganisationsData } from '../db/repositories/organisations.repository.js';
import type { Weighted } from './demo-referral-text.js';

// What the demo referrals need to know about the area, worked out once from its rows, and the
// calendar that shapes when referrals arrive and when triage looks at them.

export interface DemoFrontDoor {
  intakeTeamId: string;
  selfReferralMinAge: number;
  triageWorkingDays: number;
  referencePrefix: string;
}

/** The area as buildDemoArea has it before referrals are added. */
export interface DemoAreaBase {
  organisations: OrganisationsData;
  identity: IdentityData;
  frontDoor: DemoFrontDoor;
}

/** Where an accepted referral goes: the columns record-decision.ts sets on the referral. */
export interface Destination {
  kind: 'mhst' | 'camhs' | 'early-help' | 'online';
  serviceId: string;
  teamId: string;
  organisationId: string;
  agency: string;
}

export interface PlanSchool {
  urn: number;
  name: string;
  phase: string;
  lowestAge: number;
  highestAge: number;
  pupilCount: number;
  council: number;
  mhst: Destination | null;
}

export interface PlanCouncil {
  id: string;
  name: string;
  districts: string[];
  camhs: Destination;
  earlyHelp: Destination;
  /** The council's professional referrers: the first a GP, the second a social worker. */
  professionals: string[];
}

export interface StaffMember {
  id: string;
  displayName: string;
  email: string;
}

export type ReferralPlan = ReturnType<typeof referralPlan>;

const must = <T>(value: T | undefined | null, what: string): T => {
  if (value === undefined || value === null) throw new Error(`the demo area has no ${what}`);
  return value;
};

/** Lookups over the area's rows: schools with their council and MHST, services, and staff. */
export function referralPlan(area: DemoAreaBase) {
  const org = area.organisations;
  const serviceOf = (kind: string) =>
    must(
      org.services.find((s) => s.kind === kind),
      `${kind} service`,
    );
  const idOf = (row: { id?: string }) => must(row.id, 'id');
  const teamsOf = (serviceId: string) => org.teams.filter((t) => t.serviceId === serviceId);
  const camhs = serviceOf('camhs');
  const mhst = serviceOf('mhst');
  const online = serviceOf('online-support');
  const trustId = camhs.providerId;
  const users = new Map<string, StaffMember>();
  const organisationOf = new Map<string, string>();
  for (const user of area.identity.users) {
    users.set(idOf(user), { id: idOf(user), displayName: user.displayName, email: user.email });
    organisationOf.set(idOf(user), user.organisationId);
  }
  const holders = (role: string) =>
    area.identity.userRoles.filter((r) => r.role === role).map((r) => must(users.get(r.userId), role));

  const professionals = holders('professional-referrer').map((u) => u.id);
  const councils: PlanCouncil[] = org.organisations
    .filter((o) => o.kind === 'local-authority')
    .map((council) => {
      const id = idOf(council);
      const earlyHelp = must(
        org.services.find((s) => s.kind === 'early-help' && s.providerId === id),
        `early help for ${council.name}`,
      );
      const locality =
        teamsOf(idOf(camhs)).find((t) => t.name === `${council.name} CAMHS Locality Team`) ??
        must(
          teamsOf(idOf(camhs)).find((t) => t.id !== area.frontDoor.intakeTeamId),
          'CAMHS team',
        );
      return {
        id,
        name: council.name,
        districts: org.postcodeDistricts.filter((d) => d.localAuthorityId === id).map((d) => d.district),
        camhs: {
          kind: 'camhs',
          serviceId: idOf(camhs),
          teamId: idOf(locality),
          organisationId: trustId,
          agency: 'CAMHS',
        },
        earlyHelp: {
          kind: 'early-help',
          serviceId: idOf(earlyHelp),
          teamId: idOf(must(teamsOf(idOf(earlyHelp))[0], 'early help team')),
          organisationId: id,
          agency: `${council.name} Early Help`,
        },
        professionals: professionals.filter((u) => organisationOf.get(u) === id),
      };
    });
  const councilIndex = new Map(councils.map((c, index) => [c.id, index]));
  const mhstTeamOf = new Map(org.teamSchools.map((ts) => [ts.schoolUrn, ts.teamId]));
  const schools: PlanSchool[] = org.schools.map((school) => {
    const teamId = mhstTeamOf.get(school.urn);
    const team = teamId ? org.teams.find((t) => t.id === teamId) : undefined;
    return {
      urn: school.urn,
      name: school.name,
      phase: school.phase,
      lowestAge: school.lowestAge ?? 4,
      highestAge: school.highestAge ?? 18,
      pupilCount: school.pupilCount ?? 200,
      council: must(councilIndex.get(school.localAuthorityId), `council of school ${school.urn}`),
      mhst: team
        ? {
            kind: 'mhst',
            serviceId: idOf(mhst),
            teamId: idOf(team),
            organisationId: trustId,
            agency: team.name,
          }
        : null,
    };
  });
  const schoolReferrer = new Map<number, StaffMember>();
  for (const grant of area.identity.userRoles) {
    if (grant.role === 'school-staff-referrer' && grant.schoolUrn) {
      schoolReferrer.set(grant.schoolUrn, must(users.get(grant.userId), 'school referrer'));
    }
  }
  const slug = (name: string) =>
    idOf(
      must(
        org.services.find((s) => s.slug === name),
        name,
      ),
    );
  return {
    frontDoor: area.frontDoor,
    trustId,
    intake: { serviceId: idOf(camhs), teamId: area.frontDoor.intakeTeamId, organisationId: trustId },
    online: {
      kind: 'online',
      serviceId: idOf(online),
      teamId: idOf(must(teamsOf(idOf(online))[0], 'online team')),
      organisationId: online.providerId,
      agency: 'Lantern Online',
    } satisfies Destination,
    councils,
    schools,
    schoolReferrer,
    users,
    spaClinicians: holders('spa-clinician').map((u) => u.id),
    signposts: {
      counselling: slug('vale-youth-counselling'),
      bereavement: slug('little-steps-bereavement-support'),
      pride: slug('vale-pride-youth'),
      parents: slug('vale-parent-carer-support'),
      online: idOf(online),
      nursing: idOf(serviceOf('school-nursing')),
    },
    serviceNames: new Map(org.services.map((s) => [idOf(s), s.name])),
  };
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export function weighted<T>(faker: Faker, table: Weighted<T>): T {
  return faker.helpers.weightedArrayElement(
    table.filter(([, weight]) => weight > 0).map(([value, weight]) => ({ value, weight })),
  );
}

export function chance(faker: Faker, probability: number): boolean {
  return faker.number.float({ min: 0, max: 1 }) < probability;
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC of the day `ms` falls on. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

export function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}

/** The same time of day, `days` working days (Monday to Friday) later. */
export function addWorkingDays(ms: number, days: number): number {
  let at = ms;
  let left = days;
  while (left > 0 || isWeekend(at)) {
    at += DAY;
    if (!isWeekend(at)) left -= 1;
  }
  return at;
}

/**
 * How busy the front door is on a day, before scaling: schools refer most in term time, so
 * referrals dip in August, over Christmas and in the half terms, and Mondays are busiest.
 */
export function dayWeight(ms: number): number {
  const date = new Date(ms);
  const [month, day, weekday] = [date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay()];
  const week = [0.2, 1.25, 1.05, 1.05, 1.0, 0.85, 0.2][weekday] ?? 1;
  const inRange = (m: number, from: number, to: number) => month === m && day >= from && day <= to;
  let season = 1.1;
  if (month === 8) season = 0.4;
  else if (inRange(12, 20, 31) || inRange(1, 1, 3)) season = 0.3;
  else if (inRange(7, 22, 31) || inRange(9, 1, 4)) season = 0.6;
  else if (inRange(4, 1, 14) || inRange(10, 26, 31) || inRange(2, 14, 21) || inRange(5, 25, 31)) season = 0.7;
  else if (month === 1 || month === 2 || month === 3 || month === 10 || month === 11) season = 1.2;
  return season * week;
}

/** The average dayWeight over a whole year, so `perMonth` referrals arrive in an average month. */
export const meanDayWeight = (() => {
  const from = Date.UTC(2025, 0, 1);
  let total = 0;
  for (let d = 0; d < 365; d += 1) total += dayWeight(from + d * DAY);
  return total / 365;
})();
