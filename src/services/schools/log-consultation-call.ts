import { randomUUID } from 'node:crypto';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { CreateConsultationCallInput } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { responseMinutes } from '../../domain/schools/whole-school.js';
import { recordChange } from '../audit/record-change.js';
import { teamForCall } from './consultation-line.js';
import { pastOrSoon } from './school-work.js';

/**
 * Logs a call to the professionals' consultation line: who called from where, what they asked, the
 * advice and what came of it. The response time runs from the call to the advice.
 */
export async function logConsultationCall(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: CreateConsultationCallInput,
): Promise<{ id: string; responseMinutes: number | null }> {
  await authorise(ctx, 'consultation-line:use');
  const actor = staffOf(ctx);
  const teamId = teamForCall(actor, input.teamId);
  const receivedAt = pastOrSoon(ctx, input.receivedAt, 'receivedAt');
  const advisedAt = input.advisedAt ? pastOrSoon(ctx, input.advisedAt, 'advisedAt') : null;
  if (advisedAt && advisedAt < receivedAt) {
    throw new AppError('bad-request', 'Advice cannot be given before the call came in.', [
      { name: 'advisedAt', reason: 'must be at or after receivedAt' },
    ]);
  }
  const id = randomUUID();
  await withScope(deps.db, recordScope(actor), async (tx) => {
    if (input.schoolUrn !== undefined && !(await schoolWork.schoolExists(tx, input.schoolUrn))) {
      throw new AppError('bad-request', 'There is no school with that URN.', [
        { name: 'schoolUrn', reason: 'is not a school we know' },
      ]);
    }
    await schoolWork.insertConsultationCall(tx, {
      id,
      teamId,
      receivedAt,
      advisedAt,
      callerRole: input.callerRole,
      callerOrganisation: input.callerOrganisation,
      schoolUrn: input.schoolUrn ?? null,
      question: input.question,
      advice: input.advice,
      outcome: input.outcome ?? null,
      handledBy: actor.userId,
      recordedAt: ctx.now(),
    });
    await recordChange(tx, ctx, {
      entity: 'consultation-call',
      entityId: id,
      action: 'created',
      after: { teamId, outcome: input.outcome ?? null },
    });
  });
  return { id, responseMinutes: responseMinutes(receivedAt, advisedAt) };
}
