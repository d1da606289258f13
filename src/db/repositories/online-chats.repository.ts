import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { RiskMatch } from '../../contracts/online-chat.js';
import { type LanternDb, queryRows } from '../client.js';
import { users } from '../schema/identity.js';
import { onlineChatMessages, onlineChats } from '../schema/online.js';

// The only code that queries online_chats and online_chat_messages. Every call runs inside a
// transaction bound to the caller's scope (withScope), so row-level security applies.

export type ChatRow = typeof onlineChats.$inferSelect;
export type ChatMessageRow = typeof onlineChatMessages.$inferSelect;

export async function openChat(
  tx: LanternDb,
  chat: Pick<ChatRow, 'serviceId' | 'accountId' | 'kind' | 'status' | 'queuedAt'> &
    Partial<Pick<ChatRow, 'bookingId' | 'counsellorUserId' | 'takenAt'>>,
): Promise<ChatRow> {
  const [row] = await tx.insert(onlineChats).values(chat).returning();
  if (!row) throw new Error('chat not stored');
  return row;
}

export async function findChat(tx: LanternDb, chatId: string): Promise<ChatRow | null> {
  const [row] = await tx.select().from(onlineChats).where(eq(onlineChats.id, chatId));
  return row ?? null;
}

export interface NewChatMessage {
  chatId: string;
  senderKind: ChatMessageRow['senderKind'];
  senderUserId: string | null;
  clientMessageId: string;
  body: string;
  riskMatches: RiskMatch[] | null;
  sentAt: Date;
}

/**
 * Stores a chat message with the chat's next number. The chat row is locked first, so messages in
 * one chat are numbered in the order they are stored, with no gaps. A message whose client id is
 * already stored (a resend after a dropped connection) is returned as it was, with `isNew` false.
 * Returns null when the chat is not visible to the caller.
 */
export async function appendChatMessage(
  tx: LanternDb,
  message: NewChatMessage,
): Promise<{ row: ChatMessageRow; isNew: boolean } | null> {
  const [locked] = await queryRows<{ account_id: string; last_seq: number }>(
    tx,
    sql`select account_id, last_seq from online_chats where id = ${message.chatId} for update`,
  );
  if (!locked) return null;
  const [existing] = await tx
    .select()
    .from(onlineChatMessages)
    .where(
      and(
        eq(onlineChatMessages.chatId, message.chatId),
        eq(onlineChatMessages.senderKind, message.senderKind),
        eq(onlineChatMessages.clientMessageId, message.clientMessageId),
      ),
    );
  if (existing) return { row: existing, isNew: false };
  const seq = Number(locked.last_seq) + 1;
  await tx.update(onlineChats).set({ lastSeq: seq }).where(eq(onlineChats.id, message.chatId));
  const [row] = await tx
    .insert(onlineChatMessages)
    .values({ ...message, accountId: locked.account_id, seq })
    .returning();
  if (!row) throw new Error('chat message not stored');
  return { row, isNew: true };
}

/** A chat's messages after `afterSeq`, in order. */
export async function messagesAfter(
  tx: LanternDb,
  chatId: string,
  afterSeq: number,
  limit = 500,
): Promise<ChatMessageRow[]> {
  return tx
    .select()
    .from(onlineChatMessages)
    .where(and(eq(onlineChatMessages.chatId, chatId), gt(onlineChatMessages.seq, afterSeq)))
    .orderBy(asc(onlineChatMessages.seq))
    .limit(limit);
}

/** The young person's waiting or active chat, if any (the newest, should there be two). */
export async function openChatOf(tx: LanternDb, accountId: string): Promise<ChatRow | null> {
  const [row] = await tx
    .select()
    .from(onlineChats)
    .where(and(eq(onlineChats.accountId, accountId), inArray(onlineChats.status, ['waiting', 'active'])))
    .orderBy(desc(onlineChats.queuedAt))
    .limit(1);
  return row ?? null;
}

/** Locks a chat row for a change, so two changes to one chat happen one after the other. */
export async function lockChat(tx: LanternDb, chatId: string): Promise<ChatRow | null> {
  const [row] = await tx.select().from(onlineChats).where(eq(onlineChats.id, chatId)).for('update');
  return row ?? null;
}

/** Changes a chat and bumps its version. The caller has locked it and checked the change is allowed. */
export async function updateChat(
  tx: LanternDb,
  chatId: string,
  set: Partial<
    Pick<
      ChatRow,
      | 'status'
      | 'endedAt'
      | 'endedBy'
      | 'summaryNote'
      | 'feedbackRating'
      | 'feedbackComment'
      | 'counsellorUserId'
      | 'takenAt'
    >
  >,
): Promise<ChatRow> {
  const [row] = await tx
    .update(onlineChats)
    .set({ ...set, version: sql`${onlineChats.version} + 1` })
    .where(eq(onlineChats.id, chatId))
    .returning();
  if (!row) throw new Error('chat not updated');
  return row;
}

/** Display names of staff, for "Counsellor Sam". */
export async function staffNames(tx: LanternDb, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** A message already stored under this client id (a resend), if any. */
export async function findMessageByClientId(
  tx: LanternDb,
  chatId: string,
  senderKind: string,
  clientMessageId: string,
): Promise<ChatMessageRow | null> {
  const [row] = await tx
    .select()
    .from(onlineChatMessages)
    .where(
      and(
        eq(onlineChatMessages.chatId, chatId),
        eq(onlineChatMessages.senderKind, senderKind),
        eq(onlineChatMessages.clientMessageId, clientMessageId),
      ),
    );
  return row ?? null;
}

/** What `appendChatMessagesQuickly` did with one message; `row` is set for 'stored' and 'existing'. */
export interface QuickAppend {
  outcome: 'stored' | 'existing' | 'not-found' | 'ended' | 'recheck';
  row: ChatMessageRow | null;
  serviceId: string | null;
  username: string | null;
  senderName: string | null;
}

/** One message for `appendChatMessagesQuickly`. */
export interface QuickAppendItem {
  chatId: string;
  /** Staff sender, with their organisation (a duty senior reaches only their own organisation's chats). */
  senderUserId: string | null;
  senderOrganisationId: string | null;
  /** Young person sender. */
  senderAccountId: string | null;
  /** Whether the staff sender holds duty permission, so may write in a chat they do not hold. */
  mayDuty: boolean;
  clientMessageId: string;
  body: string;
  /** The organisation and fingerprint of the risk phrases a young person's message was matched against. */
  risk: { organisationId: string; stamp: string } | null;
  sentAt: Date;
}

/**
 * Stores messages with one call and one commit (`lantern_append_chat_messages`, migration 0026,
 * ADR 0024), on `db` itself, never inside a transaction. The function checks each sender's reach
 * to the chat explicitly, as row-level security would; outcomes come back in the order given.
 * The function locks the chats in id order itself; items keep their order within each chat. Only
 * for messages with no risk matches.
 */
export async function appendChatMessagesQuickly(
  db: LanternDb,
  items: readonly QuickAppendItem[],
): Promise<QuickAppend[]> {
  const payload = items.map((m) => ({
    chat: m.chatId,
    senderUser: m.senderUserId,
    senderOrg: m.senderOrganisationId,
    senderAccount: m.senderAccountId,
    mayDuty: m.mayDuty,
    clientId: m.clientMessageId,
    body: m.body,
    riskOrg: m.risk?.organisationId ?? null,
    riskStamp: m.risk?.stamp ?? null,
    at: m.sentAt.toISOString(),
  }));
  const [result] = await queryRows<{ results: unknown }>(
    db,
    sql`select lantern_append_chat_messages(${JSON.stringify(payload)}::jsonb) as results`,
  );
  const raw = typeof result?.results === 'string' ? JSON.parse(result.results) : result?.results;
  const answers = (raw ?? []) as Record<string, unknown>[];
  return items.map((_, i) => quickAppendFromJson(answers[i]));
}

function quickAppendFromJson(answer: Record<string, unknown> | undefined): QuickAppend {
  // Every item has an answer: a missing one is a fault in the database, never "no such chat".
  if (!answer) throw new Error('a stored batch gave no answer for one of its messages');
  const row = answer.row as Record<string, unknown> | null | undefined;
  return {
    outcome: answer.outcome as QuickAppend['outcome'],
    row: row ? messageRowFromJson(row) : null,
    serviceId: (answer.serviceId as string | null | undefined) ?? null,
    username: (answer.username as string | null | undefined) ?? null,
    senderName: (answer.senderName as string | null | undefined) ?? null,
  };
}

function messageRowFromJson(row: Record<string, unknown>): ChatMessageRow {
  return {
    id: String(row.id),
    chatId: String(row.chat_id),
    accountId: String(row.account_id),
    seq: Number(row.seq),
    senderKind: String(row.sender_kind),
    senderUserId: (row.sender_user_id as string | null) ?? null,
    clientMessageId: String(row.client_message_id),
    body: String(row.body),
    riskMatches: (row.risk_matches as RiskMatch[] | null) ?? null,
    sentAt: new Date(String(row.sent_at)),
  };
}

/** An organisation's risk phrases in use, with the fingerprint the quick path checks, in one snapshot. */
export async function riskPhrasesWithStamp(
  db: LanternDb,
  organisationId: string,
): Promise<{ stamp: string; phrases: { id: string; phrase: string; category: string }[] }> {
  const [row] = await queryRows<{ stamp: string; phrases: unknown }>(
    db,
    sql`select lantern_risk_phrase_stamp(${organisationId}::uuid) as stamp,
      coalesce((select jsonb_agg(jsonb_build_object('id', id, 'phrase', phrase, 'category', category))
        from risk_phrases where organisation_id = ${organisationId}::uuid and retired_at is null), '[]'::jsonb) as phrases`,
  );
  const phrases = typeof row?.phrases === 'string' ? JSON.parse(row.phrases) : row?.phrases;
  return {
    stamp: row?.stamp ?? '',
    phrases: (phrases ?? []) as { id: string; phrase: string; category: string }[],
  };
}
