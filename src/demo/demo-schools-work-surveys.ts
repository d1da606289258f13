import { createHash } from 'node:crypto';
import type { Faker } from '@faker-js/faker';
import type { OrganisationsData } from '../db/repositories/organisations.repository.js';
import type { confidenceSurveyResponses, confidenceSurveys } from '../db/schema/schools.js';
import { londonDate } from '../domain/people/child-details.js';
import { confidenceStatements } from '../domain/schools/confidence-survey.js';
import type { MhstTeamPlan } from './demo-mhst.js';
import { londonMidnightAfter, normal, recentSchoolDay } from './demo-mhst-calendar.js';
import { chance, DAY, HOUR, isoDay } from './demo-referral-plan.js';

// School staff confidence surveys: a "before" round in every MHST school about a year ago, and an
// "after" round in about half of them in the last two months, some still open. Answers are
// anonymous; some schools have too few to show (fewer than 8), so suppression can be seen.

export type SurveyRow = typeof confidenceSurveys.$inferInsert & { id: string; opensAt: Date; closesAt: Date };
export type SurveyResponseRow = typeof confidenceSurveyResponses.$inferInsert;

export interface DemoSurveys {
  confidenceSurveys: SurveyRow[];
  confidenceSurveyResponses: SurveyResponseRow[];
}

/**
 * The secret of the open "after" round at the demo survey school (see demoSurveySchoolUrn), so a
 * browser test can answer it at /survey/<secret>. Every other round's secret is random and lost.
 * The round stays open well past the demo's `now`, so tests on a real clock can still answer it.
 */
export const DEMO_SURVEY_SECRET = 'demo-staff-survey-Lv26-k7Qm3xT9pW2';

/** The school with the known survey link: the base school of the first MHST team. */
export function demoSurveySchoolUrn(organisations: OrganisationsData): number | null {
  const mhst = organisations.services.find((s) => s.kind === 'mhst');
  return organisations.teams.find((t) => t.serviceId === mhst?.id)?.baseSchoolUrn ?? null;
}

/** How staff rate each statement before the team's work: least sure where to get help. */
const beforeMeans: Record<string, number> = {
  'spot-signs': 3.0,
  'talk-to-pupil': 2.9,
  'know-where-to-go': 2.4,
  'whole-school': 2.8,
  'own-wellbeing': 3.1,
};

export function confidenceSurveysFor(
  faker: Faker,
  team: MhstTeamPlan,
  demoSchoolUrn: number | null,
  now: number,
): DemoSurveys {
  const out: DemoSurveys = { confidenceSurveys: [], confidenceSurveyResponses: [] };
  const round = (
    schoolUrn: number,
    phase: 'before' | 'after',
    opensAt: number,
    openDays: number,
    responses: number,
    lift: number,
    secret: string,
  ) => {
    const closesAt = londonMidnightAfter(isoDay(opensAt + openDays * DAY));
    const id = faker.string.uuid();
    out.confidenceSurveys.push({
      id,
      schoolUrn,
      phase,
      opensAt: new Date(opensAt),
      closesAt,
      linkHash: createHash('sha256').update(secret).digest('hex'),
      createdAt: new Date(opensAt),
      createdBy: chance(faker, 0.7) ? (team.leadOf.get(schoolUrn) ?? team.managerId) : team.managerId,
    });
    const until = Math.min(closesAt.getTime(), now) - 1;
    for (let n = 0; n < responses; n += 1) {
      // Most answer in the first few days after the link is shared.
      const at = opensAt + (until - opensAt) * faker.number.float({ min: 0, max: 1 }) ** 2;
      const mood = normal(faker, 0, 0.6, -2, 2);
      const answers: Record<string, number> = {};
      for (const { id: statement } of confidenceStatements) {
        if (chance(faker, 0.04)) continue;
        const mean = (beforeMeans[statement] ?? 3) + lift;
        answers[statement] = Math.round(normal(faker, mean + mood, 0.8, 1, 5));
      }
      out.confidenceSurveyResponses.push({
        id: faker.string.uuid(),
        surveyId: id,
        answers,
        submittedOn: londonDate(new Date(at)),
      });
    }
  };
  /** Mostly 8 to 25 staff answer; in some schools fewer, too few to show. */
  const responseCount = (forceFew: boolean) =>
    forceFew || chance(faker, 0.15)
      ? faker.number.int({ min: 0, max: 7 })
      : faker.number.int({ min: 8, max: 25 });

  team.schools.forEach((school, index) => {
    const before = recentSchoolDay(faker, now, 330, 365) + 9 * HOUR;
    round(
      school.urn,
      'before',
      before,
      faker.number.int({ min: 14, max: 21 }),
      responseCount(index === 1),
      0,
      faker.string.alphanumeric(32),
    );
    const isDemo = school.urn === demoSchoolUrn;
    if (!isDemo && !chance(faker, 0.5)) return;
    const lift = faker.number.float({ min: 0.5, max: 1 });
    if (isDemo) {
      // Open from three weeks ago until the end of the school year, with a handful of answers so far.
      const opens = recentSchoolDay(faker, now, 21, 21) + 9 * HOUR;
      round(
        school.urn,
        'after',
        opens,
        Math.round((now - opens) / DAY) + 230,
        faker.number.int({ min: 9, max: 14 }),
        lift,
        DEMO_SURVEY_SECRET,
      );
      return;
    }
    const opens = recentSchoolDay(faker, now, 30, 60) + 9 * HOUR;
    round(
      school.urn,
      'after',
      opens,
      faker.number.int({ min: 14, max: 45 }),
      responseCount(index === 2),
      lift,
      faker.string.alphanumeric(32),
    );
  });
  return out;
}
