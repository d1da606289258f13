import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { DraftInput } from '../../contracts/referral-form.js';
import type { LanternDb } from '../../db/client.js';
import * as drafts from '../../db/repositories/drafts.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';

type DraftInputT = import('zod').infer<typeof DraftInput>;
const notFound = () => new AppError('not-found', 'There is no draft at this address that you can see.');

function shape(row: { id: string; kind: string; answers: unknown; version: number; updatedAt: Date }) {
  return {
    id: row.id,
    kind: row.kind as DraftInputT['kind'],
    answers: row.answers as Record<string, unknown>,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function draftScope(ctx: ServiceContext) {
  await authorise(ctx, 'referral:create');
  if (ctx.actor.kind !== 'staff') throw new AppError('unauthenticated', 'Sign in to continue.');
  return { scope: recordScope(ctx.actor), userId: ctx.actor.userId };
}

export async function listReferralDrafts(ctx: ServiceContext, deps: { db: LanternDb }) {
  const { scope } = await draftScope(ctx);
  return { drafts: (await withScope(deps.db, scope, drafts.listDrafts)).map(shape) };
}

export async function getReferralDraft(ctx: ServiceContext, deps: { db: LanternDb }, id: string) {
  const { scope } = await draftScope(ctx);
  const row = await withScope(deps.db, scope, (tx) => drafts.findDraft(tx, id));
  if (!row) throw notFound();
  return shape(row);
}

export async function createReferralDraft(ctx: ServiceContext, deps: { db: LanternDb }, input: DraftInputT) {
  const { scope, userId } = await draftScope(ctx);
  const at = ctx.now();
  const row = await withScope(deps.db, scope, (tx) =>
    drafts.insertDraft(tx, {
      ownerUserId: userId,
      formKind: input.kind,
      answers: input.answers,
      createdAt: at,
      updatedAt: at,
    }),
  );
  if (!row) throw new Error('draft insert returned nothing');
  return shape(row);
}

export async function saveReferralDraft(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  id: string,
  expectedVersion: number,
  input: DraftInputT,
) {
  const { scope } = await draftScope(ctx);
  const row = await withScope(deps.db, scope, async (tx) => {
    if (!(await drafts.findDraft(tx, id))) throw notFound();
    return drafts.updateDraft(tx, id, expectedVersion, {
      kind: input.kind,
      answers: input.answers,
      at: ctx.now(),
    });
  });
  if (!row) {
    throw new AppError(
      'precondition-failed',
      'This draft was saved from another window. Reload it to see the latest answers.',
    );
  }
  return shape(row);
}
