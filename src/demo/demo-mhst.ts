import type { Faker } from '@faker-js/faker';
import type {
  practitionerProfiles,
  practitionerSchoolDays,
  schoolLinkPractitioners,
} from '../db/schema/mhst.js';
import { demoFaker } from './demo-mhst-calendar.js';
import { otherLanguages } from './demo-mhst-text.js';
import { ageWeights, schoolFits } from './demo-referral-people.js';
import { chance, type DemoAreaBase, type PlanSchool, type ReferralPlan } from './demo-referral-plan.js';

// How each demo Mental Health Support Team is set up: what its practitioners can hold, the days
// they spend in which schools, and each school's link practitioner (always someone with days there).

export type ProfileRow = typeof practitionerProfiles.$inferInsert;
export type SchoolDayRow = typeof practitionerSchoolDays.$inferInsert;
export type LinkRow = typeof schoolLinkPractitioners.$inferInsert;

export interface DemoMhstStaff {
  practitionerProfiles: ProfileRow[];
  practitionerSchoolDays: SchoolDayRow[];
  schoolLinkPractitioners: LinkRow[];
}

/** Someone in the team who can be allocated young people: an EMHP or a senior practitioner. */
export interface MhstPractitioner {
  userId: string;
  displayName: string;
  role: 'emhp' | 'senior-practitioner';
  capacity: number;
  gender: string;
  languages: string[];
  /** School URN to the weekdays (1 = Monday) spent there. */
  days: Map<number, number[]>;
}

export interface MhstTeamPlan {
  id: string;
  name: string;
  schools: PlanSchool[];
  managerId: string;
  /** Clinicians who answer the consultation line: senior practitioners, the clinical lead and supervisor. */
  clinicians: string[];
  practitioners: MhstPractitioner[];
  linkOf: Map<number, MhstPractitioner>;
  /** Each school's senior mental health lead. */
  leadOf: Map<number, string>;
}

/** When the teams last set up their profiles: the start of the school year before `now`. */
const setUpAt = (now: Date) =>
  new Date(Date.UTC(now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1, 8, 1, 9));

/**
 * How many referrals each school tends to send, relatively: each age's share of referrals, split
 * among the area's schools teaching that age by their pupils of that age (as the referrals are made).
 */
function likelyReferrals(schools: readonly PlanSchool[]): Map<number, number> {
  const perYear = (s: PlanSchool) => s.pupilCount / Math.max(1, s.highestAge - s.lowestAge);
  const likely = new Map<number, number>();
  for (const [age, weight] of ageWeights) {
    const teaching = schools.filter((s) => schoolFits(s, age));
    const pupils = teaching.reduce((sum, s) => sum + perYear(s), 0);
    for (const s of teaching) likely.set(s.urn, (likely.get(s.urn) ?? 0) + (weight * perYear(s)) / pupils);
  }
  return likely;
}

export const MHST_STAFF_STREAM = 101;

export function buildDemoMhstStaff(
  seed: number,
  area: DemoAreaBase,
  plan: ReferralPlan,
  now: Date,
): { staff: DemoMhstStaff; teams: MhstTeamPlan[] } {
  const faker = demoFaker(seed, MHST_STAFF_STREAM);
  const staff: DemoMhstStaff = {
    practitionerProfiles: [],
    practitionerSchoolDays: [],
    schoolLinkPractitioners: [],
  };
  const names = new Map(area.identity.users.map((u) => [u.id ?? '', u.displayName]));
  const grants = area.identity.userRoles.filter((r) => r.revokedAt == null);
  const leadOf = new Map(
    grants.flatMap((r) =>
      r.role === 'senior-mental-health-lead' && r.schoolUrn ? [[r.schoolUrn, r.userId]] : [],
    ),
  );
  const genderOf = nameGender(faker);
  const updatedAt = setUpAt(now);
  const teams: MhstTeamPlan[] = [];
  const mhstServiceId = area.organisations.services.find((s) => s.kind === 'mhst')?.id;
  const likely = likelyReferrals(plan.schools);
  // Looked up once: at the largest scale there are thousands of grants and schools.
  const grantsOf = new Map<string, typeof grants>();
  for (const grant of grants)
    if (grant.teamId) grantsOf.set(grant.teamId, [...(grantsOf.get(grant.teamId) ?? []), grant]);
  const urnsOf = new Map<string, Set<number>>();
  for (const ts of area.organisations.teamSchools)
    urnsOf.set(ts.teamId, (urnsOf.get(ts.teamId) ?? new Set()).add(ts.schoolUrn));
  const planSchool = new Map(plan.schools.map((s) => [s.urn, s]));
  for (const team of area.organisations.teams.filter((t) => t.serviceId === mhstServiceId)) {
    const teamId = team.id ?? '';
    const holders = (role: string) =>
      (grantsOf.get(teamId) ?? []).filter((r) => r.role === role).map((r) => r.userId);
    const schools = [...(urnsOf.get(teamId) ?? [])]
      .sort((x, y) => x - y)
      .flatMap((urn) => planSchool.get(urn) ?? []);
    const [managerId = '', clinicalLeadId = '', supervisorId = ''] = [
      ...holders('mhst-team-manager'),
      ...holders('mhst-clinical-lead'),
      ...holders('supervisor'),
    ];
    const practitioners: MhstPractitioner[] = [
      ...holders('senior-practitioner').map((userId) => ({ userId, role: 'senior-practitioner' as const })),
      ...holders('emhp').map((userId) => ({ userId, role: 'emhp' as const })),
    ].map(({ userId, role }) => {
      const displayName = names.get(userId) ?? 'Practitioner';
      return {
        userId,
        displayName,
        role,
        capacity:
          role === 'emhp' ? faker.number.int({ min: 12, max: 16 }) : faker.number.int({ min: 8, max: 10 }),
        gender: genderOf(displayName),
        languages: ['English'],
        days: new Map<number, number[]>(),
      };
    });
    // One or two practitioners in each team speak another language families ask for.
    for (const speaker of faker.helpers.arrayElements(practitioners, { min: 1, max: 2 })) {
      speaker.languages.push(faker.helpers.arrayElement(otherLanguages));
    }
    const linkOf = placeInSchools(faker, schools, practitioners, likely);
    teams.push({
      id: teamId,
      name: team.name,
      schools,
      managerId,
      clinicians: [
        ...practitioners.filter((p) => p.role === 'senior-practitioner').map((p) => p.userId),
        clinicalLeadId,
        supervisorId,
      ],
      practitioners,
      linkOf,
      leadOf,
    });
    for (const p of practitioners) {
      staff.practitionerProfiles.push({
        userId: p.userId,
        teamId,
        caseloadCapacity: p.capacity,
        gender: p.gender,
        languages: p.languages,
        updatedAt,
      });
      for (const [schoolUrn, weekdays] of p.days) {
        for (const weekday of weekdays)
          staff.practitionerSchoolDays.push({ userId: p.userId, teamId, schoolUrn, weekday });
      }
    }
    // Supervisors and clinical leads hold a few young people themselves.
    for (const userId of [clinicalLeadId, supervisorId].filter(Boolean)) {
      const displayName = names.get(userId) ?? '';
      const languages = chance(faker, 0.2)
        ? ['English', faker.helpers.arrayElement(otherLanguages)]
        : ['English'];
      staff.practitionerProfiles.push({
        userId,
        teamId,
        caseloadCapacity: 4,
        gender: genderOf(displayName),
        languages,
        updatedAt,
      });
    }
    for (const school of schools) {
      const link = linkOf.get(school.urn);
      if (link)
        staff.schoolLinkPractitioners.push({ teamId, schoolUrn: school.urn, userId: link.userId, updatedAt });
    }
  }
  return { staff, teams };
}

/**
 * Makes each school's link practitioner the one with most room for the referrals it will likely
 * send (bigger schools with more teenagers send more), at most three link schools for a senior
 * practitioner and five for an EMHP; then adds a few schools each without the link, and one or two
 * weekdays in each school, spread across the week.
 */
function placeInSchools(
  faker: Faker,
  schools: PlanSchool[],
  practitioners: MhstPractitioner[],
  likely: Map<number, number>,
) {
  const linkOf = new Map<number, MhstPractitioner>();
  if (practitioners.length === 0) return linkOf;
  const load = new Map<MhstPractitioner, number>(practitioners.map((p) => [p, 0]));
  const links = new Map<MhstPractitioner, number>(practitioners.map((p) => [p, 0]));
  const bySize = schools
    .map((school) => ({
      school,
      weight: (likely.get(school.urn) ?? 0) * faker.number.float({ min: 0.8, max: 1.2 }),
    }))
    .sort((a, b) => b.weight - a.weight);
  for (const { school, weight } of bySize) {
    const open = practitioners.filter((p) => (links.get(p) ?? 0) < (p.role === 'emhp' ? 5 : 3));
    const [best] = (open.length ? open : practitioners)
      // Senior practitioners keep room for the complex work others pass to them.
      .map((p) => ({
        p,
        after: ((load.get(p) ?? 0) + weight) / (p.capacity * (p.role === 'emhp' ? 1 : 0.6)),
      }))
      .sort((a, b) => a.after - b.after);
    if (!best) continue;
    linkOf.set(school.urn, best.p);
    load.set(best.p, (load.get(best.p) ?? 0) + weight);
    links.set(best.p, (links.get(best.p) ?? 0) + 1);
  }

  for (const p of practitioners) {
    const dayLoad = [0, 0, 0, 0, 0, 0];
    const pickDays = (count: number) => {
      const days = faker.helpers
        .shuffle([1, 2, 3, 4, 5])
        .sort((a, b) => (dayLoad[a] ?? 0) - (dayLoad[b] ?? 0));
      const chosen = days.slice(0, count).sort((a, b) => a - b);
      for (const day of chosen) dayLoad[day] = (dayLoad[day] ?? 0) + 1;
      return chosen;
    };
    const own = schools.filter((s) => linkOf.get(s.urn) === p);
    const total =
      p.role === 'emhp' ? faker.number.int({ min: 4, max: 6 }) : faker.number.int({ min: 2, max: 3 });
    const others = faker.helpers.shuffle(schools.filter((s) => linkOf.get(s.urn) !== p));
    for (const school of own) p.days.set(school.urn, pickDays(chance(faker, 0.4) ? 2 : 1));
    for (const school of others.slice(0, Math.max(0, total - own.length)))
      p.days.set(school.urn, pickDays(1));
  }
  return linkOf;
}

/** A practitioner's gender as their first name suggests, so the demo never reads oddly; else female. */
function nameGender(faker: Faker) {
  const lists = faker.definitions.person.first_name;
  const female = new Set(lists.female ?? []);
  const male = new Set(lists.male ?? []);
  return (displayName: string) => {
    const first = displayName.split(' ')[0] ?? '';
    return male.has(first) && !female.has(first) ? 'male' : 'female';
  };
}
