import { randomUUID } from 'node:crypto';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { CreateLinkMeetingInput } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { withScope } from '../../db/scoped.js';
import { recordChange } from '../audit/record-change.js';
import { pastOrSoon } from './school-work.js';
import { schoolInReach } from './schools-in-reach.js';

/** Records a School Link meeting: the school and specialist services meeting and talking openly. */
export async function recordLinkMeeting(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  urnParam: string,
  input: CreateLinkMeetingInput,
): Promise<{ id: string }> {
  await authorise(ctx, 'school-work:record');
  const actor = staffOf(ctx);
  const school = await schoolInReach(ctx, deps.db, urnParam, 'school-work:record');
  const heldAt = pastOrSoon(ctx, input.heldAt, 'heldAt');
  const id = randomUUID();
  await withScope(deps.db, recordScope(actor), async (tx) => {
    await schoolWork.insertLinkMeeting(tx, {
      id,
      schoolUrn: school.urn,
      heldAt,
      attendees: input.attendees,
      discussed: input.discussed,
      agreedActions: input.agreedActions,
      recordedAt: ctx.now(),
      recordedBy: actor.userId,
    });
    await recordChange(tx, ctx, {
      entity: 'school-link-meeting',
      entityId: id,
      action: 'created',
      after: { schoolUrn: school.urn, attendees: input.attendees.length },
    });
  });
  return { id };
}
