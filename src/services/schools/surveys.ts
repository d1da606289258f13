import { createHash } from 'node:crypto';
import type { SchoolSurveys } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { londonDate } from '../../domain/people/child-details.js';
import {
  confidenceStatements,
  SURVEY_MIN_RESPONSES,
  type SurveyResult,
  surveyChange,
  surveyResult,
} from '../../domain/schools/confidence-survey.js';

// Shared by the survey use cases: how a link is recognised, and a school's results over time.

export type SurveyPhase = 'before' | 'after';

/** Only this hash of a link's secret is stored, so a copy of the database cannot answer a survey. */
export function surveyLinkHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A round takes answers from when it opens until the end of its closing day (London). */
export function isSurveyOpen(survey: { opensAt: Date; closesAt: Date }, now: Date): boolean {
  return survey.opensAt.getTime() <= now.getTime() && now.getTime() < survey.closesAt.getTime();
}

/** The last London day a round is open: closesAt is the first instant of the day after. */
export function closingDay(closesAt: Date): string {
  return londonDate(new Date(closesAt.getTime() - 1));
}

/**
 * Every round of a school's survey with its results, and the change from the latest "before" round
 * to the latest "after" round opened after it. Figures from fewer than SURVEY_MIN_RESPONSES answers
 * are held back by the domain rules; so is any change worked out from them.
 */
export async function schoolSurveys(db: LanternDb, urn: number, now: Date): Promise<SchoolSurveys> {
  const rounds = await schoolWork.surveysOf(db, urn);
  const answers = await schoolWork.answersOf(
    db,
    rounds.map((round) => round.id),
  );
  const withResults = rounds.map((round) => ({
    id: round.id,
    phase: round.phase as SurveyPhase,
    opensAt: round.opensAt.toISOString(),
    closesOn: closingDay(round.closesAt),
    isOpen: isSurveyOpen(round, now),
    result: surveyResult(answers.filter((a) => a.surveyId === round.id).map((a) => a.answers)),
  }));
  const answered = withResults.filter((round) => round.result.responseCount > 0);
  const after = answered.filter((round) => round.phase === 'after').at(-1);
  const before = after
    ? answered.filter((round) => round.phase === 'before' && round.opensAt <= after.opensAt).at(-1)
    : undefined;
  return {
    minimumResponses: SURVEY_MIN_RESPONSES,
    rounds: withResults,
    change: before && after ? changeBetween(before, after) : null,
  };
}

function changeBetween(
  before: { id: string; result: SurveyResult },
  after: { id: string; result: SurveyResult },
) {
  const texts = new Map(confidenceStatements.map((statement) => [statement.id, statement.text]));
  return {
    beforeId: before.id,
    afterId: after.id,
    statements: surveyChange(before.result, after.result).map((change) => ({
      ...change,
      text: texts.get(change.statementId) ?? change.statementId,
    })),
  };
}
