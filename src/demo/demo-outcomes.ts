import type { Faker } from '@faker-js/faker';
import type { DeclineReason } from '../domain/referrals/triage-decisions.js';
import { adultName } from './demo-referral-people.js';
import { chance, DAY, type Destination, type ReferralPlan, weighted } from './demo-referral-plan.js';
import type { Intake } from './demo-referrals.js';
import type { WorkerRow } from './demo-triage.js';

// Where triage sends a demo referral: the service that accepts it, the help it is pointed to, or
// why it is declined. Each fits the young person's age, needs and school.

/** Needs an MHST helps with in school: mild to moderate, mostly worry and low mood. */
const mhstNeeds = new Set([
  'anxiety',
  'low-mood',
  'sleep',
  'friendships',
  'school-attendance',
  'obsessions-compulsions',
  'behaviour',
]);
const familyNeeds = new Set(['family-relationships', 'behaviour', 'parenting-support', 'school-attendance']);

/**
 * The team that takes an accepted referral: the school's MHST where it has one (ages 5 and up),
 * the council's early help for family needs, Lantern Online for some teenagers, otherwise CAMHS.
 * Urgent referrals go to CAMHS.
 */
export function destinationFor(
  faker: Faker,
  plan: ReferralPlan,
  intake: Intake,
  urgent = false,
): Destination {
  const council = plan.councils[intake.school.council];
  if (!council) throw new Error(`no council for school ${intake.school.urn}`);
  const need = intake.firstNeed;
  if (urgent) return council.camhs;
  if (intake.school.mhst && intake.age >= 5 && mhstNeeds.has(need) && chance(faker, 0.75)) {
    return intake.school.mhst;
  }
  if ((familyNeeds.has(need) && chance(faker, 0.6)) || chance(faker, intake.age < 8 ? 0.4 : 0.1)) {
    return council.earlyHelp;
  }
  if (intake.age >= 11 && (need === 'anxiety' || need === 'low-mood') && chance(faker, 0.15)) {
    return plan.online;
  }
  return council.camhs;
}

/** Services a family is pointed to: one for their particular need first, then general support for the age. */
export function signpostsFor(faker: Faker, plan: ReferralPlan, intake: Intake): string[] {
  const s = plan.signposts;
  const needs = intake.referral.presentingNeeds ?? [];
  const age = intake.age;
  const specific = [
    ...(needs.includes('bereavement') ? [s.bereavement] : []),
    ...(needs.includes('identity-lgbtq') && age >= 11 ? [s.pride] : []),
    ...(age < 13 && needs.some((n) => familyNeeds.has(n)) ? [s.parents] : []),
  ];
  const general =
    age >= 11 ? [s.counselling, s.online, s.nursing] : age >= 5 ? [s.nursing, s.parents] : [s.parents];
  const chosen = faker.helpers.arrayElements(general, { min: 1, max: 2 });
  return [...new Set([...specific, ...chosen])].slice(0, 3);
}

/** A coded reason for a decline: mostly needs that do not call for a specialist service. */
export function declineReasonFor(faker: Faker, age: number): DeclineReason {
  return weighted(faker, [
    ['below-threshold', 45],
    ['not-mental-health', 18],
    ['already-receiving-help', 15],
    ['above-threshold', 8],
    ['outside-area', 6],
    ['consent-withdrawn', 5],
    ['outside-age', age >= 18 ? 3 : 0],
  ] as const);
}

/** The agency a lead worker comes from, given where the referral went. */
function leadAgencyFor(faker: Faker, plan: ReferralPlan, intake: Intake): string {
  const council = plan.councils[intake.school.council];
  const serviceId = intake.referral.serviceId;
  if (council && serviceId === council.earlyHelp.serviceId) return council.earlyHelp.agency;
  if (serviceId === plan.online.serviceId) return plan.online.agency;
  if (chance(faker, 0.4)) return intake.school.name;
  return serviceId === intake.school.mhst?.serviceId ? (intake.school.mhst?.agency ?? 'MHST') : 'CAMHS';
}

/**
 * The family's lead worker, from another agency, named a few days after `from`; now and then the
 * first hands over to a second, and the first spell is ended rather than changed.
 */
export function leadWorkerSpells(
  faker: Faker,
  plan: ReferralPlan,
  intake: Intake,
  input: { from: number; now: number; recordedBy: () => string; worker?: { name: string; agency: string } },
): WorkerRow[] {
  const agency = input.worker?.agency ?? leadAgencyFor(faker, plan, intake);
  const spells = !input.worker && chance(faker, 0.1) ? 2 : 1;
  const rows: WorkerRow[] = [];
  let at = input.from + faker.number.int({ min: 1, max: 10 }) * DAY;
  for (let spell = 1; spell <= spells && at < input.now; spell += 1) {
    const handover = at + faker.number.int({ min: 14, max: 60 }) * DAY;
    const last = spell === spells || handover >= input.now;
    rows.push({
      id: faker.string.uuid(),
      referralId: intake.referral.id,
      userId: null,
      externalName: input.worker?.name ?? adultName(faker),
      externalAgency: agency,
      externalPhone: `01632 960${faker.string.numeric(3)}`,
      role: 'lead-worker',
      recordedBy: input.recordedBy(),
      startedAt: new Date(at),
      endedAt: last ? null : new Date(handover),
    });
    if (last) break;
    at = handover;
  }
  return rows;
}
