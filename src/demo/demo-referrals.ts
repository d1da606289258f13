import type { Faker } from '@faker-js/faker';
import type { referrals } from '../db/schema/referrals.js';
import type { PresentingNeed } from '../domain/organisations/needs.js';
import { ageOn } from '../domain/people/child-details.js';
import { consentFor, newReferral } from './demo-referral-form.js';
import {
  ageWeights,
  type CarerRow,
  type ChildRow,
  type ChildSchoolRow,
  type ConsentRow,
  gpPractices,
  newDemoChild,
  schoolFits,
} from './demo-referral-people.js';
import {
  chance,
  DAY,
  type DemoAreaBase,
  dayWeight,
  isoDay,
  isWeekend,
  meanDayWeight,
  type PlanSchool,
  type ReferralPlan,
  referralPlan,
  weighted,
} from './demo-referral-plan.js';
import { firstNeeds, type Weighted } from './demo-referral-text.js';
import { type DemoTriage, triageDemoReferrals } from './demo-triage.js';

// About 18 months of referrals to the demo area's single point of access, as plain rows: who was
// referred, by whom, when, and what triage and the multi-agency meetings decided. Pure: the same
// faker state, area and `now` always give the same rows.

export type ReferralRow = typeof referrals.$inferInsert & { id: string; receivedAt: Date };

export interface DemoReferrals extends DemoTriage {
  children: ChildRow[];
  childSchools: ChildSchoolRow[];
  carers: CarerRow[];
  referrals: ReferralRow[];
  referralConsents: ConsentRow[];
}

export interface DemoReferralOptions {
  /** The demo's present: nothing is received or decided after it. */
  now: Date;
  months: number;
}

/** What triage needs to know about a referral beyond its row. */
export interface Intake {
  referral: ReferralRow;
  child: ChildRow;
  school: PlanSchool;
  age: number;
  firstNeed: PresentingNeed;
}

/** Referrals a month at scale 1, in an average month. */
export const REFERRALS_PER_MONTH = 60;

const weekdaySources: Weighted<ReferralRow['source']> = [
  ['school', 45],
  ['parent', 20],
  ['gp', 15],
  ['self', 10],
  ['professional', 10],
];
const weekendSources: Weighted<ReferralRow['source']> = [
  ['parent', 65],
  ['self', 35],
];

export function buildDemoReferrals(
  faker: Faker,
  area: DemoAreaBase,
  options: DemoReferralOptions,
): DemoReferrals {
  const plan = referralPlan(area);
  const now = options.now.getTime();
  const start = new Date(options.now);
  start.setUTCMonth(start.getUTCMonth() - options.months);
  const scale = plan.councils.length / 2;
  const perDay = (REFERRALS_PER_MONTH * 12 * scale) / 365 / meanDayWeight;
  const practices = gpPractices(faker, plan);
  const out = { children: [] as ChildRow[], childSchools: [] as ChildSchoolRow[], carers: [] as CarerRow[] };
  const consents: ConsentRow[] = [];
  const intakes: Intake[] = [];
  const references = new Set<string>();
  const nhsNumbers = new Set<string>();
  const referralsOf = new Map<string, number>();
  const firstCarerOf = new Map<string, CarerRow>();
  const schoolsFor = schoolPicker(plan);
  let oldEnough = 0;

  for (
    let day = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
    day < now;
    day += DAY
  ) {
    const expected = perDay * dayWeight(day);
    const count = Math.floor(expected + faker.number.float({ min: 0, max: 1 }));
    const times = Array.from({ length: count }, () => day + arrivalHour(faker, day)).sort((a, b) => a - b);
    while (
      oldEnough < intakes.length &&
      (intakes[oldEnough]?.referral.receivedAt.getTime() ?? 0) < day - 120 * DAY
    ) {
      oldEnough += 1;
    }
    for (const at of times) {
      if (at >= now) continue;
      const again = chance(faker, 0.07) ? reReferral(faker, intakes, oldEnough, referralsOf, at) : null;
      const source = pickSource(faker, at, again ? again.age : null, plan.frontDoor.selfReferralMinAge);
      const age = again?.age ?? pickAge(faker, source === 'self' ? plan.frontDoor.selfReferralMinAge : 4);
      const school = again?.school ?? schoolsFor(faker, age);
      let child = again?.child;
      if (!child) {
        const made = newDemoChild(faker, plan, {
          age,
          school,
          atMs: at,
          isSelf: source === 'self',
          practices: practices[school.council] ?? [],
          nhsNumbers,
        });
        child = made.child;
        out.children.push(made.child);
        out.childSchools.push(made.childSchool);
        out.carers.push(...made.carers);
        if (made.carers[0]) firstCarerOf.set(made.child.id, made.carers[0]);
      }
      referralsOf.set(child.id, (referralsOf.get(child.id) ?? 0) + 1);
      const firstNeed = weighted(faker, firstNeeds);
      const referral = newReferral(faker, plan, {
        at,
        now,
        source,
        age,
        school,
        child,
        firstNeed,
        references,
      });
      const firstCarer = source === 'parent' ? firstCarerOf.get(child.id) : undefined;
      if (firstCarer) {
        referral.referrerName = firstCarer.name;
        referral.referrerRole = firstCarer.relationship;
        referral.referrerEmail = firstCarer.email ?? null;
        referral.referrerPhone = firstCarer.phone ?? null;
      }
      consents.push(
        consentFor(faker, {
          referralId: referral.id,
          source,
          age,
          atMs: at,
          referrerUserId: referral.referrerUserId ?? null,
          referrerName: referral.referrerName ?? null,
        }),
      );
      intakes.push({ referral, child, school, age, firstNeed });
    }
  }
  const triage = triageDemoReferrals(faker, plan, intakes, { now });
  return {
    ...out,
    referrals: intakes.map((i) => i.referral),
    referralConsents: [...consents, ...triage.withdrawnConsents],
    ...triage.rows,
  };
}

/** Staff refer in working hours; families and young people at any time from early till late. */
function arrivalHour(faker: Faker, day: number): number {
  const [from, to] = isWeekend(day) ? [8, 22] : [7.5, 22];
  const working = !isWeekend(day) && chance(faker, 0.8);
  return (
    Math.round(faker.number.float(working ? { min: 8, max: 17.5 } : { min: from, max: to }) * 60) * 60_000
  );
}

function pickSource(faker: Faker, at: number, age: number | null, selfMinAge: number): ReferralRow['source'] {
  const source = weighted(faker, isWeekend(at) ? weekendSources : weekdaySources);
  return source === 'self' && age !== null && age < selfMinAge ? 'parent' : source;
}

function pickAge(faker: Faker, minimum: number): number {
  return weighted(
    faker,
    ageWeights.filter(([age]) => age >= minimum),
  );
}

/** Picks a school that teaches children of an age, larger schools more often: a cumulative table per age. */
function schoolPicker(plan: ReferralPlan) {
  const tables = new Map<number, { schools: PlanSchool[]; upTo: number[] }>();
  for (let age = 4; age <= 18; age += 1) {
    const schools = plan.schools.filter((s) => schoolFits(s, age));
    let total = 0;
    const upTo = schools.map((s) => {
      total += s.pupilCount / Math.max(1, s.highestAge - s.lowestAge);
      return total;
    });
    tables.set(age, { schools, upTo });
  }
  return (faker: Faker, age: number): PlanSchool => {
    const table = tables.get(age);
    if (!table || table.schools.length === 0) throw new Error(`no demo school teaches children aged ${age}`);
    const target = faker.number.float({ min: 0, max: table.upTo[table.upTo.length - 1] ?? 0 });
    let [low, high] = [0, table.upTo.length - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((table.upTo[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return table.schools[low] as PlanSchool;
  };
}

/** A child referred once before, at least four months ago, still at a school that fits their age. */
function reReferral(
  faker: Faker,
  intakes: Intake[],
  oldEnough: number,
  referralsOf: Map<string, number>,
  at: number,
) {
  if (oldEnough === 0) return null;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const earlier = intakes[faker.number.int({ min: 0, max: oldEnough - 1 })];
    if (!earlier || referralsOf.get(earlier.child.id) !== 1) continue;
    if (at - earlier.referral.receivedAt.getTime() > 450 * DAY) continue;
    const age = ageOn(earlier.child.dateOfBirth, isoDay(at));
    if (age <= 18 && schoolFits(earlier.school, age))
      return { child: earlier.child, school: earlier.school, age };
  }
  return null;
}
