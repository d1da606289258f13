import { randomUUID } from 'node:crypto';
import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope, systemScope } from '../../access/scope.js';
import type { MergeChildrenInput, UndoMergeInput } from '../../contracts/triage.js';
import type { LanternDb } from '../../db/client.js';
import * as people from '../../db/repositories/people.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { duplicateReasons } from '../../domain/people/possible-duplicates.js';
import { recordChange } from '../audit/record-change.js';

const notFound = () => new AppError('not-found', 'There is no record at this address that you can see.');

/**
 * A triage clinician decides two records are the same young person. The surviving record must be
 * within their scope; the other is usually found by the area-wide duplicate check. Nothing is
 * moved or deleted: the link is a row, and undoing it keeps both decisions.
 */
export async function mergeChildren(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  survivingChildId: string,
  input: MergeChildrenInput,
) {
  await authorise(ctx, 'referral:triage');
  if (ctx.actor.kind !== 'staff') throw new AppError('unauthenticated', 'Sign in to continue.');
  const userId = ctx.actor.userId;
  if (survivingChildId === input.mergedChildId) {
    throw new AppError('bad-request', 'A record cannot be merged into itself.', [
      { name: 'mergedChildId', reason: 'must be a different record' },
    ]);
  }
  const visible = await withScope(deps.db, recordScope(ctx.actor), (tx) =>
    people.findChild(tx, survivingChildId),
  );
  await ctx.recordAccess({
    subjectKind: 'child',
    subjectId: survivingChildId,
    action: 'child:merge',
    outcome: visible ? 'allowed' : 'denied',
    basis: visible ? 'triage' : 'out-of-scope',
  });
  if (!visible) throw notFound();
  const linkId = randomUUID();
  const isMerged = await withScope(deps.db, systemScope('merge of a duplicate child record'), async (tx) => {
    // Only a record the duplicate check would show can be merged: anything else answers as unknown.
    const merged = await people.findChild(tx, input.mergedChildId);
    const school = await people.currentSchool(tx, survivingChildId);
    const mergedSchool = merged ? await people.currentSchool(tx, merged.id) : null;
    const reasons = merged
      ? duplicateReasons(
          { ...visible, schoolUrns: school ? [school.urn] : [] },
          { ...merged, schoolUrns: mergedSchool ? [mergedSchool.urn] : [] },
        )
      : [];
    if (!merged || reasons.length === 0) return false;
    if ((await people.linkedChildIds(tx, input.mergedChildId)).includes(survivingChildId)) {
      throw new AppError('conflict', 'These records are already merged.');
    }
    await people.insertChildLink(tx, {
      id: linkId,
      survivingChildId,
      mergedChildId: input.mergedChildId,
      reason: input.reason,
      recordedAt: ctx.now(),
      recordedBy: userId,
    });
    await recordChange(tx, ctx, {
      entity: 'child',
      entityId: survivingChildId,
      action: 'merged',
      after: { linkId, mergedChildId: input.mergedChildId },
    });
    return true;
  });
  await ctx.recordAccess({
    subjectKind: 'child',
    subjectId: input.mergedChildId,
    action: 'child:merge',
    outcome: isMerged ? 'allowed' : 'denied',
    basis: isMerged ? 'possible-duplicate' : 'not-a-possible-duplicate',
  });
  if (!isMerged) throw notFound();
  return { linkId };
}

/** Undoes a merge, with a reason. The link row stays, marked undone. */
export async function undoMerge(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  linkId: string,
  input: UndoMergeInput,
) {
  await authorise(ctx, 'referral:triage');
  if (ctx.actor.kind !== 'staff') throw new AppError('unauthenticated', 'Sign in to continue.');
  const userId = ctx.actor.userId;
  // Found within the clinician's scope; undone under a system scope, as only a system scope may
  // change a link (migration 0015).
  const link = await withScope(deps.db, recordScope(ctx.actor), (tx) => people.findChildLink(tx, linkId));
  const done = link
    ? await withScope(deps.db, systemScope('undoing a merge the clinician can see'), async (tx) => {
        if (!(await people.undoChildLink(tx, linkId, { at: ctx.now(), by: userId, reason: input.reason }))) {
          throw new AppError('conflict', 'This merge has already been undone.');
        }
        await recordChange(tx, ctx, {
          entity: 'child',
          entityId: link.survivingChildId,
          action: 'merge-undone',
          before: { linkId, mergedChildId: link.mergedChildId },
        });
        return link;
      })
    : null;
  await ctx.recordAccess({
    subjectKind: 'child-link',
    subjectId: linkId,
    action: 'child:merge',
    outcome: done ? 'allowed' : 'denied',
    basis: done ? 'triage' : 'out-of-scope',
  });
  if (!done) throw notFound();
  return { linkId };
}
