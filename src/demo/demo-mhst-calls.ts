import type { Faker } from '@faker-js/faker';
import type { consultationCalls } from '../db/schema/schools.js';
import type { ConsultationOutcome } from '../domain/schools/whole-school.js';
import type { MhstTeamPlan } from './demo-mhst.js';
import { recentSchoolDay, workingTimeBetween } from './demo-mhst-calendar.js';
import { callerRoles, callerWho, consultationCallTexts } from './demo-mhst-text.js';
import { HOUR, type ReferralPlan, weighted } from './demo-referral-plan.js';

// Calls to each team's professionals' consultation line over the last six months (Bexley's
// "dedicated telephone consultation service for professionals"): who called, what they asked, the
// advice, and whether a referral was needed. Most are answered within the hour.

export type ConsultationCallRow = typeof consultationCalls.$inferInsert & { id: string; receivedAt: Date };

const outcomes: readonly (readonly [ConsultationOutcome, number])[] = [
  ['no-referral-needed', 55],
  ['referral-advised', 40],
  ['urgent', 5],
];

export function consultationCallsFor(
  faker: Faker,
  team: MhstTeamPlan,
  plan: ReferralPlan,
  gpPractices: string[],
  now: number,
): ConsultationCallRow[] {
  const rows: ConsultationCallRow[] = [];
  const councils = [...new Set(team.schools.map((s) => plan.councils[s.council]?.name ?? 'Vale'))];
  const count = faker.number.int({ min: 40, max: 80 });
  for (let n = 0; n < count; n += 1) {
    const day = recentSchoolDay(faker, now, 0, 182);
    const receivedAt = Math.min(
      workingTimeBetween(faker, day + 8.5 * HOUR, day + 17 * HOUR),
      now - 20 * 60_000,
    );
    const role = weighted(faker, callerRoles);
    const school = faker.helpers.arrayElement(team.schools);
    const council = faker.helpers.arrayElement(councils);
    const organisation: Record<string, string> = {
      GP: gpPractices.length ? faker.helpers.arrayElement(gpPractices) : 'Vale Medical Centre',
      'Head of Year': school.name,
      SENCo: school.name,
      'Social worker': `${council} Children’s Social Care`,
      'School nurse': 'Lantern Vale School Nursing',
      'Youth worker': faker.helpers.arrayElement(['Vale Youth Service', 'Vale Pride Youth']),
      'Early help worker': `${council} Early Help`,
    };
    const fromSchool = role === 'Head of Year' || role === 'SENCo';
    const outcome = weighted(faker, outcomes);
    const [question, advice] = faker.helpers.arrayElement(consultationCallTexts[outcome]);
    // Urgent calls are answered there and then; others within the hour mostly, some the next day.
    const minutes =
      outcome === 'urgent'
        ? faker.number.int({ min: 5, max: 20 })
        : weighted(faker, [
            [faker.number.int({ min: 5, max: 60 }), 60],
            [faker.number.int({ min: 61, max: 480 }), 30],
            [faker.number.int({ min: 481, max: 2880 }), 10],
          ] as const);
    const advisedAt = receivedAt + minutes * 60_000;
    const isAdvised = advisedAt < now;
    rows.push({
      id: faker.string.uuid(),
      teamId: team.id,
      receivedAt: new Date(receivedAt),
      advisedAt: isAdvised ? new Date(advisedAt) : null,
      callerRole: role,
      callerOrganisation: organisation[role] ?? 'Vale Council',
      schoolUrn: fromSchool || (role === 'School nurse' && faker.datatype.boolean()) ? school.urn : null,
      question: question.replace('{who}', faker.helpers.arrayElement(callerWho)).replace(/^a /, 'A '),
      advice: isAdvised ? advice : '',
      outcome: isAdvised ? outcome : null,
      handledBy: faker.helpers.arrayElement(team.clinicians.filter(Boolean)),
      recordedAt: new Date(Math.min(isAdvised ? advisedAt + 5 * 60_000 : receivedAt + 5 * 60_000, now)),
    });
  }
  return rows.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}
