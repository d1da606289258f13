import type { ServiceContext } from '../../access/authorise.js';
import type {
  RiskAssessmentInput,
  RiskAssessmentList,
  RiskAssessmentOut,
  RiskLevel,
} from '../../contracts/online-risk.js';
import type { LanternDb } from '../../db/client.js';
import * as risk from '../../db/repositories/online-risk.repository.js';
import { recordChange } from '../audit/record-change.js';
import { withRiskChat } from './risk-chat-access.js';

// A risk assessment for every chat, by its counsellor or a duty senior. A correction is a new row:
// the one it replaces is marked invalidated, never changed or deleted (DESIGN.md, data rules).

function assessmentOut(row: risk.AssessmentRow, recordedByName: string): RiskAssessmentOut {
  return {
    id: row.id,
    chatId: row.chatId,
    level: row.level as RiskLevel,
    notes: row.notes,
    recordedAt: row.recordedAt.toISOString(),
    recordedByName,
    invalidatedAt: row.invalidatedAt?.toISOString() ?? null,
  };
}

export function listRiskAssessments(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  chatId: string,
): Promise<RiskAssessmentList> {
  return withRiskChat(
    ctx,
    deps.db,
    chatId,
    'online:counsel',
    async (tx) => {
      const rows = await risk.assessmentsOfChat(tx, chatId);
      const items = rows.map((r) => assessmentOut(r.row, r.recordedByName));
      return { current: items.find((a) => a.invalidatedAt === null) ?? null, items };
    },
    { lock: false },
  );
}

/** Records the chat's risk assessment; one already in force is corrected by it. */
export function recordRiskAssessment(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  chatId: string,
  input: RiskAssessmentInput,
): Promise<RiskAssessmentOut> {
  return withRiskChat(ctx, deps.db, chatId, 'online:counsel', async (tx, chat, userId, now) => {
    const replaced = await risk.invalidateCurrentAssessments(tx, chatId, now);
    const row = await risk.insertAssessment(tx, {
      chatId,
      accountId: chat.accountId,
      level: input.level,
      notes: input.notes,
      recordedAt: now,
      recordedBy: userId,
    });
    await recordChange(tx, ctx, {
      entity: 'online-risk-assessment',
      entityId: row.id,
      action: replaced.length > 0 ? 'online-risk-assessment:corrected' : 'online-risk-assessment:recorded',
      before:
        replaced.length > 0 ? { ids: replaced.map((r) => r.id), levels: replaced.map((r) => r.level) } : null,
      after: { chatId, level: input.level },
    });
    const named = (await risk.assessmentsOfChat(tx, chatId)).find((r) => r.row.id === row.id);
    return assessmentOut(row, named?.recordedByName ?? '');
  });
}
