import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { SurveyAnswerInput } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { AppError } from '../../domain/app-error.js';
import { londonDate } from '../../domain/people/child-details.js';
import { isValidAnswers } from '../../domain/schools/confidence-survey.js';
import { isSurveyOpen, surveyLinkHash } from './surveys.js';
import { unknownSurvey } from './view-survey.js';

/**
 * Stores one anonymous answer to an open survey: the answers and the London day, nothing else. No
 * audit row is written and the reply carries no id, because either would tie the answer to a
 * moment or a request, and so to whoever was at a keyboard then.
 */
export async function answerSurvey(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  secret: string,
  input: SurveyAnswerInput,
): Promise<{ received: true }> {
  await authorise(ctx, 'survey:respond');
  const found = await schoolWork.findSurveyByLinkHash(deps.db, surveyLinkHash(secret));
  if (!found) throw unknownSurvey();
  const now = ctx.now();
  if (!isSurveyOpen(found.survey, now)) {
    throw new AppError('conflict', 'This survey is closed, so it cannot take any more answers. Thank you.');
  }
  if (!isValidAnswers(input.answers)) {
    throw new AppError(
      'bad-request',
      'Give each answer as a number from 1 to 5 for a statement in the survey.',
      [{ name: 'answers', reason: 'must rate statements in this survey from 1 to 5' }],
    );
  }
  await schoolWork.insertSurveyResponse(deps.db, {
    surveyId: found.survey.id,
    answers: input.answers,
    submittedOn: londonDate(now),
  });
  return { received: true };
}
