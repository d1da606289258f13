import { randomBytes, randomUUID } from 'node:crypto';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { OpenSurveyInput, SurveyOpened } from '../../contracts/schools.js';
import { webPaths } from '../../contracts/web-paths.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { addDays } from '../../domain/calendar.js';
import { londonDate } from '../../domain/people/child-details.js';
import { recordChange } from '../audit/record-change.js';
import { londonDayStart } from './school-work.js';
import { schoolInReach } from './schools-in-reach.js';
import { surveyLinkHash } from './surveys.js';

const LONGEST_DAYS = 183;

/**
 * Opens a round of the school staff confidence survey, from now to the end of its closing day. The
 * answer carries the link's secret once; only its hash is kept, so nobody can show it again.
 */
export async function openSurvey(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  urnParam: string,
  input: OpenSurveyInput,
): Promise<SurveyOpened> {
  await authorise(ctx, 'survey:manage');
  const actor = staffOf(ctx);
  const school = await schoolInReach(ctx, deps.db, urnParam, 'survey:manage');
  const now = ctx.now();
  const today = londonDate(now);
  if (input.closesOn < today || input.closesOn > addDays(today, LONGEST_DAYS)) {
    throw new AppError('bad-request', 'Choose a closing date from today to six months ahead.', [
      { name: 'closesOn', reason: 'must be from today to six months ahead' },
    ]);
  }
  const secret = randomBytes(32).toString('base64url');
  const id = randomUUID();
  await withScope(deps.db, recordScope(actor), async (tx) => {
    await schoolWork.insertSurvey(tx, {
      id,
      schoolUrn: school.urn,
      phase: input.phase,
      opensAt: now,
      closesAt: londonDayStart(addDays(input.closesOn, 1)),
      linkHash: surveyLinkHash(secret),
      createdAt: now,
      createdBy: actor.userId,
    });
    await recordChange(tx, ctx, {
      entity: 'confidence-survey',
      entityId: id,
      action: 'opened',
      after: { schoolUrn: school.urn, phase: input.phase, closesOn: input.closesOn },
    });
  });
  return {
    id,
    phase: input.phase,
    closesOn: input.closesOn,
    secret,
    path: webPaths.staffSurvey.replace(':secret', secret),
  };
}
