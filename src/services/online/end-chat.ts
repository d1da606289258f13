import type { ServiceContext } from '../../access/authorise.js';
import type { ChatDetail, EndChatInput } from '../../contracts/online-chats-api.js';
import * as chats from '../../db/repositories/online-chats.repository.js';
import { hasRiskAssessment } from '../../db/repositories/online-risk.repository.js';
import { AppError } from '../../domain/app-error.js';
import { recordChange } from '../audit/record-change.js';
import { authoriseChatUser, type ChatDeps, checkVersion, withReachableChat } from './chat-access.js';
import { loadChatDetail } from './chat-detail.js';
import { publishChatChange } from './join-queue.js';

/**
 * Ends an active chat. The counsellor (or a duty senior) needs a risk assessment for it and writes
 * a short note for whoever sees this young person next; the young person may end it too.
 */
export async function endChat(
  ctx: ServiceContext,
  deps: ChatDeps,
  chatId: string,
  expectedVersion: number,
  input: EndChatInput,
): Promise<ChatDetail> {
  await authoriseChatUser(ctx);
  const actor = ctx.actor;
  const now = ctx.now();
  const { row, detail } = await withReachableChat(
    ctx,
    deps.db,
    chatId,
    async (tx, chat) => {
      checkVersion(chat, expectedVersion);
      if (chat.status !== 'active')
        throw new AppError('conflict', 'This chat is not active, so it cannot be ended.');
      const isStaff = actor.kind === 'staff';
      if (isStaff) {
        await ctx.recordAccess(
          {
            subjectKind: 'online-account',
            subjectId: chat.accountId,
            action: 'end-chat',
            outcome: 'allowed',
            basis: 'online',
          },
          tx,
        );
        if (!(await hasRiskAssessment(tx, chat.id))) {
          throw new AppError('conflict', 'Record a risk assessment for this chat before you end it.', [
            { name: 'riskAssessment', reason: 'is needed before the chat is ended' },
          ]);
        }
        if (!input.summaryNote) {
          throw new AppError('bad-request', 'Write a short note for whoever sees this young person next.', [
            { name: 'summaryNote', reason: 'is required' },
          ]);
        }
      }
      const updated = await chats.updateChat(tx, chat.id, {
        status: 'ended',
        endedAt: now,
        endedBy: isStaff ? 'counsellor' : 'young-person',
        ...(isStaff ? { summaryNote: input.summaryNote ?? null } : {}),
      });
      await recordChange(tx, ctx, {
        entity: 'online-chat',
        entityId: chat.id,
        action: 'end-chat',
        before: { status: chat.status },
        after: { status: 'ended', endedBy: updated.endedBy },
      });
      return { row: updated, detail: await loadChatDetail(tx, ctx, updated) };
    },
    { lock: true },
  );
  await publishChatChange(deps, row);
  return detail;
}
