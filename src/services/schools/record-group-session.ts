import { randomUUID } from 'node:crypto';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { CreateGroupSessionInput } from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { withScope } from '../../db/scoped.js';
import { recordChange } from '../audit/record-change.js';
import { pastOrSoon, recordingTeam } from './school-work.js';
import { schoolInReach } from './schools-in-reach.js';

/**
 * Records a workshop, assembly, parent session or staff training (MHSDS MHS301GroupSession): how
 * many came, never who. Recorded once; a mistake is put right with a new row, not an edit.
 */
export async function recordGroupSession(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  urnParam: string,
  input: CreateGroupSessionInput,
): Promise<{ id: string }> {
  await authorise(ctx, 'school-work:record');
  const actor = staffOf(ctx);
  const school = await schoolInReach(ctx, deps.db, urnParam, 'school-work:record');
  const heldAt = pastOrSoon(ctx, input.heldAt, 'heldAt');
  const id = randomUUID();
  await withScope(deps.db, recordScope(actor), async (tx) => {
    await schoolWork.insertGroupSession(tx, {
      id,
      schoolUrn: school.urn,
      teamId: await recordingTeam(tx, actor, school.urn),
      kind: input.kind,
      topic: input.topic,
      heldAt,
      attendeeCount: input.attendeeCount,
      yearGroups: input.yearGroups,
      deliveredBy: input.deliveredBy,
      recordedAt: ctx.now(),
      recordedBy: actor.userId,
    });
    await recordChange(tx, ctx, {
      entity: 'group-session',
      entityId: id,
      action: 'created',
      after: { schoolUrn: school.urn, kind: input.kind, attendeeCount: input.attendeeCount },
    });
  });
  return { id };
}
