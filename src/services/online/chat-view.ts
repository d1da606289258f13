import type { Actor } from '../../access/authorise.js';
import type { ChatMessage } from '../../contracts/online-chat.js';
import type { MyChat, WaitEstimate, YoungPersonCard } from '../../contracts/online-chats-api.js';
import type { ChatMessageRow, ChatRow } from '../../db/repositories/online-chats.repository.js';
import type { AccountRow } from '../../db/repositories/online-queue.repository.js';
import { ageNow } from '../../domain/online/bookings.js';

// How chats and their messages look to each person. A message is published once, in the form staff
// see; each socket then shapes it for its own reader, so a young person never receives risk
// matches or staff ids, and everyone sees "You" for their own messages.

export type ChatViewer = { kind: 'young-person' } | { kind: 'staff'; userId: string };

export function viewerOf(actor: Actor): ChatViewer {
  if (actor.kind === 'staff') return { kind: 'staff', userId: actor.userId };
  return { kind: 'young-person' };
}

/** "Counsellor Sam": the first word of a display name only. */
export function counsellorLabel(displayName: string | undefined): string {
  const first = displayName?.trim().split(/\s+/)[0];
  return first ? `Counsellor ${first}` : 'Counsellor';
}

/** A stored message as staff see it, before shaping for a reader. */
export function messageForStaff(
  row: ChatMessageRow,
  labels: { username: string; staffNames: Map<string, string> },
): ChatMessage {
  const label =
    row.senderKind === 'young-person'
      ? labels.username
      : row.senderKind === 'system'
        ? 'Lantern'
        : (labels.staffNames.get(row.senderUserId ?? '') ?? 'Staff');
  return {
    chatId: row.chatId,
    seq: row.seq,
    senderKind: row.senderKind as ChatMessage['senderKind'],
    senderLabel: label,
    clientMessageId: row.clientMessageId,
    body: row.body,
    sentAt: row.sentAt.toISOString(),
    riskMatches: row.riskMatches ?? [],
    senderUserId: row.senderUserId,
  };
}

/** Shapes a message (in the form staff see) for one reader. */
export function messageFor(viewer: ChatViewer, message: ChatMessage): ChatMessage {
  if (viewer.kind === 'staff') {
    const isMine = message.senderUserId != null && message.senderUserId === viewer.userId;
    return isMine ? { ...message, senderLabel: 'You' } : message;
  }
  const { riskMatches: _risk, senderUserId: _sender, ...rest } = message;
  const senderLabel =
    message.senderKind === 'young-person'
      ? 'You'
      : message.senderKind === 'counsellor'
        ? counsellorLabel(message.senderLabel)
        : message.senderKind === 'duty-senior'
          ? 'Duty senior'
          : 'Lantern';
  return { ...rest, senderLabel };
}

/** What a counsellor may know about a young person: never more than they chose to share. */
export function youngPersonCard(
  account: AccountRow,
  takenChats: readonly ChatRow[],
  now: Date,
  currentChatId: string | null,
): YoungPersonCard {
  const before = takenChats.filter((c) => c.accountId === account.id && c.id !== currentChatId);
  return {
    accountId: account.id,
    username: account.username,
    ageNow: ageNow(account.ageAtSignUp, account.signedUpAt, now),
    gender: account.gender,
    genderDescription: account.genderDescription,
    isReturning: before.length > 0,
    previousNotes: before
      .filter((c) => c.summaryNote)
      .slice(0, 5)
      .map((c) => ({ chatId: c.id, endedAt: c.endedAt?.toISOString() ?? null, note: c.summaryNote ?? '' })),
  };
}

export function myChat(
  chat: ChatRow,
  extra: { counsellorName?: string | undefined; place: number | null; estimate: WaitEstimate | null },
): MyChat {
  return {
    id: chat.id,
    kind: chat.kind as MyChat['kind'],
    status: chat.status as MyChat['status'],
    version: chat.version,
    queuedAt: chat.queuedAt.toISOString(),
    takenAt: chat.takenAt?.toISOString() ?? null,
    endedAt: chat.endedAt?.toISOString() ?? null,
    counsellorLabel: chat.counsellorUserId ? counsellorLabel(extra.counsellorName) : null,
    placeInQueue: extra.place,
    estimate: extra.estimate,
    lastSeq: chat.lastSeq,
    canGiveFeedback: chat.status === 'ended' && chat.takenAt !== null && chat.feedbackRating === null,
  };
}
