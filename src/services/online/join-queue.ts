import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { ChatStatus, ServerFrame } from '../../contracts/online-chat.js';
import type { MyChat } from '../../contracts/online-chats-api.js';
import * as chats from '../../db/repositories/online-chats.repository.js';
import * as queue from '../../db/repositories/online-queue.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { topics } from '../../server/realtime/hub.js';
import { recordChange } from '../audit/record-change.js';
import { type ChatDeps, checkVersion, noSuchChat } from './chat-access.js';
import { placeAndEstimate } from './chat-current.js';
import { isServiceOpen, openingHoursSentence } from './chat-hours.js';
import { myChat } from './chat-view.js';

function youngPersonOf(ctx: ServiceContext) {
  const actor = ctx.actor;
  if (actor.kind !== 'young-person') throw new AppError('forbidden', 'Only young people join the queue.');
  return actor;
}

/**
 * A young person joins the drop-in queue. While the service is closed they are told when it opens;
 * if they already have a waiting or active chat, that chat is the answer (joining twice is harmless).
 */
export async function joinQueue(ctx: ServiceContext, deps: ChatDeps): Promise<MyChat> {
  await authorise(ctx, 'online:use');
  const actor = youngPersonOf(ctx);
  const now = ctx.now();
  const { chat, isNew } = await withScope(deps.db, recordScope(actor), async (tx) => {
    const service = await queue.findService(tx, actor.serviceId);
    if (!service) throw new AppError('not-found', 'There is no such service.');
    await queue.lockKey(tx, `online-join:${actor.accountId}`);
    const existing = await chats.openChatOf(tx, actor.accountId);
    if (existing) {
      return { chat: myChat(existing, { ...(await placeAndEstimate(tx, existing, now)) }), isNew: false };
    }
    if (!isServiceOpen(service.openingHours, now)) {
      throw new AppError(
        'conflict',
        `Chat is closed right now. ${openingHoursSentence(service.openingHours)}`,
      );
    }
    const row = await chats.openChat(tx, {
      serviceId: service.id,
      accountId: actor.accountId,
      kind: 'drop-in',
      status: 'waiting',
      queuedAt: now,
    });
    await recordChange(tx, ctx, {
      entity: 'online-chat',
      entityId: row.id,
      action: 'join-queue',
      after: { status: 'waiting' },
    });
    return { chat: myChat(row, { ...(await placeAndEstimate(tx, row, now)) }), isNew: true };
  });
  if (isNew) await deps.hub.publish(topics.queue(actor.serviceId), { type: 'queue-changed' });
  return chat;
}

/**
 * A young person leaves: from the queue (left-queue), or from an active chat (ended by them).
 */
export async function leaveChat(
  ctx: ServiceContext,
  deps: ChatDeps,
  chatId: string,
  expectedVersion: number,
): Promise<MyChat> {
  await authorise(ctx, 'online:use');
  const actor = youngPersonOf(ctx);
  const now = ctx.now();
  const updated = await withScope(deps.db, recordScope(actor), async (tx) => {
    const chat = await chats.lockChat(tx, chatId);
    if (!chat || chat.accountId !== actor.accountId) throw noSuchChat();
    checkVersion(chat, expectedVersion);
    if (chat.status !== 'waiting' && chat.status !== 'active') {
      throw new AppError('conflict', 'This chat has already finished.');
    }
    const status = chat.status === 'waiting' ? 'left-queue' : 'ended';
    const row = await chats.updateChat(tx, chat.id, { status, endedAt: now, endedBy: 'young-person' });
    await recordChange(tx, ctx, {
      entity: 'online-chat',
      entityId: chat.id,
      action: status === 'left-queue' ? 'leave-queue' : 'end-chat',
      before: { status: chat.status },
      after: { status },
    });
    return row;
  });
  await publishChatChange(deps, updated);
  return myChat(updated, { place: null, estimate: null });
}

/** After a change commits: the chat's people, its young person's other tabs, and the queue hear of it. */
export async function publishChatChange(deps: ChatDeps, chat: chats.ChatRow): Promise<void> {
  const frame: ServerFrame = { type: 'chat-changed', chatId: chat.id, status: chat.status as ChatStatus };
  await deps.hub.publish(topics.chat(chat.id), frame);
  await deps.hub.publish(topics.account(chat.accountId), frame);
  if (chat.counsellorUserId) await deps.hub.publish(topics.staff(chat.counsellorUserId), frame);
  await deps.hub.publish(topics.queue(chat.serviceId), { type: 'queue-changed' });
}
