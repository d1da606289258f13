import { londonDate } from '../people/child-details.js';
import { type SurveyAnswers, surveyChange, surveyResult } from '../schools/confidence-survey.js';

/**
 * School staff confidence as reporting facts, by the survey's own rules (domain/schools/
 * confidence-survey.ts): a survey with fewer than 8 answers has no results and is left out. For
 * each school with two or more surveys with results, the change from the first to the latest is
 * the mean of the statements' changes (each from the rounded means, as surveyChange gives them);
 * it counts once, on the last day of the latest survey, as one bucket in hundredths of a point.
 * Pure.
 */

export const CONFIDENCE_MEASURE = 'school-confidence-change';
/** Buckets are hundredths of a point. */
export const CONFIDENCE_SCALE = 100;

export interface ClosedSurvey<D extends string> {
  id: string;
  schoolUrn: number;
  opensAt: Date;
  /** The first instant of the day after the survey's last day. */
  closesAt: Date;
  dims: Record<D, string>;
}

/** The last London day a survey takes answers (as closingDay in services/schools/surveys.ts). */
const lastDayOf = (closesAt: Date) => londonDate(new Date(closesAt.getTime() - 1));

/** Facts for the schools whose latest survey with results ended in the range (days inclusive). */
export function confidenceFacts<D extends string>(
  surveys: readonly ClosedSurvey<D>[],
  answers: readonly { surveyId: string; answers: SurveyAnswers }[],
  range: { from: string; to: string },
): { day: string; measure: string; dims: Record<D, string>; bucket: number; value: number }[] {
  const answersOf = new Map<string, SurveyAnswers[]>();
  for (const a of answers) answersOf.set(a.surveyId, [...(answersOf.get(a.surveyId) ?? []), a.answers]);
  const bySchool = new Map<number, ClosedSurvey<D>[]>();
  for (const s of surveys) bySchool.set(s.schoolUrn, [...(bySchool.get(s.schoolUrn) ?? []), s]);
  const facts: { day: string; measure: string; dims: Record<D, string>; bucket: number; value: number }[] =
    [];
  for (const rounds of bySchool.values()) {
    const withResults = [...rounds]
      .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime() || a.id.localeCompare(b.id))
      .map((round) => ({ round, result: surveyResult(answersOf.get(round.id) ?? []) }))
      .filter(({ result }) => !result.isSuppressed);
    const first = withResults[0];
    const latest = withResults[withResults.length - 1];
    if (!first || !latest || first === latest) continue;
    const day = lastDayOf(latest.round.closesAt);
    if (day < range.from || day > range.to) continue;
    const changes = surveyChange(first.result, latest.result).flatMap((c) =>
      c.change === null ? [] : [c.change],
    );
    if (changes.length === 0) continue;
    const mean = changes.reduce((sum, c) => sum + c, 0) / changes.length;
    facts.push({
      day,
      measure: CONFIDENCE_MEASURE,
      dims: latest.round.dims,
      bucket: Math.round(mean * CONFIDENCE_SCALE),
      value: 1,
    });
  }
  return facts;
}
