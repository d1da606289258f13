import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { TriageQueue } from '../../contracts/triage.js';
import type { LanternDb } from '../../db/client.js';
import * as people from '../../db/repositories/people.repository.js';
import * as triage from '../../db/repositories/triage.repository.js';
import { withScope } from '../../db/scoped.js';
import { ageOn, londonDate } from '../../domain/people/child-details.js';
import { duplicateReasons } from '../../domain/people/possible-duplicates.js';
import { openStatuses, type Priority, type ReferralStatus } from '../../domain/referrals/triage-decisions.js';
import { compareQueueEntries, daysWaiting } from '../../domain/referrals/triage-queue.js';

/**
 * The single point of access queue: open referrals within the clinician's scope, most urgent
 * first, then longest waiting, each flagged when the child may already be known under another record.
 */
export async function listTriageQueue(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  query: { status: 'open' | ReferralStatus },
): Promise<TriageQueue> {
  await authorise(ctx, 'referral:triage');
  const statuses = query.status === 'open' ? [...openStatuses] : [query.status];
  const now = ctx.now();
  const today = londonDate(now);
  const rows = await withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const found = await triage.queueRows(tx, statuses);
    const candidates = await people.duplicateCandidates(tx, {
      excludeIds: [],
      nhsNumbers: found.flatMap((r) => (r.nhsNumber ? [r.nhsNumber] : [])),
      datesOfBirth: [...new Set(found.map((r) => r.dateOfBirth))],
      // Every child born on a queue child's birthday, the queue's own children included.
      limit: 5_000,
    });
    return found.map((row) => ({
      row,
      hasPossibleDuplicate: candidates.some(
        (other) =>
          duplicateReasons(
            { ...row, id: row.childId, schoolUrns: row.schoolUrn ? [row.schoolUrn] : [] },
            { ...other, schoolUrns: other.schoolUrns },
          ).length > 0 && !other.isMerged,
      ),
    }));
  });
  await ctx.recordAccess({
    subjectKind: 'triage-queue',
    subjectId: null,
    action: 'referral:triage',
    outcome: 'allowed',
    basis: `listed ${rows.length}`,
  });
  const items = rows
    .map(({ row, hasPossibleDuplicate }) => ({
      ...row,
      priority: row.priority as Priority | null,
      hasPossibleDuplicate,
    }))
    .sort(compareQueueEntries)
    .map((row) => ({
      id: row.id,
      reference: row.reference,
      childName: `${row.givenName} ${row.familyName}`,
      age: ageOn(row.dateOfBirth, today),
      schoolName: row.schoolName,
      source: row.source,
      receivedAt: row.receivedAt.toISOString(),
      daysWaiting: daysWaiting(row.receivedAt, now),
      isUrgent: row.isUrgent,
      priority: row.priority,
      status: row.status as ReferralStatus,
      presentingNeeds: row.presentingNeeds,
      otherReferrals: row.otherReferrals,
      hasPossibleDuplicate: row.hasPossibleDuplicate,
    }));
  return { items };
}
