import { randomUUID } from 'node:crypto';
import type { LanternDb } from '../../db/client.js';
import * as casework from '../../db/repositories/casework.repository.js';
import * as measures from '../../db/repositories/measures.repository.js';
import { AppError } from '../../domain/app-error.js';
import type { Instrument, Respondent } from '../../domain/measures/instrument.js';
import { scoreAnswers } from '../../domain/measures/score.js';

export function findInstrument(instruments: readonly Instrument[], id: string): Instrument {
  const instrument = instruments.find((i) => i.id === id);
  if (!instrument) {
    throw new AppError('bad-request', 'There is no such questionnaire to use.', [
      { name: 'instrumentId', reason: 'must be a questionnaire your organisation can use' },
    ]);
  }
  return instrument;
}

export function checkRespondent(instrument: Instrument, respondent: Respondent) {
  if (!instrument.respondents.includes(respondent)) {
    throw new AppError('bad-request', `${instrument.name} is not answered by this person.`, [
      { name: 'respondent', reason: `must be one of: ${instrument.respondents.join(', ')}` },
    ]);
  }
}

/**
 * Scores answers with the domain engine; refuses an answer that is not one of the item's options
 * or any item left unanswered, naming each item, so no partial total is ever stored.
 */
export function scoreComplete(instrument: Instrument, answers: Readonly<Record<string, number>>) {
  const result = scoreAnswers(instrument, answers);
  if (!result.ok) {
    throw new AppError('bad-request', 'Some answers are not right.', result.errors.map(asParam));
  }
  if (result.score.missing.length > 0 || result.score.total === null) {
    const missing = result.score.missing;
    throw new AppError(
      'bad-request',
      missing.length > 0
        ? `Answer every question: ${missing.length} ${missing.length === 1 ? 'is' : 'are'} not answered yet.`
        : 'Rate at least one goal.',
      missing.length > 0
        ? missing.map((id) => ({ name: `answers.${id}`, reason: 'is not answered' }))
        : [{ name: 'goals', reason: 'rate at least one goal' }],
    );
  }
  return result.score;
}

function asParam(error: string) {
  const at = error.indexOf(': ');
  return at > 0
    ? { name: `answers.${error.slice(0, at)}`, reason: error.slice(at + 2) }
    : { name: 'answers', reason: error };
}

export interface NewMeasure {
  referralId: string;
  instrument: Instrument;
  respondent: Respondent;
  answers: Record<string, unknown>;
  total: number;
  scores: Record<string, unknown>;
  band: string | null;
  completedAt: Date;
  via: 'link' | 'in-session';
  linkId?: string | null;
  contactId?: string | null;
  recordedBy: string | null;
  /** Who the baseline-measure milestone is recorded by when this is the first measure. */
  milestoneBy: string;
  now: Date;
}

/**
 * Stores one completed questionnaire, and if it is the young person's first measure (and no
 * baseline-measure milestone is recorded yet) records that clock milestone at the same moment.
 * Returns the earlier answers to the same instrument by the same respondent, oldest first.
 */
export async function storeMeasure(tx: LanternDb, m: NewMeasure) {
  const earlier = await measures.responsesOf(tx, m.referralId);
  const milestones = await casework.milestonesOf(tx, [m.referralId]);
  const id = randomUUID();
  await measures.insertResponse(tx, {
    id,
    referralId: m.referralId,
    instrumentId: m.instrument.id,
    instrumentVersion: m.instrument.version,
    respondent: m.respondent,
    answers: m.answers,
    total: m.total,
    scores: m.scores,
    band: m.band,
    completedAt: m.completedAt,
    via: m.via,
    linkId: m.linkId ?? null,
    contactId: m.contactId ?? null,
    recordedBy: m.recordedBy,
  });
  let milestoneId: string | null = null;
  if (earlier.length === 0 && !milestones.some((x) => x.milestone === 'baseline-measure')) {
    milestoneId = randomUUID();
    await casework.insertMilestone(tx, {
      id: milestoneId,
      referralId: m.referralId,
      milestone: 'baseline-measure',
      occurredAt: m.completedAt,
      recordedAt: m.now,
      recordedBy: m.milestoneBy,
    });
  }
  const same = earlier.filter((r) => r.instrumentId === m.instrument.id && r.respondent === m.respondent);
  return { id, milestoneId, same };
}
