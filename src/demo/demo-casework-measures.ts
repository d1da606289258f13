import { createHash } from 'node:crypto';
import type { Faker } from '@faker-js/faker';
import type { measureResponses, questionnaireLinks } from '../db/schema/measures.js';
import type { QuestionnaireInstrument } from '../domain/measures/instrument.js';
import { scoreAnswers } from '../domain/measures/score.js';
import { GAD7, GBO, PHQ9 } from '../domain/measures/shipped.js';
import { normal } from './demo-mhst-calendar.js';
import { chance, DAY, HOUR } from './demo-referral-plan.js';

// Outcome measures for the demo: a GAD-7 or PHQ-9 at the first attended contact (the baseline) and
// at later sessions, and Goal Based Outcomes once goals are agreed. Each young person follows a
// course (reliable improvement, some change, none, or worse), and every stored total is what the
// real scoring engine makes of answers built to add up to it.

export type MeasureRow = typeof measureResponses.$inferInsert & { id: string; completedAt: Date };
export type LinkRow = typeof questionnaireLinks.$inferInsert & { id: string };

export type Course = 'reliable-improvement' | 'some-change' | 'no-change' | 'worse';

/** NHS England-style shares: most young people seen by an MHST reliably improve. */
export const courseShares: readonly (readonly [Course, number])[] = [
  ['reliable-improvement', 0.6],
  ['some-change', 0.25],
  ['no-change', 0.1],
  ['worse', 0.05],
];

/** Courses for `n` young people, in the shares above, shuffled: the share holds however few there are. */
export function coursesFor(faker: Faker, n: number): Course[] {
  const courses: Course[] = [];
  let start = 0;
  for (const [course, share] of courseShares) {
    const end = course === 'worse' ? n : Math.round((start / n + share) * n);
    for (let i = start; i < end; i += 1) courses.push(course);
    start = end;
  }
  return faker.helpers.shuffle(courses.slice(0, n));
}

/** The first and last totals of a questionnaire for a course; the change fits the reliable-change value. */
export function trajectoryEnds(
  faker: Faker,
  instrument: QuestionnaireInstrument,
  course: Course,
): [number, number] {
  const max = instrument.items.length * 3;
  const threshold = instrument.scoring.reliableChange;
  const isPhq = instrument.id === PHQ9.id;
  let first = Math.round(normal(faker, isPhq ? 14 : 13, isPhq ? 4 : 3.5, threshold + 2, max - 1));
  if (course === 'worse') first = Math.min(first, max - threshold - 1);
  const change = (min: number, most: number) => faker.number.int({ min, max: Math.max(min, most) });
  const last =
    course === 'reliable-improvement'
      ? first - change(threshold, Math.min(first, threshold + 6))
      : course === 'some-change'
        ? first - change(1, threshold - 1)
        : course === 'no-change'
          ? first + faker.helpers.arrayElement([-1, 0, 0, 1])
          : first + change(threshold, Math.min(max - first, threshold + 2));
  return [first, Math.min(max, Math.max(0, last))];
}

/** Item answers adding up to `total`: points handed out one at a time to items with room left. */
export function answersFor(faker: Faker, instrument: QuestionnaireInstrument, total: number) {
  const answers: Record<string, number> = Object.fromEntries(instrument.items.map((item) => [item.id, 0]));
  const ids = instrument.items.map((item) => item.id);
  for (let left = total; left > 0; left -= 1) {
    const open = ids.filter((id) => (answers[id] ?? 0) < 3);
    const id = faker.helpers.arrayElement(open);
    answers[id] = (answers[id] ?? 0) + 1;
  }
  return answers;
}

/** Where each point lies on the way from first to last: mostly steady, with a wobble. */
export function pathOf(faker: Faker, first: number, last: number, points: number, max: number): number[] {
  return Array.from({ length: points }, (_, k) => {
    if (k === 0) return first;
    if (k === points - 1) return last;
    const along = first + ((last - first) * k) / (points - 1);
    return Math.min(max, Math.max(0, Math.round(along + faker.number.int({ min: -1, max: 1 }))));
  });
}

/** Goal ratings (0–10) from the first rating to the last, rising for most. */
export function goalPath(faker: Faker, course: Course, points: number): number[] {
  const start = faker.number.int({ min: 1, max: 4 });
  const rise =
    course === 'reliable-improvement'
      ? faker.number.int({ min: 4, max: 7 })
      : course === 'some-change'
        ? faker.number.int({ min: 1, max: 3 })
        : course === 'no-change'
          ? faker.number.int({ min: 0, max: 1 })
          : -faker.number.int({ min: 0, max: 1 });
  return pathOf(faker, start, Math.min(10, Math.max(0, start + rise)), points, 10);
}

export interface MeasureContext {
  referralId: string;
  contactId: string;
  at: number;
  practitionerId: string;
  now: number;
  /** Answered on a link sent before the session, rather than with the practitioner. */
  viaLink: boolean;
}

/** One completed questionnaire (and, if answered on a link, the link it came from). */
export function measureRow(
  faker: Faker,
  ctx: MeasureContext,
  instrumentId: string,
  answers: Record<string, number>,
  links: LinkRow[],
  /** For Goal Based Outcomes: each goal's words, stored beside its rating as the measures service does. */
  goalWords?: Record<string, string>,
): MeasureRow {
  const instrument = instrumentId === GBO.id ? GBO : instrumentId === PHQ9.id ? PHQ9 : GAD7;
  const result = scoreAnswers(instrument, answers);
  if (!result.ok) throw new Error(`demo ${instrumentId} answers do not score: ${result.errors.join('; ')}`);
  const { score } = result;
  const completedAt = ctx.viaLink
    ? ctx.at - faker.number.int({ min: 2, max: 40 }) * HOUR
    : ctx.at + faker.number.int({ min: 10, max: 40 }) * 60_000;
  let linkId: string | null = null;
  if (ctx.viaLink) {
    const createdAt = completedAt - faker.number.int({ min: 1, max: 3 }) * DAY;
    linkId = faker.string.uuid();
    links.push({
      id: linkId,
      referralId: ctx.referralId,
      instrumentId: instrument.id,
      respondent: 'self',
      // The secret was shown once; only its hash is kept, as for any link.
      linkHash: createHash('sha256').update(faker.string.alphanumeric(32)).digest('hex'),
      contactId: ctx.contactId,
      expiresAt: new Date(createdAt + 14 * DAY),
      answeredAt: new Date(completedAt),
      createdAt: new Date(createdAt),
      createdBy: ctx.practitionerId,
      version: 2,
    });
  }
  return {
    id: faker.string.uuid(),
    referralId: ctx.referralId,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    respondent: 'self',
    answers: score.kind === 'goals' ? { ratings: answers, goals: goalWords ?? {} } : answers,
    total: score.total,
    scores: score.kind === 'goals' ? { goals: answers, mean: score.total } : score.subscales,
    band: score.kind === 'questionnaire' ? score.band : null,
    completedAt: new Date(Math.min(completedAt, ctx.now - 60_000)),
    via: ctx.viaLink ? 'link' : 'in-session',
    linkId,
    contactId: ctx.contactId,
    recordedBy: ctx.viaLink ? null : ctx.practitionerId,
  };
}

/** A link answered before a session about one time in five; the baseline mostly in the room. */
export const answersOnLink = (faker: Faker, isBaseline: boolean) => chance(faker, isBaseline ? 0.08 : 0.2);
