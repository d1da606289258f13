import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { Goal, GoalList } from '../../contracts/self-help.js';
import type { LanternDb } from '../../db/client.js';
import * as selfCare from '../../db/repositories/online-self-care.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { type GoalClosing, goalSentence, mayChangeGoal } from '../../domain/online/self-help.js';
import { recordChange } from '../audit/record-change.js';
import { type SelfCareDeps, youngPersonOf } from './journal-entries.js';

// A young person's goals in their own words, rated 0 to 10 over time and closed as achieved or
// stopped. Ratings are append-only; closing a goal needs its version (If-Match).

const noSuchGoal = () => new AppError('not-found', 'There is no such goal.');

function goalOf(row: selfCare.GoalRow, ratings: readonly selfCare.GoalRatingRow[]): Goal {
  const own = ratings.filter((r) => r.goalId === row.id);
  return {
    id: row.id,
    goal: row.goal,
    setAt: row.setAt.toISOString(),
    closedAs: (row.closedAs as GoalClosing | null) ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
    ratings: own.map((r) => ({ rating: r.rating, ratedAt: r.ratedAt.toISOString() })),
    sentence: goalSentence(row, own),
  };
}

async function loadGoal(tx: LanternDb, accountId: string, goalId: string): Promise<Goal> {
  const row = await selfCare.findGoal(tx, accountId, goalId);
  if (!row) throw noSuchGoal();
  return goalOf(row, await selfCare.ratingsOf(tx, [row.id]));
}

export async function listGoals(ctx: ServiceContext, deps: SelfCareDeps): Promise<GoalList> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  return withScope(deps.db, recordScope(me), async (tx) => {
    const rows = await selfCare.goalsOf(tx, me.accountId);
    const ratings = await selfCare.ratingsOf(
      tx,
      rows.map((r) => r.id),
    );
    // Open goals first, then the closed ones; newest first within each.
    const ordered = [...rows.filter(mayChangeGoal), ...rows.filter((r) => !mayChangeGoal(r))];
    return { items: ordered.map((row) => goalOf(row, ratings)) };
  });
}

export async function setGoal(
  ctx: ServiceContext,
  deps: SelfCareDeps,
  input: { goal: string },
): Promise<Goal> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  return withScope(deps.db, recordScope(me), async (tx) => {
    const row = await selfCare.insertGoal(tx, {
      accountId: me.accountId,
      goal: input.goal,
      setAt: ctx.now(),
    });
    await recordChange(tx, ctx, { entity: 'online-goal', entityId: row.id, action: 'set' });
    return goalOf(row, []);
  });
}

export async function rateGoal(
  ctx: ServiceContext,
  deps: SelfCareDeps,
  goalId: string,
  input: { rating: number },
): Promise<Goal> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  return withScope(deps.db, recordScope(me), async (tx) => {
    const goal = await selfCare.findGoal(tx, me.accountId, goalId);
    if (!goal) throw noSuchGoal();
    if (!mayChangeGoal(goal))
      throw new AppError('conflict', 'This goal is finished, so it cannot be rated now.');
    const rating = await selfCare.insertGoalRating(tx, {
      goalId,
      accountId: me.accountId,
      rating: input.rating,
      ratedAt: ctx.now(),
    });
    await recordChange(tx, ctx, {
      entity: 'online-goal',
      entityId: goalId,
      action: 'rate',
      after: { ratingId: rating.id },
    });
    return loadGoal(tx, me.accountId, goalId);
  });
}

/** Marks an open goal achieved or stopped; a stale version is a 412, a closed goal a 409. */
export async function closeGoal(
  ctx: ServiceContext,
  deps: SelfCareDeps,
  goalId: string,
  version: number,
  input: { closedAs: GoalClosing },
): Promise<Goal> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  return withScope(deps.db, recordScope(me), async (tx) => {
    const goal = await selfCare.findGoal(tx, me.accountId, goalId);
    if (!goal) throw noSuchGoal();
    if (goal.version !== version) {
      throw new AppError(
        'precondition-failed',
        'This goal changed on another page. Reload to see the latest.',
      );
    }
    if (!mayChangeGoal(goal)) throw new AppError('conflict', 'This goal is already finished.');
    const closed = await selfCare.closeGoal(tx, me.accountId, goalId, version, {
      closedAs: input.closedAs,
      closedAt: ctx.now(),
    });
    if (!closed)
      throw new AppError(
        'precondition-failed',
        'This goal changed on another page. Reload to see the latest.',
      );
    await recordChange(tx, ctx, {
      entity: 'online-goal',
      entityId: goalId,
      action: 'close',
      before: { closedAs: null, version },
      after: { closedAs: input.closedAs, version: closed.version },
    });
    return loadGoal(tx, me.accountId, goalId);
  });
}
