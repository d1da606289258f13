import type { Faker } from '@faker-js/faker';
import type { PresentingNeed } from '../domain/organisations/needs.js';
import { ageOn } from '../domain/people/child-details.js';
import type { MhstTeamPlan } from './demo-mhst.js';
import { workingTimeBetween } from './demo-mhst-calendar.js';
import { consentFor, newReferral } from './demo-referral-form.js';
import { ageWeights, newDemoChild, schoolFits } from './demo-referral-people.js';
import {
  DAY,
  HOUR,
  isoDay,
  isWeekend,
  type PlanSchool,
  type ReferralPlan,
  weighted,
} from './demo-referral-plan.js';
import type { Weighted } from './demo-referral-text.js';
import type { DemoReferrals, ReferralRow } from './demo-referrals.js';

// The referrals an MHST is working on: those the front door already accepted to it, and more made
// here so each team has a waiting list of the size the source documents describe. The extra ones
// are school referrals, accepted by the single point of access like any other.

/** A referral accepted to an MHST, with what the casework needs to know about the young person. */
export interface MhstCase {
  referral: ReferralRow;
  /** The child's school, where the team sees them. */
  schoolUrn: number;
  /** Age at `now`, for groups. */
  age: number;
  acceptedAt: number;
}

/** Needs an MHST helps with, as the extra referrals name them first. */
const mhstFirstNeeds: Weighted<PresentingNeed> = [
  ['anxiety', 42],
  ['low-mood', 24],
  ['school-attendance', 10],
  ['friendships', 8],
  ['behaviour', 6],
  ['sleep', 5],
  ['obsessions-compulsions', 5],
];
const triageDays = [0.3, 1, 1, 1, 2, 2, 3, 4, 5, 7];

/** The front door's accepted referrals to a team that no one has allocated yet. */
export function acceptedMhstCases(rows: DemoReferrals, teamId: string, now: number): MhstCase[] {
  const acceptedAt = new Map<string, number>();
  for (const d of rows.triageDecisions) {
    if (d.kind === 'accept')
      acceptedAt.set(d.referralId, Math.max(acceptedAt.get(d.referralId) ?? 0, d.recordedAt.getTime()));
  }
  const schoolOf = new Map(rows.childSchools.map((cs) => [cs.childId, cs.schoolUrn]));
  const birthOf = new Map(rows.children.map((c) => [c.id, c.dateOfBirth]));
  return rows.referrals
    .filter((r) => r.teamId === teamId && r.status === 'accepted' && acceptedAt.has(r.id))
    .map((referral) => ({
      referral,
      schoolUrn: referral.schoolUrn ?? schoolOf.get(referral.childId) ?? 0,
      age: ageOn(birthOf.get(referral.childId) ?? '2010-01-01', isoDay(now)),
      acceptedAt: acceptedAt.get(referral.id) ?? referral.receivedAt.getTime(),
    }))
    .sort((a, b) => a.referral.receivedAt.getTime() - b.referral.receivedAt.getTime());
}

/** Makes school referrals to a team, received about when asked and accepted soon after, into `rows`. */
export function mhstReferralMaker(faker: Faker, plan: ReferralPlan, rows: DemoReferrals, now: number) {
  const references = new Set(rows.referrals.map((r) => r.reference));
  const nhsNumbers = new Set(rows.children.flatMap((c) => (c.nhsNumber ? [c.nhsNumber] : [])));
  const councilOf = new Map(plan.schools.map((s) => [s.urn, s.council]));
  const practices = plan.councils.map(() => new Set<string>());
  const schoolOf = new Map(rows.childSchools.map((cs) => [cs.childId, cs.schoolUrn]));
  for (const child of rows.children) {
    const council = councilOf.get(schoolOf.get(child.id) ?? 0);
    if (child.gpPractice && council !== undefined) practices[council]?.add(child.gpPractice);
  }

  return (team: MhstTeamPlan, target: number, ages?: { min: number; max: number }): MhstCase => {
    const fits = (school: PlanSchool, age: number) =>
      age >= 5 && schoolFits(school, age) && (!ages || (age >= ages.min && age <= ages.max));
    const ageTable = (school: PlanSchool) => ageWeights.filter(([age]) => fits(school, age));
    const schools = team.schools.filter((s) => ageTable(s).length > 0);
    const school = faker.helpers.weightedArrayElement(
      (schools.length ? schools : team.schools).map((s) => ({ value: s, weight: s.pupilCount })),
    );
    const table = ageTable(school);
    const age = table.length ? weighted(faker, table) : Math.max(5, school.lowestAge);
    // Schools refer in working hours on weekdays.
    let day = Math.floor(target / DAY) * DAY;
    while (isWeekend(day)) day -= DAY;
    const at = Math.min(workingTimeBetween(faker, day + 8.5 * HOUR, day + 16.5 * HOUR), now - 3 * HOUR);
    const made = newDemoChild(faker, plan, {
      age,
      school,
      atMs: at,
      isSelf: false,
      practices: [...(practices[school.council] ?? [])],
      nhsNumbers,
    });
    rows.children.push(made.child);
    rows.childSchools.push(made.childSchool);
    rows.carers.push(...made.carers);
    const firstNeed = weighted(faker, mhstFirstNeeds);
    const referral = newReferral(faker, plan, {
      at,
      now,
      source: 'school',
      age,
      school,
      child: made.child,
      firstNeed,
      references,
    });
    const destination = school.mhst;
    if (!destination) throw new Error(`school ${school.urn} has no MHST`);
    const acceptedAt = workingTimeBetween(
      faker,
      at + 2 * HOUR,
      Math.min(at + faker.helpers.arrayElement(triageDays) * DAY, now - HOUR),
    );
    // Mild to moderate: anything urgent or risky went to CAMHS instead.
    Object.assign(referral, {
      presentingNeeds: (referral.presentingNeeds ?? []).filter((need) => need !== 'self-harm'),
      isUrgent: false,
      riskToLifeNow: false,
      recentSelfHarm: false,
      riskDetails: referral.riskToOthers ? referral.riskDetails : '',
      needImpact:
        referral.needImpact === 'a-lot' && faker.datatype.boolean() ? 'quite-a-lot' : referral.needImpact,
      status: 'accepted',
      priority: 'routine',
      thriveGrouping: 'getting-help',
      serviceId: destination.serviceId,
      teamId: destination.teamId,
      organisationId: destination.organisationId,
      version: 2,
    });
    rows.referrals.push(referral);
    rows.referralConsents.push(
      consentFor(faker, {
        referralId: referral.id,
        source: 'school',
        age,
        atMs: at,
        referrerUserId: referral.referrerUserId ?? null,
        referrerName: referral.referrerName ?? null,
      }),
    );
    rows.triageDecisions.push({
      id: faker.string.uuid(),
      referralId: referral.id,
      kind: 'accept',
      thriveGrouping: 'getting-help',
      priority: 'routine',
      serviceId: destination.serviceId,
      teamId: destination.teamId,
      signpostedTo: [],
      notes: '',
      recordedBy: faker.helpers.arrayElement(plan.spaClinicians),
      recordedAt: new Date(acceptedAt),
    });
    return { referral, schoolUrn: school.urn, age: ageOn(made.child.dateOfBirth, isoDay(now)), acceptedAt };
  };
}
