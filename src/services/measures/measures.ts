import { type ServiceContext, staffOf } from '../../access/authorise.js';
import type { MeasureRecorded, Measures, RecordMeasureInput } from '../../contracts/measures.js';
import type { LanternDb } from '../../db/client.js';
import * as casework from '../../db/repositories/casework.repository.js';
import * as measures from '../../db/repositories/measures.repository.js';
import { AppError } from '../../domain/app-error.js';
import type { Respondent } from '../../domain/measures/instrument.js';
import { directionOf, reliableChangeWords } from '../../domain/measures/progress.js';
import { measureSeries, pairedOf, type StoredMeasure } from '../../domain/measures/series.js';
import { type AttendStatus, isAttended } from '../../domain/waiting/clocks.js';
import { recordChange } from '../audit/record-change.js';
import { withCaseloadReferral } from '../casework/caseload-access.js';
import { instrumentsOf } from './instruments.js';
import { checkRespondent, findInstrument, scoreComplete, storeMeasure } from './referral-measures.js';

/**
 * A practitioner's view of a young person's questionnaires, and answers entered in a session.
 * Totals and bands are worked out by domain/measures when answers arrive and stored with the
 * instrument's version, so a later version of a licensed file never rescores old answers.
 */

const overallWords: Record<Measures['paired']['overall'], string> = {
  improved: 'Improved: at least one measure improved reliably and none deteriorated.',
  deteriorated: 'Deteriorated: at least one measure deteriorated reliably.',
  'no-reliable-change': 'No reliable change on any paired measure.',
  'not-paired': 'Not paired yet: it needs 2 attended contacts and a measure used twice by the same person.',
};

export async function recordMeasure(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  input: RecordMeasureInput,
): Promise<MeasureRecorded> {
  return withCaseloadReferral(ctx, deps.db, referralId, 'episode:record', async (tx, row, userId, now) => {
    const completedAt = new Date(input.completedAt);
    if (completedAt.getTime() > now.getTime() + 5 * 60_000 || completedAt < row.receivedAt) {
      throw new AppError('bad-request', 'Give the time the questionnaire was completed.', [
        { name: 'completedAt', reason: 'must be after the referral was received and not in the future' },
      ]);
    }
    const { current } = await instrumentsOf(tx, staffOf(ctx).organisationId);
    const instrument = findInstrument(current, input.instrumentId);
    checkRespondent(instrument, input.respondent);
    const isGoals = instrument.kind === 'goals';
    const answers: Record<string, number> = isGoals
      ? Object.fromEntries(input.goals.map((g) => [g.goalId, g.rating]))
      : input.answers;
    const score = scoreComplete(instrument, answers);
    const total = score.total as number;
    if (input.contactId && !(await casework.findContact(tx, referralId, input.contactId))) {
      throw new AppError('bad-request', 'There is no such appointment for this young person.', [
        { name: 'contactId', reason: 'must be one of this young person’s appointments' },
      ]);
    }
    const band = score.kind === 'questionnaire' ? score.band : null;
    const stored = await storeMeasure(tx, {
      referralId,
      instrument,
      respondent: input.respondent,
      answers: isGoals
        ? { ratings: answers, goals: Object.fromEntries(input.goals.map((g) => [g.goalId, g.text])) }
        : answers,
      total,
      scores: score.kind === 'questionnaire' ? score.subscales : { goals: answers, mean: total },
      band,
      completedAt,
      via: 'in-session',
      contactId: input.contactId ?? null,
      recordedBy: userId,
      milestoneBy: userId,
      now,
    });
    await recordChange(tx, ctx, {
      entity: 'measure-response',
      entityId: stored.id,
      action: 'measure:recorded',
      after: { referralId, instrumentId: instrument.id, respondent: input.respondent, total },
    });
    return { id: stored.id, total, band };
  });
}

function storedOf(row: measures.ResponseRow): StoredMeasure {
  const answers = row.answers as { ratings?: Record<string, number>; goals?: Record<string, string> };
  const goals =
    answers.ratings && answers.goals
      ? Object.entries(answers.ratings).map(([goalId, rating]) => ({
          goalId,
          rating,
          text: answers.goals?.[goalId] ?? goalId,
        }))
      : undefined;
  return {
    id: row.id,
    instrumentId: row.instrumentId,
    instrumentVersion: row.instrumentVersion,
    respondent: row.respondent as Respondent,
    completedAt: row.completedAt,
    total: row.total,
    band: row.band,
    via: row.via as StoredMeasure['via'],
    ...(goals ? { goals } : {}),
  };
}

export async function getMeasures(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
): Promise<Measures> {
  return withCaseloadReferral(ctx, deps.db, referralId, 'caseload:read', async (tx) => {
    const { known } = await instrumentsOf(tx, staffOf(ctx).organisationId);
    const rows = (await measures.responsesOf(tx, referralId)).map(storedOf);
    const contacts = await casework.contactsOf(tx, [referralId]);
    const contactsAttended = contacts.filter((c) =>
      isAttended(c.contact.attendStatus as AttendStatus | null),
    ).length;
    const paired = pairedOf(rows, contactsAttended, known);
    return {
      contactsAttended,
      series: measureSeries(rows, known).map((s) => ({
        instrumentId: s.instrumentId,
        respondent: s.respondent,
        name: s.name,
        shortName: s.shortName,
        kind: s.kind,
        direction: s.instrument ? directionOf(s.instrument) : null,
        headline: s.headline,
        points: s.points.map((p) => ({
          id: p.id,
          completedAt: p.completedAt.toISOString(),
          total: p.total,
          band: p.band,
          via: p.via,
          instrumentVersion: p.instrumentVersion,
        })),
        first: s.first,
        last: s.last,
        change: s.change,
        reliableChange: s.reliableChange,
        reliableChangeText: s.reliableChange ? reliableChangeWords[s.reliableChange] : null,
        range: s.range,
        bands: s.instrument?.kind === 'questionnaire' ? s.instrument.scoring.bands : [],
        goals: s.goals.map((g) => ({
          ...g,
          points: g.points.map((p) => ({ completedAt: p.completedAt.toISOString(), rating: p.rating })),
        })),
      })),
      paired: {
        overall: paired.overall,
        overallText: overallWords[paired.overall],
        measures: paired.measures.map((m) => ({
          instrumentId: m.instrumentId,
          respondent: m.respondent,
          uses: m.uses,
          verdict: m.verdict,
          reason: m.reason,
        })),
      },
    };
  });
}
