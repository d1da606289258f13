import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { ChatFeedbackInput, MyChat } from '../../contracts/online-chats-api.js';
import * as chats from '../../db/repositories/online-chats.repository.js';
import { AppError } from '../../domain/app-error.js';
import { recordChange } from '../audit/record-change.js';
import { type ChatDeps, withReachableChat } from './chat-access.js';
import { myChat } from './chat-view.js';

/** The young person says how the chat went, once, after it has ended. */
export async function giveChatFeedback(
  ctx: ServiceContext,
  deps: ChatDeps,
  chatId: string,
  input: ChatFeedbackInput,
): Promise<MyChat> {
  await authorise(ctx, 'online:use');
  return withReachableChat(
    ctx,
    deps.db,
    chatId,
    async (tx, chat) => {
      if (chat.status !== 'ended' || !chat.takenAt) {
        throw new AppError('conflict', 'You can tell us how the chat went once it has ended.');
      }
      if (chat.feedbackRating !== null) {
        throw new AppError('conflict', 'You have already told us how this chat went. Thank you.');
      }
      const row = await chats.updateChat(tx, chat.id, {
        feedbackRating: input.rating,
        feedbackComment: input.comment || null,
      });
      await recordChange(tx, ctx, {
        entity: 'online-chat',
        entityId: chat.id,
        action: 'chat-feedback',
        after: { rating: input.rating },
      });
      return myChat(row, { place: null, estimate: null });
    },
    { lock: true },
  );
}
