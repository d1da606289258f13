import type { Faker } from '@faker-js/faker';
import type { DischargeOutcome, DischargeReason, RiskLevel } from '../domain/casework/episode.js';
import { GAD7, GBO, PHQ9 } from '../domain/measures/shipped.js';
import type { DemoCaseRecords, EpisodeRow, GoalRow } from './demo-casework.js';
import {
  answersFor,
  type Course,
  goalPath,
  type MeasureContext,
  measureRow,
  pathOf,
  trajectoryEnds,
} from './demo-casework-measures.js';
import { noteFor } from './demo-casework-notes.js';
import {
  assessmentSummaries,
  closeSummaries,
  goalsFor,
  type InterventionCode,
  notePhrases,
  riskDetails,
  safetyPlans,
  stepDownReasons,
  stepUpReasons,
} from './demo-casework-text.js';
import type { AllocationRow } from './demo-mhst-casework.js';
import type { ContactRow, MilestoneRow } from './demo-mhst-contacts.js';
import { chance, DAY, HOUR, weighted } from './demo-referral-plan.js';
import type { ReferralRow } from './demo-referrals.js';

// One young person's case record: the episode, assessment, goals, measures, notes and, for help
// that has ended, how and why it closed. Built from the casework rows, never changing them.

export interface CaseInput {
  referral: ReferralRow;
  allocations: AllocationRow[];
  contacts: ContactRow[];
  attended: ContactRow[];
  /** The referral's clock milestones by kind. */
  milestones: Map<string, MilestoneRow>;
  age: number;
  /** Indexes into `attended` of the sessions with a questionnaire. */
  measureAt: Set<number>;
  course: Course;
  teamId: string;
  /** The named EMHP's fullest case, kept rich for the README's walk-through. */
  rich: boolean;
}

/** How help that ended closed, by the young person's course: mostly goals met for those who improved. */
const closeReasons: Record<Course, readonly (readonly [DischargeReason, number])[]> = {
  'reliable-improvement': [
    ['goals-met', 80],
    ['stepped-down', 12],
    ['no-longer-wanted', 5],
    ['moved-away', 3],
  ],
  'some-change': [
    ['goals-met', 40],
    ['no-longer-wanted', 25],
    ['stepped-down', 15],
    ['did-not-engage', 10],
    ['moved-away', 5],
    ['other', 5],
  ],
  'no-change': [
    ['did-not-engage', 40],
    ['stepped-up', 30],
    ['no-longer-wanted', 20],
    ['other', 10],
  ],
  worse: [
    ['stepped-up', 85],
    ['did-not-engage', 15],
  ],
};
const outcomeOf: Record<Course, DischargeOutcome> = {
  'reliable-improvement': 'improved',
  'some-change': 'some-improvement',
  'no-change': 'no-change',
  worse: 'got-worse',
};

const anxious = new Set(['anxiety', 'school-attendance', 'obsessions-compulsions', 'sleep']);

function interventionFor(faker: Faker, c: CaseInput, firstNeed: string): InterventionCode {
  if (c.referral.status === 'group-waiting-list') return 'group-programme';
  if (c.age < 11) return chance(faker, 0.85) ? 'parent-led-anxiety' : 'brief-psychoeducation';
  if (firstNeed === 'low-mood') return 'guided-self-help-low-mood';
  if (anxious.has(firstNeed)) return chance(faker, 0.92) ? 'guided-self-help-anxiety' : 'other';
  return chance(faker, 0.6) ? 'brief-psychoeducation' : 'other';
}

function goalsPool(c: CaseInput, firstNeed: string): readonly string[] {
  if (c.age < 11) return goalsFor.younger;
  if (firstNeed === 'low-mood') return [...goalsFor['low-mood'], ...goalsFor.general];
  if (firstNeed === 'school-attendance') return [...goalsFor.school, ...goalsFor.anxiety];
  return [...goalsFor.anxiety, ...goalsFor.general];
}

export function buildRecord(
  faker: Faker,
  c: CaseInput,
  out: DemoCaseRecords,
  ctx: { now: number; signers: readonly string[]; concernContactId?: string },
): void {
  const { referral, now } = { referral: c.referral, now: ctx.now };
  const firstAllocation = c.allocations[0];
  if (!firstAllocation) return;
  const firstNeed = referral.presentingNeeds?.[0] ?? 'anxiety';
  const intervention = interventionFor(faker, c, firstNeed);
  const chosen =
    c.milestones.get('intervention')?.occurredAt ??
    (referral.status === 'group-waiting-list' ? c.allocations.at(-1)?.recordedAt : undefined);
  const episode: EpisodeRow = {
    id: faker.string.uuid(),
    referralId: referral.id,
    openedAt: firstAllocation.recordedAt,
    openedBy: firstAllocation.recordedBy,
    intervention: chosen ? intervention : null,
    interventionChosenAt: chosen ?? null,
    status: 'open',
    version: chosen ? 2 : 1,
  };
  out.episodes.push(episode);

  const assessment = c.milestones.get('assessment');
  let inConfidence = false;
  let risky = false;
  if (assessment) {
    const riskLevel = weighted<RiskLevel>(faker, [
      ['low', 78],
      ['medium', 17],
      ['high', 5],
    ]);
    inConfidence = chance(faker, 1 / 8);
    risky = riskLevel !== 'low';
    out.assessments.push({
      id: faker.string.uuid(),
      referralId: referral.id,
      assessedAt: assessment.occurredAt,
      presentingProblems: [...(referral.presentingNeeds ?? [])],
      summary: faker.helpers.arrayElement(assessmentSummaries),
      riskLevel,
      riskDetail: faker.helpers.arrayElement(riskDetails[riskLevel]),
      safetyPlan: riskLevel === 'low' ? '' : faker.helpers.arrayElement(safetyPlans),
      inConfidence,
      recordedAt: assessment.recordedAt,
      recordedBy: assessment.recordedBy,
    });
  }

  const lastAttended = c.attended.at(-1);
  const ended = referral.status === 'discharged' && lastAttended !== undefined;
  const carePlan = c.milestones.get('care-plan');
  const goals: GoalRow[] = [];
  if (carePlan) {
    const count = weighted(faker, [
      [1, 20],
      [2, 45],
      [3, 35],
    ] as const);
    for (const goal of faker.helpers.arrayElements(goalsPool(c, firstNeed), count)) {
      const achieved = ended
        ? chance(faker, c.course === 'reliable-improvement' ? 0.85 : c.course === 'some-change' ? 0.45 : 0)
        : c.course === 'reliable-improvement' && c.attended.length >= 4 && chance(faker, 0.2);
      const changed = ended || achieved;
      goals.push({
        id: faker.string.uuid(),
        referralId: referral.id,
        goal,
        agreedAt: carePlan.occurredAt,
        status: achieved ? 'achieved' : ended ? 'stopped' : 'active',
        statusChangedAt: changed && lastAttended ? new Date(lastAttended.startsAt.getTime() + HOUR) : null,
        recordedAt: carePlan.recordedAt,
        recordedBy: carePlan.recordedBy,
        version: changed ? 2 : 1,
      });
    }
    out.carePlanGoals.push(...goals);
  }

  measuresFor(faker, c, out, goals, now);

  const firstTurn = faker.number.int({ min: 0, max: 5 });
  c.attended.forEach((contact, k) => {
    const raised = contact.id === ctx.concernContactId;
    if (!c.rich && !raised && !chance(faker, 0.92)) return;
    noteFor(
      faker,
      {
        referralId: referral.id,
        contactId: contact.id,
        at: contact.startsAt.getTime(),
        practitionerId: contact.practitionerUserId,
        signers: ctx.signers,
        intervention: episode.intervention as InterventionCode | null,
        place: k === 0 ? 'first' : ended && k === c.attended.length - 1 ? 'last' : 'middle',
        turn: firstTurn + k,
        extra: raised ? notePhrases.safeguarding[0] : undefined,
        inConfidence: inConfidence && chance(faker, 0.3),
        risky: k === 0 && risky,
        awaitSignOff: c.rich && k === c.attended.length - 1,
        now,
      },
      out.contactNotes,
      out.noteSignOffs,
    );
  });

  if (ended) closeEpisode(faker, c, episode, out, lastAttended);
}

/** The questionnaire at the measured sessions, and goal ratings from the care-plan session on. */
function measuresFor(faker: Faker, c: CaseInput, out: DemoCaseRecords, goals: GoalRow[], now: number) {
  const points = [...c.measureAt].sort((a, b) => a - b);
  if (points.length === 0) return;
  const instrument = c.referral.presentingNeeds?.[0] === 'low-mood' ? PHQ9 : GAD7;
  const [first, last] = trajectoryEnds(faker, instrument, c.course);
  const totals = pathOf(faker, first, last, points.length, instrument.items.length * 3);
  const context = (k: number, viaLink: boolean): MeasureContext | null => {
    const contact = c.attended[k];
    if (!contact) return null;
    return {
      referralId: c.referral.id,
      contactId: contact.id,
      at: contact.startsAt.getTime(),
      practitionerId: contact.practitionerUserId,
      now,
      viaLink,
    };
  };
  points.forEach((k, n) => {
    // The baseline is done in the room at the assessment, as its milestone says.
    const ctx = context(k, k > 0 && chance(faker, 0.2));
    if (!ctx) return;
    const answers = answersFor(faker, instrument, totals[n] ?? 0);
    out.measureResponses.push(measureRow(faker, ctx, instrument.id, answers, out.questionnaireLinks));
  });
  if (goals.length === 0) return;
  const agreedAt = goals[0]?.agreedAt.getTime();
  const start = c.attended.findIndex((contact) => contact.startsAt.getTime() === agreedAt);
  if (start < 0) return;
  const rated = [start, ...points.filter((k) => k > start)];
  const paths = goals.map(() => goalPath(faker, c.course, rated.length));
  rated.forEach((k, n) => {
    const ctx = context(k, false);
    if (!ctx) return;
    const ratings = Object.fromEntries(goals.map((g, i) => [g.id, paths[i]?.[n] ?? 0]));
    const words = Object.fromEntries(goals.map((g) => [g.id, g.goal]));
    out.measureResponses.push(measureRow(faker, ctx, GBO.id, ratings, out.questionnaireLinks, words));
  });
}

function closeEpisode(
  faker: Faker,
  c: CaseInput,
  episode: EpisodeRow,
  out: DemoCaseRecords,
  lastAttended: ContactRow,
) {
  const discharge = [...c.allocations].reverse().find((a) => a.endReason?.startsWith('Discharged'));
  const lastContact = c.contacts.at(-1)?.startsAt.getTime() ?? lastAttended.startsAt.getTime();
  const closedAt = Math.max(discharge?.endedAt?.getTime() ?? 0, lastContact + DAY);
  const closedBy = discharge?.endedBy ?? lastAttended.practitionerUserId;
  const reason = weighted(faker, closeReasons[c.course]);
  Object.assign(episode, {
    status:
      reason === 'stepped-up' ? 'stepped-up' : reason === 'stepped-down' ? 'stepped-down' : 'discharged',
    closedAt: new Date(closedAt),
    closedBy,
    closeReason: reason,
    closeOutcome: reason === 'did-not-engage' && chance(faker, 0.5) ? 'not-known' : outcomeOf[c.course],
    closeSummary: faker.helpers.arrayElement(closeSummaries[reason]),
    version: (episode.version ?? 1) + 1,
  });
  if (reason !== 'stepped-up' && reason !== 'stepped-down') return;
  const referredAt = closedAt - faker.number.int({ min: 0, max: 3 }) * DAY;
  out.onwardReferrals.push({
    id: faker.string.uuid(),
    referralId: c.referral.id,
    direction: reason === 'stepped-up' ? 'step-up' : 'step-down',
    serviceName: reason === 'stepped-up' ? 'Community CAMHS' : 'School pastoral support',
    organisationId: reason === 'stepped-up' ? c.referral.organisationId : null,
    reason: faker.helpers.arrayElement(reason === 'stepped-up' ? stepUpReasons : stepDownReasons),
    referredAt: new Date(Math.max(referredAt, lastAttended.startsAt.getTime() + HOUR)),
    recordedAt: new Date(Math.max(referredAt, lastAttended.startsAt.getTime() + HOUR) + HOUR),
    recordedBy: closedBy,
  });
}
