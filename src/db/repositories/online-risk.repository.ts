import { and, eq, isNull } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { onlineAlerts, onlineRiskAssessments, riskPhrases } from '../schema/online.js';

// The only code that queries risk phrases, risk assessments, escalations and alerts.

export type AlertRow = typeof onlineAlerts.$inferSelect;

/** The organisation's risk phrases in use (not retired). */
export async function activeRiskPhrases(tx: LanternDb, organisationId: string) {
  return tx
    .select({ id: riskPhrases.id, phrase: riskPhrases.phrase, category: riskPhrases.category })
    .from(riskPhrases)
    .where(and(eq(riskPhrases.organisationId, organisationId), isNull(riskPhrases.retiredAt)));
}

/** Whether the chat has a risk assessment in force (one is needed before a counsellor ends it). */
export async function hasRiskAssessment(tx: LanternDb, chatId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: onlineRiskAssessments.id })
    .from(onlineRiskAssessments)
    .where(and(eq(onlineRiskAssessments.chatId, chatId), isNull(onlineRiskAssessments.invalidatedAt)))
    .limit(1);
  return rows.length > 0;
}

export async function insertAlert(tx: LanternDb, alert: typeof onlineAlerts.$inferInsert): Promise<AlertRow> {
  const [row] = await tx.insert(onlineAlerts).values(alert).returning();
  if (!row) throw new Error('alert not stored');
  return row;
}
