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
