import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { SurveyForStaff } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { AppError } from '../../domain/app-error.js';
import { agreementScale, confidenceStatements } from '../../domain/schools/confidence-survey.js';
import { closingDay, isSurveyOpen, type SurveyPhase, surveyLinkHash } from './surveys.js';

export const unknownSurvey = () =>
  new AppError('not-found', 'This survey link is not right. Check it against the one you were sent.');

/** What anyone with a survey's link sees: the school, the statements, the scale, and whether it is open. */
export async function viewSurvey(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  secret: string,
): Promise<SurveyForStaff> {
  await authorise(ctx, 'survey:respond');
  const found = await schoolWork.findSurveyByLinkHash(deps.db, surveyLinkHash(secret));
  if (!found) throw unknownSurvey();
  return {
    schoolName: found.schoolName,
    phase: found.survey.phase as SurveyPhase,
    closesOn: closingDay(found.survey.closesAt),
    isOpen: isSurveyOpen(found.survey, ctx.now()),
    statements: [...confidenceStatements],
    scale: [...agreementScale],
  };
}
