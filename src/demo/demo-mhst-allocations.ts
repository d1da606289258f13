import type { Faker } from '@faker-js/faker';
import type { waitingPauses } from '../db/schema/casework.js';
import type { allocationPreferences } from '../db/schema/mhst.js';
import { suggestionWeights } from '../domain/allocation/suggestions.js';
import type { MhstPractitioner, MhstTeamPlan } from './demo-mhst.js';
import { workingTimeBetween } from './demo-mhst-calendar.js';
import type { MhstCase } from './demo-mhst-referrals.js';
import { allocationReasons, otherLanguages, pauseNotes } from './demo-mhst-text.js';
import { chance, DAY, HOUR, weighted } from './demo-referral-plan.js';

// How a demo team manager decides who takes a referral, what the suggestion showed them, and what
// young people asked for while they waited.

export type PreferenceRow = typeof allocationPreferences.$inferInsert;
export type PauseRow = typeof waitingPauses.$inferInsert;

/** Mostly the school's link practitioner; sometimes another in the school, a senior, or anyone with space. */
export function choosePractitioner(
  faker: Faker,
  team: MhstTeamPlan,
  c: MhstCase,
  not?: MhstPractitioner,
): { p: MhstPractitioner; why: string } {
  const pool = team.practitioners.filter((p) => p !== not);
  const link = team.linkOf.get(c.schoolUrn);
  const inSchool = pool.filter((p) => p.days.has(c.schoolUrn) && p !== link);
  const seniors = pool.filter((p) => p.role === 'senior-practitioner');
  const roll = faker.number.float({ min: 0, max: 1 });
  if (link && link !== not && roll < 0.65)
    return { p: link, why: faker.helpers.arrayElement(allocationReasons.link) };
  const byCapacity = (list: MhstPractitioner[]) =>
    faker.helpers.weightedArrayElement(list.map((value) => ({ value, weight: value.capacity })));
  if (inSchool.length && roll < 0.82)
    return { p: byCapacity(inSchool), why: faker.helpers.arrayElement(allocationReasons.days) };
  if (seniors.length && roll < 0.86)
    return {
      p: faker.helpers.arrayElement(seniors),
      why: faker.helpers.arrayElement(allocationReasons.senior),
    };
  return { p: byCapacity(pool), why: faker.helpers.arrayElement(allocationReasons.other) };
}

/** The score and reasons the manager saw, worded as the suggestion service words them. */
export function suggestionFor(faker: Faker, p: MhstPractitioner, c: MhstCase, isLink: boolean) {
  const reasons: { kind: string; points: number; text: string }[] = [];
  const w = suggestionWeights;
  const days = p.days.get(c.schoolUrn)?.length ?? 0;
  const spare = faker.number.int({ min: 1, max: 5 });
  if (isLink) {
    reasons.push({
      kind: 'link-practitioner',
      points: w['link-practitioner'],
      text: 'Link practitioner for this school',
    });
  }
  if (days > 0) {
    reasons.push({
      kind: 'days-in-school',
      points: Math.min(days, 3) * w['days-in-school'],
      text: `In this school ${days} ${days === 1 ? 'day' : 'days'} a week`,
    });
  }
  reasons.push({
    kind: 'spare-capacity',
    points: Math.min(spare * w['spare-capacity'], 20),
    text: `Has space for ${spare} more (${p.capacity - spare} of ${p.capacity})`,
  });
  reasons.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** About one in seven waiting young people asked for a practitioner of a gender, or who speaks their language. */
export function preferenceFor(faker: Faker, c: MhstCase, manager: string, out: PreferenceRow[], now: number) {
  if (!chance(faker, 0.15)) return;
  const kind = weighted(faker, [
    ['female', 55],
    ['male', 20],
    ['language', 25],
  ] as const);
  out.push({
    referralId: c.referral.id,
    practitionerGender: kind === 'language' ? null : kind,
    language: kind === 'language' ? faker.helpers.arrayElement(otherLanguages) : null,
    recordedAt: new Date(workingTimeBetween(faker, c.acceptedAt, now - HOUR)),
    recordedBy: manager,
  });
}

/** One or two young people still waiting asked to wait a while, for example until exams end. */
export function pausesFor(faker: Faker, out: PauseRow[], cases: MhstCase[], manager: string, now: number) {
  const waiting = cases.filter((c) => c.acceptedAt < now - 10 * DAY);
  for (const c of faker.helpers.arrayElements(waiting, { min: 1, max: 2 })) {
    const startsOn = workingTimeBetween(faker, c.acceptedAt + DAY, now - 3 * DAY);
    const endsOn = startsOn + faker.number.int({ min: 10, max: 21 }) * DAY;
    out.push({
      id: faker.string.uuid(),
      referralId: c.referral.id,
      reason: 'young-person-choice',
      startsOn: new Date(startsOn),
      endsOn: endsOn < now ? new Date(endsOn) : null,
      note: faker.helpers.arrayElement(pauseNotes),
      recordedAt: new Date(startsOn),
      recordedBy: manager,
    });
  }
}
