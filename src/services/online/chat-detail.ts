import type { ServiceContext } from '../../access/authorise.js';
import type { ChatMessage } from '../../contracts/online-chat.js';
import type { ChatDetail } from '../../contracts/online-chats-api.js';
import type { LanternDb } from '../../db/client.js';
import * as chats from '../../db/repositories/online-chats.repository.js';
import * as queue from '../../db/repositories/online-queue.repository.js';
import { hasRiskAssessment } from '../../db/repositories/online-risk.repository.js';
import { authoriseChatUser, type ChatDeps, holds, withReachableChat } from './chat-access.js';
import { counsellorLabel, messageFor, messageForStaff, viewerOf, youngPersonCard } from './chat-view.js';

/** Every stored message of a chat after `afterSeq`, in order, in the form staff see. */
export async function storedMessagesAfter(
  tx: LanternDb,
  chat: chats.ChatRow,
  afterSeq: number,
): Promise<ChatMessage[]> {
  const rows: chats.ChatMessageRow[] = [];
  let after = afterSeq;
  for (;;) {
    const page = await chats.messagesAfter(tx, chat.id, after, 500);
    rows.push(...page);
    if (page.length < 500) break;
    after = page[page.length - 1]?.seq ?? after;
  }
  const accounts = await queue.accountsByIds(tx, [chat.accountId]);
  const staffIds = [...new Set(rows.flatMap((r) => (r.senderUserId ? [r.senderUserId] : [])))];
  const staffNames = await chats.staffNames(tx, staffIds);
  const username = accounts.get(chat.accountId)?.username ?? 'Young person';
  return rows.map((row) => messageForStaff(row, { username, staffNames }));
}

/** A chat as the person asking sees it. Staff reads are access-logged by the caller. */
export async function loadChatDetail(
  tx: LanternDb,
  ctx: ServiceContext,
  chat: chats.ChatRow,
): Promise<ChatDetail> {
  const viewer = viewerOf(ctx.actor);
  const messages = (await storedMessagesAfter(tx, chat, 0)).map((m) => messageFor(viewer, m));
  const names = await chats.staffNames(tx, chat.counsellorUserId ? [chat.counsellorUserId] : []);
  const counsellorName = names.get(chat.counsellorUserId ?? '');
  const isStaff = ctx.actor.kind === 'staff';
  let youngPerson: ChatDetail['youngPerson'] = null;
  if (isStaff) {
    const account = (await queue.accountsByIds(tx, [chat.accountId])).get(chat.accountId);
    const taken = await queue.takenChatsOf(tx, [chat.accountId]);
    youngPerson = account ? youngPersonCard(account, taken, ctx.now(), chat.id) : null;
  }
  return {
    id: chat.id,
    kind: chat.kind as ChatDetail['kind'],
    status: chat.status as ChatDetail['status'],
    version: chat.version,
    queuedAt: chat.queuedAt.toISOString(),
    takenAt: chat.takenAt?.toISOString() ?? null,
    endedAt: chat.endedAt?.toISOString() ?? null,
    endedBy: chat.endedBy,
    counsellorLabel: chat.counsellorUserId
      ? isStaff
        ? (counsellorName ?? null)
        : counsellorLabel(counsellorName)
      : null,
    isMine: ctx.actor.kind === 'young-person' || holds(ctx.actor, chat),
    lastSeq: chat.lastSeq,
    messages,
    youngPerson,
    hasRiskAssessment: isStaff ? await hasRiskAssessment(tx, chat.id) : null,
    summaryNote: isStaff ? chat.summaryNote : null,
    canGiveFeedback:
      ctx.actor.kind === 'young-person' &&
      chat.status === 'ended' &&
      chat.takenAt !== null &&
      chat.feedbackRating === null,
  };
}

/** A chat and its messages: for its young person, its counsellor or a duty senior; 404 for anyone else. */
export async function getChat(ctx: ServiceContext, deps: ChatDeps, chatId: string): Promise<ChatDetail> {
  await authoriseChatUser(ctx);
  return withReachableChat(ctx, deps.db, chatId, async (tx, chat) => {
    if (ctx.actor.kind === 'staff') {
      await ctx.recordAccess(
        {
          subjectKind: 'online-account',
          subjectId: chat.accountId,
          action: 'read-chat',
          outcome: 'allowed',
          basis: 'online',
        },
        tx,
      );
    }
    return loadChatDetail(tx, ctx, chat);
  });
}
