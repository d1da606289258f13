import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { TakeChatInput, TakenChat } from '../../contracts/online-chats-api.js';
import type { LanternDb } from '../../db/client.js';
import * as chats from '../../db/repositories/online-chats.repository.js';
import * as queue from '../../db/repositories/online-queue.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { recordChange } from '../audit/record-change.js';
import { type ChatDeps, noSuchChat } from './chat-access.js';
import { publishChatChange } from './join-queue.js';

/** A counsellor's online service: their organisation's (the first, should it have several). */
export async function serviceOfStaff(
  tx: LanternDb,
  organisationId: string,
): Promise<queue.ServiceRow | null> {
  const [service] = await queue.servicesOf(tx, organisationId);
  return service ?? null;
}

/**
 * A counsellor takes the next young person in the drop-in queue, or the chat named (a booked chat
 * of theirs, or someone in the queue). Refused at the service's chat limit. Two counsellors taking
 * at once never get the same young person: the next chat is locked with `skip locked`, and the
 * take itself is a conditional update that only succeeds on a chat still waiting.
 */
export async function takeChat(
  ctx: ServiceContext,
  deps: ChatDeps,
  input: TakeChatInput,
): Promise<TakenChat> {
  await authorise(ctx, 'online:counsel');
  const staff = staffOf(ctx);
  const now = ctx.now();
  const taken = await withScope(deps.db, recordScope(staff), async (tx) => {
    const service = await serviceOfStaff(tx, staff.organisationId);
    if (!service) throw new AppError('not-found', 'Your organisation has no online support service.');
    await queue.lockKey(tx, `online-take:${staff.userId}`);
    const holding = await queue.activeChatsOf(tx, staff.userId);
    if (holding.length >= service.chatLimit) {
      throw new AppError(
        'conflict',
        `You have ${holding.length} chats open, the most you can hold. End one before taking another.`,
      );
    }
    let row: chats.ChatRow | null;
    if (input.chatId) {
      row = await queue.takeWaitingChat(tx, input.chatId, staff.userId, now);
      if (!row) {
        const chat = await chats.findChat(tx, input.chatId);
        if (!chat || chat.serviceId !== service.id) throw noSuchChat();
        throw new AppError(
          'conflict',
          'This young person is no longer waiting: someone else may have taken the chat.',
        );
      }
    } else {
      const next = await queue.lockNextWaiting(tx, service.id);
      row = next ? await queue.takeWaitingChat(tx, next.id, staff.userId, now) : null;
      if (!row) throw new AppError('conflict', 'Nobody is waiting at the moment.');
    }
    await recordChange(tx, ctx, {
      entity: 'online-chat',
      entityId: row.id,
      action: 'take-chat',
      before: { status: 'waiting' },
      after: { status: 'active', counsellorUserId: staff.userId },
    });
    await ctx.recordAccess(
      {
        subjectKind: 'online-account',
        subjectId: row.accountId,
        action: 'take-chat',
        outcome: 'allowed',
        basis: 'online',
      },
      tx,
    );
    return row;
  });
  await publishChatChange(deps, taken);
  return { chatId: taken.id, accountId: taken.accountId, version: taken.version };
}
