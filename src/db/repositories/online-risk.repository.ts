import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { changedRows, type LanternDb, queryRows } from '../client.js';
import { userRoles, users } from '../schema/identity.js';
import {
  onlineAccounts,
  onlineAlerts,
  onlineChatMessages,
  onlineChats,
  onlineEscalations,
  onlineMessages,
  onlineRiskAssessments,
  onlineServices,
  riskPhrases,
} from '../schema/online.js';
import { referrals } from '../schema/referrals.js';

// The only code that queries risk phrases, risk assessments, escalations and alerts. Every call runs
// inside a transaction bound to the caller's scope (withScope), so row-level security applies.

export type AlertRow = typeof onlineAlerts.$inferSelect;
export type EscalationRow = typeof onlineEscalations.$inferSelect;
export type AssessmentRow = typeof onlineRiskAssessments.$inferSelect;

const addedByUser = alias(users, 'added_by_user');
const staffName = alias(users, 'staff_name');

/** The organisation's risk phrases in use (not retired). */
export async function activeRiskPhrases(tx: LanternDb, organisationId: string) {
  return tx
    .select({ id: riskPhrases.id, phrase: riskPhrases.phrase, category: riskPhrases.category })
    .from(riskPhrases)
    .where(and(eq(riskPhrases.organisationId, organisationId), isNull(riskPhrases.retiredAt)));
}

/** Every risk phrase of the organisation, retired ones too, in use first, then A to Z. */
export function allRiskPhrases(tx: LanternDb, organisationId: string) {
  return tx
    .select({ row: riskPhrases, addedByName: addedByUser.displayName })
    .from(riskPhrases)
    .leftJoin(addedByUser, eq(addedByUser.id, riskPhrases.addedBy))
    .where(eq(riskPhrases.organisationId, organisationId))
    .orderBy(sql`${riskPhrases.retiredAt} is not null`, asc(riskPhrases.phrase));
}

export async function insertRiskPhrase(tx: LanternDb, row: typeof riskPhrases.$inferInsert) {
  const [stored] = await tx.insert(riskPhrases).values(row).returning();
  if (!stored) throw new Error('risk phrase not stored');
  return stored;
}

export async function findRiskPhrase(tx: LanternDb, id: string, organisationId: string) {
  const [row] = await tx
    .select()
    .from(riskPhrases)
    .where(and(eq(riskPhrases.id, id), eq(riskPhrases.organisationId, organisationId)));
  return row ?? null;
}

/** Retires a phrase still in use; false when it was retired already. */
export async function retireRiskPhrase(tx: LanternDb, id: string, userId: string, at: Date) {
  const result = await tx
    .update(riskPhrases)
    .set({ retiredAt: at, retiredBy: userId })
    .where(and(eq(riskPhrases.id, id), isNull(riskPhrases.retiredAt)));
  return changedRows(result) === 1;
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

export interface RiskChat {
  id: string;
  serviceId: string;
  accountId: string;
  organisationId: string;
  status: string;
  counsellorUserId: string | null;
}

/**
 * The chat with its account's organisation, locked so risk decisions on one chat are made one at a
 * time (two corrections at once leave one assessment in force). Null when outside the caller's scope.
 */
export async function lockRiskChat(tx: LanternDb, chatId: string, lock = true): Promise<RiskChat | null> {
  const [row] = await queryRows<{
    id: string;
    service_id: string;
    account_id: string;
    status: string;
    counsellor_user_id: string | null;
  }>(
    tx,
    sql`select id, service_id, account_id, status, counsellor_user_id from online_chats where id = ${chatId} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) return null;
  const [account] = await tx
    .select({ organisationId: onlineAccounts.organisationId })
    .from(onlineAccounts)
    .where(eq(onlineAccounts.id, row.account_id));
  if (!account) return null;
  return {
    id: row.id,
    serviceId: row.service_id,
    accountId: row.account_id,
    organisationId: account.organisationId,
    status: row.status,
    counsellorUserId: row.counsellor_user_id,
  };
}

export function assessmentsOfChat(tx: LanternDb, chatId: string) {
  return tx
    .select({ row: onlineRiskAssessments, recordedByName: staffName.displayName })
    .from(onlineRiskAssessments)
    .innerJoin(staffName, eq(staffName.id, onlineRiskAssessments.recordedBy))
    .where(eq(onlineRiskAssessments.chatId, chatId))
    .orderBy(desc(onlineRiskAssessments.recordedAt), desc(onlineRiskAssessments.id));
}

/** Marks the chat's assessment in force as corrected; returns the ids it invalidated. */
export async function invalidateCurrentAssessments(tx: LanternDb, chatId: string, at: Date) {
  return tx
    .update(onlineRiskAssessments)
    .set({ invalidatedAt: at })
    .where(and(eq(onlineRiskAssessments.chatId, chatId), isNull(onlineRiskAssessments.invalidatedAt)))
    .returning({ id: onlineRiskAssessments.id, level: onlineRiskAssessments.level });
}

export async function insertAssessment(tx: LanternDb, row: typeof onlineRiskAssessments.$inferInsert) {
  const [stored] = await tx.insert(onlineRiskAssessments).values(row).returning();
  if (!stored) throw new Error('risk assessment not stored');
  return stored;
}

export async function findService(tx: LanternDb, serviceId: string) {
  const [row] = await tx.select().from(onlineServices).where(eq(onlineServices.id, serviceId));
  return row ?? null;
}

/** The organisation's active duty seniors, who are told of every escalation. */
export function dutySeniorsOf(tx: LanternDb, organisationId: string) {
  return tx
    .selectDistinct({ userId: users.id, email: users.email })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(userRoles.role, 'online-duty-senior'),
        isNull(userRoles.revokedAt),
        eq(users.isActive, true),
      ),
    );
}

export async function insertEscalation(tx: LanternDb, row: typeof onlineEscalations.$inferInsert) {
  const [stored] = await tx.insert(onlineEscalations).values(row).returning();
  if (!stored) throw new Error('escalation not stored');
  return stored;
}

const escalationColumns = {
  row: onlineEscalations,
  raisedByName: staffName.displayName,
  dutySeniorName: addedByUser.displayName,
  referralReference: referrals.reference,
};

function escalationsWhere(tx: LanternDb, where: ReturnType<typeof and>) {
  return tx
    .select(escalationColumns)
    .from(onlineEscalations)
    .innerJoin(staffName, eq(staffName.id, onlineEscalations.raisedBy))
    .leftJoin(addedByUser, eq(addedByUser.id, onlineEscalations.dutySeniorUserId))
    .leftJoin(referrals, eq(referrals.id, onlineEscalations.referralId))
    .where(where)
    .orderBy(desc(onlineEscalations.raisedAt));
}

export const escalationsOfChat = (tx: LanternDb, chatId: string) =>
  escalationsWhere(tx, and(eq(onlineEscalations.chatId, chatId)));
export const openEscalations = (tx: LanternDb) =>
  escalationsWhere(tx, and(sql`${onlineEscalations.status} <> 'closed'`));

export async function findEscalation(tx: LanternDb, id: string) {
  const [row] = await tx.select().from(onlineEscalations).where(eq(onlineEscalations.id, id));
  return row ?? null;
}

export async function updateEscalationIfVersion(
  tx: LanternDb,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<EscalationRow, 'status' | 'closedAt' | 'outcome' | 'dutySeniorUserId'>>,
): Promise<number | null> {
  const result = await tx
    .update(onlineEscalations)
    .set({ ...changes, version: sql`${onlineEscalations.version} + 1` })
    .where(and(eq(onlineEscalations.id, id), eq(onlineEscalations.version, expectedVersion)));
  return changedRows(result) === 1 ? expectedVersion + 1 : null;
}

/** A duty senior joined the chat: its escalations still only raised now have them. */
export async function markEscalationsJoined(tx: LanternDb, chatId: string, userId: string) {
  return tx
    .update(onlineEscalations)
    .set({
      dutySeniorUserId: userId,
      status: 'duty-senior-joined',
      version: sql`${onlineEscalations.version} + 1`,
    })
    .where(and(eq(onlineEscalations.chatId, chatId), eq(onlineEscalations.status, 'raised')))
    .returning({ id: onlineEscalations.id });
}

export async function insertAlert(tx: LanternDb, alert: typeof onlineAlerts.$inferInsert): Promise<AlertRow> {
  const [row] = await tx.insert(onlineAlerts).values(alert).returning();
  if (!row) throw new Error('alert not stored');
  return row;
}

export async function findAlert(tx: LanternDb, id: string) {
  const [row] = await tx.select().from(onlineAlerts).where(eq(onlineAlerts.id, id));
  return row ?? null;
}

/** Acknowledges an alert at the version the duty senior saw; null when it changed meanwhile. */
export async function acknowledgeAlertIfVersion(
  tx: LanternDb,
  id: string,
  expectedVersion: number,
  userId: string,
  at: Date,
) {
  const [row] = await tx
    .update(onlineAlerts)
    .set({ acknowledgedAt: at, acknowledgedBy: userId, version: sql`${onlineAlerts.version} + 1` })
    .where(
      and(
        eq(onlineAlerts.id, id),
        eq(onlineAlerts.version, expectedVersion),
        isNull(onlineAlerts.acknowledgedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/** The board's alerts: every one still to acknowledge, and those acknowledged since `since`. */
export function boardAlerts(tx: LanternDb, since: Date) {
  return tx
    .select({
      alert: onlineAlerts,
      username: onlineAccounts.username,
      acknowledgedByName: staffName.displayName,
      chatMatches: onlineChatMessages.riskMatches,
      messageMatches: onlineMessages.riskMatches,
    })
    .from(onlineAlerts)
    .innerJoin(onlineAccounts, eq(onlineAccounts.id, onlineAlerts.accountId))
    .leftJoin(staffName, eq(staffName.id, onlineAlerts.acknowledgedBy))
    .leftJoin(
      onlineChatMessages,
      and(
        eq(onlineChatMessages.chatId, onlineAlerts.chatId),
        eq(onlineChatMessages.seq, onlineAlerts.messageSeq),
      ),
    )
    .leftJoin(onlineMessages, eq(onlineMessages.id, onlineAlerts.messageId))
    .where(or(isNull(onlineAlerts.acknowledgedAt), gte(onlineAlerts.acknowledgedAt, since)))
    .limit(500);
}

/** Messages with a risk phrase in chats still going on, newest first. */
export function activeChatRiskMatches(tx: LanternDb) {
  return tx
    .select({
      chatId: onlineChatMessages.chatId,
      seq: onlineChatMessages.seq,
      riskMatches: onlineChatMessages.riskMatches,
      sentAt: onlineChatMessages.sentAt,
      username: onlineAccounts.username,
      counsellorName: staffName.displayName,
    })
    .from(onlineChatMessages)
    .innerJoin(onlineChats, eq(onlineChats.id, onlineChatMessages.chatId))
    .innerJoin(onlineAccounts, eq(onlineAccounts.id, onlineChats.accountId))
    .leftJoin(staffName, eq(staffName.id, onlineChats.counsellorUserId))
    .where(and(eq(onlineChats.status, 'active'), isNotNull(onlineChatMessages.riskMatches)))
    .orderBy(desc(onlineChatMessages.sentAt))
    .limit(200);
}

/** Usernames of accounts, for the board's escalations. */
export function usernamesOf(tx: LanternDb, accountIds: string[]) {
  if (accountIds.length === 0) return Promise.resolve([]);
  return tx
    .select({ id: onlineAccounts.id, username: onlineAccounts.username })
    .from(onlineAccounts)
    .where(inArray(onlineAccounts.id, accountIds));
}

/** Alerts past their deadline, not acknowledged and not yet escalated further (the job's candidates). */
export function overdueAlerts(tx: LanternDb, now: Date) {
  return tx
    .select()
    .from(onlineAlerts)
    .where(
      and(
        isNull(onlineAlerts.acknowledgedAt),
        isNull(onlineAlerts.escalatedFurtherAt),
        lte(onlineAlerts.acknowledgeBy, now),
      ),
    )
    .orderBy(asc(onlineAlerts.acknowledgeBy))
    .limit(200);
}

/**
 * Marks one alert escalated further, only if nobody did meanwhile: of several processes running the
 * job at once, exactly one gets the row back (PostgreSQL re-checks the condition after the row lock).
 */
export async function markEscalatedFurther(tx: LanternDb, id: string, at: Date) {
  const [row] = await tx
    .update(onlineAlerts)
    .set({ escalatedFurtherAt: at })
    .where(
      and(
        eq(onlineAlerts.id, id),
        isNull(onlineAlerts.acknowledgedAt),
        isNull(onlineAlerts.escalatedFurtherAt),
      ),
    )
    .returning();
  return row ?? null;
}
