import type { Faker } from '@faker-js/faker';
import type { PresentingNeed } from '../domain/organisations/needs.js';
import type { ChildRow, ConsentRow } from './demo-referral-people.js';
import { chance, HOUR, type PlanSchool, type ReferralPlan, weighted } from './demo-referral-plan.js';
import {
  needWords,
  primaryReferrerRoles,
  relatedNeeds,
  riskToLifeWords,
  schoolReferrerRoles,
  selfHarmRisk,
  triedSoFar,
} from './demo-referral-text.js';
import type { ReferralRow } from './demo-referrals.js';

// What a demo referral's form said: the needs in the referrer's words, the risks, who referred, and
// consent. School, GP and professional referrals come from the area's signed-in demo staff.

/** Crockford's alphabet without look-alikes, as submit-referral.ts uses. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A reference such as LV-7K3P-QX, not used before. */
function newReference(faker: Faker, prefix: string, used: Set<string>): string {
  for (;;) {
    const reference = `${prefix}-${faker.string.fromCharacters(ALPHABET, 4)}-${faker.string.fromCharacters(ALPHABET, 2)}`;
    if (!used.has(reference)) {
      used.add(reference);
      return reference;
    }
  }
}

export function newReferral(
  faker: Faker,
  plan: ReferralPlan,
  input: {
    at: number;
    now: number;
    source: ReferralRow['source'];
    age: number;
    school: PlanSchool;
    child: ChildRow;
    firstNeed: PresentingNeed;
    references: Set<string>;
  },
): ReferralRow {
  const { source, firstNeed, age } = input;
  const related = (relatedNeeds[firstNeed] ?? []).filter((n) => n !== 'parenting-support' || age < 13);
  const more =
    related.length > 0
      ? faker.helpers.arrayElements(related, { min: 0, max: Math.min(2, related.length) })
      : [];
  const needs = [firstNeed, ...more];
  const selfHarm = needs.includes('self-harm') && chance(faker, 0.75);
  // Urgent referrals are looked at the same day, so none is left undecided at `now`.
  const canBeUrgent = input.now - input.at > 12 * HOUR;
  const riskToLife =
    canBeUrgent && age >= 11 && (selfHarm || firstNeed === 'low-mood') && chance(faker, 0.06);
  const isUrgent = canBeUrgent && (riskToLife || (selfHarm && chance(faker, 0.3)) || chance(faker, 0.045));
  const riskToOthers = firstNeed === 'behaviour' && chance(faker, 0.15);
  const council = plan.councils[input.school.council];
  const staff =
    source === 'school'
      ? plan.schoolReferrer.get(input.school.urn)
      : source === 'gp' || source === 'professional'
        ? plan.users.get(council?.professionals[source === 'gp' ? 0 : 1] ?? council?.professionals[0] ?? '')
        : undefined;
  const role =
    source === 'school'
      ? faker.helpers.arrayElement(
          input.school.phase === 'primary' ? primaryReferrerRoles : schoolReferrerRoles,
        )
      : source === 'gp'
        ? 'GP'
        : source === 'professional'
          ? faker.helpers.arrayElement([
              'Social worker',
              'Health visitor',
              'Youth justice worker',
              'Paediatrician',
            ])
          : null;
  const reference = newReference(faker, plan.frontDoor.referencePrefix, input.references);
  const receivedAt = new Date(input.at);
  return {
    id: faker.string.uuid(),
    reference,
    childId: input.child.id,
    receivedAt,
    source,
    referrerUserId: staff?.id ?? null,
    // Only a school's own referrals carry its URN (its senior mental health lead sees those).
    schoolUrn: source === 'school' ? input.school.urn : null,
    organisationId: plan.intake.organisationId,
    serviceId: plan.intake.serviceId,
    teamId: plan.intake.teamId,
    status: 'received',
    presentingNeeds: needs,
    isUrgent,
    priority: null,
    thriveGrouping: null,
    needDescription: faker.helpers.arrayElement(needWords[firstNeed]),
    needDuration: faker.helpers.arrayElement(['weeks', 'months', 'months', 'over-a-year']),
    needImpact: isUrgent
      ? 'a-lot'
      : faker.helpers.arrayElement(['a-little', 'quite-a-lot', 'quite-a-lot', 'a-lot']),
    triedSoFar: faker.helpers.arrayElement(triedSoFar),
    riskToLifeNow: riskToLife,
    recentSelfHarm: selfHarm,
    riskToOthers,
    riskDetails: riskToLife
      ? riskToLifeWords
      : selfHarm
        ? faker.helpers.arrayElement(selfHarmRisk)
        : riskToOthers
          ? 'Has hit out at a younger sibling when angry.'
          : '',
    referrerName: staff?.displayName ?? null,
    referrerRole: role,
    referrerOrganisation:
      source === 'school'
        ? input.school.name
        : source === 'gp'
          ? (input.child.gpPractice ?? null)
          : source === 'professional'
            ? `${council?.name ?? 'Vale'} Council`
            : null,
    referrerPhone: null,
    referrerEmail: staff?.email ?? null,
    informationRequestedAt: null,
    version: 1,
    createdAt: receivedAt,
  };
}

/** Consent as the form records it: a young person for themselves from 16, or when they asked. */
export function consentFor(
  faker: Faker,
  input: {
    referralId: string;
    source: string;
    age: number;
    atMs: number;
    referrerUserId: string | null;
    referrerName: string | null;
  },
): ConsentRow {
  const ownConsent =
    input.source === 'self' ||
    (input.age >= 16 && chance(faker, 0.7)) ||
    (input.source !== 'parent' && input.age >= 12 && chance(faker, 0.15));
  const gillick = ownConsent && input.age < 16 && input.source !== 'self';
  return {
    referralId: input.referralId,
    consentedBy: ownConsent ? 'young-person' : 'parent-or-carer',
    status: 'given',
    method: 'form',
    isGillickCompetent: gillick ? true : null,
    gillickAssessedBy: gillick ? input.referrerName : null,
    gillickNotes: gillick
      ? 'Understood what the referral means, who will see it and that they can say no.'
      : null,
    youngPersonAgrees:
      input.source === 'parent' && !ownConsent
        ? weighted(faker, [
            ['yes', 75],
            ['knows-not-agreed', 10],
            ['does-not-know', 15],
          ] as const)
        : null,
    parentsMayBeTold: ownConsent
      ? weighted(faker, [
          ['yes', 45],
          ['young-person-will-decide', 35],
          ['no', 20],
        ] as const)
      : 'yes',
    recordedAt: new Date(input.atMs),
    recordedBy: input.referrerUserId,
  };
}
