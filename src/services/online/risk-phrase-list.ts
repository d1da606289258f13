import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { RiskPhraseInput, RiskPhraseList, RiskPhraseOut } from '../../contracts/online-risk.js';
import type { LanternDb } from '../../db/client.js';
import * as risk from '../../db/repositories/online-risk.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { normaliseForMatching } from '../../domain/online/risk-phrases.js';
import { recordChange } from '../audit/record-change.js';

// The duty seniors maintain their organisation's risk phrase list. It holds no young person's data,
// so reading it is not access-logged; every change is audited. A retired phrase stays listed.

type PhraseRow = Awaited<ReturnType<typeof risk.allRiskPhrases>>[number];

function phraseOut({ row, addedByName }: PhraseRow): RiskPhraseOut {
  return {
    id: row.id,
    phrase: row.phrase,
    category: row.category,
    addedAt: row.addedAt.toISOString(),
    addedByName,
    retiredAt: row.retiredAt?.toISOString() ?? null,
  };
}

export async function listRiskPhrases(ctx: ServiceContext, deps: { db: LanternDb }): Promise<RiskPhraseList> {
  await authorise(ctx, 'online:duty');
  const { organisationId } = staffOf(ctx);
  const rows = await withScope(deps.db, recordScope(ctx.actor), (tx) =>
    risk.allRiskPhrases(tx, organisationId),
  );
  return { items: rows.map(phraseOut) };
}

export async function addRiskPhrase(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: RiskPhraseInput,
): Promise<RiskPhraseOut> {
  await authorise(ctx, 'online:duty');
  const { organisationId, userId } = staffOf(ctx);
  const phrase = normaliseForMatching(input.phrase);
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const inUse = await risk.activeRiskPhrases(tx, organisationId);
    if (inUse.some((p) => normaliseForMatching(p.phrase) === phrase)) {
      throw new AppError('conflict', 'That phrase is already on the list.', [
        { name: 'phrase', reason: 'is already on the list' },
      ]);
    }
    const row = await risk.insertRiskPhrase(tx, {
      organisationId,
      phrase,
      category: input.category,
      addedBy: userId,
      addedAt: ctx.now(),
    });
    await recordChange(tx, ctx, {
      entity: 'risk-phrase',
      entityId: row.id,
      action: 'risk-phrase:added',
      after: { phrase, category: input.category },
    });
    return phraseOut({ row, addedByName: null });
  });
}

export async function retireRiskPhrase(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  phraseId: string,
): Promise<RiskPhraseOut> {
  await authorise(ctx, 'online:duty');
  const { organisationId, userId } = staffOf(ctx);
  const now = ctx.now();
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const row = await risk.findRiskPhrase(tx, phraseId, organisationId);
    if (!row) throw new AppError('not-found', 'There is no such risk phrase on your list.');
    if (!(await risk.retireRiskPhrase(tx, phraseId, userId, now))) {
      throw new AppError('conflict', 'That phrase was already retired.');
    }
    await recordChange(tx, ctx, {
      entity: 'risk-phrase',
      entityId: phraseId,
      action: 'risk-phrase:retired',
      before: { retiredAt: null },
      after: { retiredAt: now.toISOString() },
    });
    return phraseOut({ row: { ...row, retiredAt: now, retiredBy: userId }, addedByName: null });
  });
}
