import { randomUUID } from 'node:crypto';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type {
  ConcernActionInput,
  ConcernChanged,
  ConcernList,
  ConcernOut,
} from '../../contracts/safeguarding.js';
import type { LanternDb } from '../../db/client.js';
import * as safeguarding from '../../db/repositories/safeguarding.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { actionProblem, boardOrder, type ConcernStatus } from '../../domain/safeguarding/concerns.js';
import { recordChange } from '../audit/record-change.js';
import { concernsOut } from './concern-view.js';

/** The safeguarding lead's board: their organisation's concerns, open ones first, newest first. */
export async function concernBoard(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  status?: ConcernStatus,
): Promise<ConcernList> {
  await authorise(ctx, 'safeguarding:manage');
  const actor = staffOf(ctx);
  const items = await withScope(deps.db, recordScope(ctx.actor), async (tx) =>
    concernsOut(tx, await safeguarding.boardConcerns(tx, actor.organisationId, status)),
  );
  await ctx.recordAccess({
    subjectKind: 'safeguarding-board',
    subjectId: actor.organisationId,
    action: 'safeguarding:manage',
    outcome: 'allowed',
    basis: `listed ${items.length}`,
  });
  const ordered = boardOrder(items.map((c) => ({ ...c, raisedAt: new Date(c.raisedAt), out: c })));
  return { items: ordered.map((c) => c.out) };
}

const noSuchConcern = () =>
  new AppError('not-found', 'There is no such safeguarding concern for you to see.');

/**
 * Work on one concern of the lead's organisation, logged as a read of the young person's referral
 * (or as a refusal of the concern, when it is not there or not theirs).
 */
async function onConcern<T>(
  ctx: ServiceContext,
  db: LanternDb,
  concernId: string,
  work: (tx: LanternDb, concern: safeguarding.ConcernRow, userId: string, now: Date) => Promise<T>,
): Promise<T> {
  await authorise(ctx, 'safeguarding:manage');
  const actor = staffOf(ctx);
  const now = ctx.now();
  let referralId: string | null = null;
  try {
    return await withScope(db, recordScope(ctx.actor), async (tx) => {
      const row = await safeguarding.findConcern(tx, concernId);
      if (!row || row.concern.organisationId !== actor.organisationId) throw noSuchConcern();
      referralId = row.concern.referralId;
      return work(tx, row, actor.userId, now);
    });
  } finally {
    await ctx.recordAccess(
      referralId
        ? {
            subjectKind: 'referral',
            subjectId: referralId,
            action: 'safeguarding:manage',
            outcome: 'allowed',
            basis: 'organisation',
          }
        : {
            subjectKind: 'safeguarding-concern',
            subjectId: concernId,
            action: 'safeguarding:manage',
            outcome: 'denied',
            basis: 'out-of-scope',
          },
    );
  }
}

export function viewConcern(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  concernId: string,
): Promise<ConcernOut> {
  return onConcern(ctx, deps.db, concernId, async (tx, row) => {
    const [out] = await concernsOut(tx, [row]);
    return out as ConcernOut;
  });
}

/**
 * Records what the lead did (If-Match: the concern's version) and the status after it: forward
 * only, closing with the outcome in words.
 */
export function recordConcernAction(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  concernId: string,
  expectedVersion: number,
  input: ConcernActionInput,
): Promise<ConcernChanged> {
  return onConcern(ctx, deps.db, concernId, async (tx, { concern }, userId, now) => {
    if (concern.version !== expectedVersion) {
      throw new AppError(
        'precondition-failed',
        'Someone else changed this concern. Reload it to see the latest.',
      );
    }
    const from = concern.status as ConcernStatus;
    const problem = actionProblem(from, input);
    if (problem?.kind === 'closed') {
      throw new AppError(
        'conflict',
        'This concern is closed. Raise a new concern if something else happens.',
      );
    }
    if (problem) {
      throw new AppError('bad-request', 'Check the action.', [
        { name: problem.field, reason: problem.reason },
      ]);
    }
    const outcome = input.statusAfter === 'closed' ? (input.outcome?.trim() ?? null) : concern.outcome;
    const version = await safeguarding.updateConcernIfVersion(tx, concernId, expectedVersion, {
      status: input.statusAfter,
      leadUserId: concern.leadUserId ?? userId,
      outcome,
    });
    if (version === null) {
      throw new AppError(
        'precondition-failed',
        'Someone else changed this concern. Reload it to see the latest.',
      );
    }
    const id = randomUUID();
    const words = input.statusAfter === 'closed' ? `${input.action}\nOutcome: ${outcome}` : input.action;
    await safeguarding.insertAction(tx, {
      id,
      concernId,
      referralId: concern.referralId,
      action: words,
      statusAfter: input.statusAfter,
      recordedAt: now,
      recordedBy: userId,
    });
    await recordChange(tx, ctx, {
      entity: 'safeguarding-concern',
      entityId: concernId,
      action: 'safeguarding:action',
      before: { status: from, version: expectedVersion },
      after: { status: input.statusAfter, version, actionId: id },
    });
    return { id: concernId, version, status: input.statusAfter };
  });
}
