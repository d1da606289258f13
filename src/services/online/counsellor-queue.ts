import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { CounsellorQueue } from '../../contracts/online-chats-api.js';
import * as queue from '../../db/repositories/online-queue.repository.js';
import { withScope } from '../../db/scoped.js';
import { cannotTell, estimateWait, RECENT_SEEN_COUNT } from '../../domain/online/queue.js';
import type { ChatDeps } from './chat-access.js';
import { startOfLondonDay } from './chat-current.js';
import { youngPersonCard } from './chat-view.js';
import { serviceOfStaff } from './take-chat.js';

/**
 * The counsellor's view of the queue: young people waiting for a drop-in chat in order, with what
 * they shared and the notes from their previous chats; the counsellor's own active chats against
 * the limit; and booked chats waiting for them. One access-log row for the list.
 */
export async function counsellorQueue(ctx: ServiceContext, deps: ChatDeps): Promise<CounsellorQueue> {
  await authorise(ctx, 'online:counsel');
  const staff = staffOf(ctx);
  const now = ctx.now();
  return withScope(deps.db, recordScope(staff), async (tx) => {
    const service = await serviceOfStaff(tx, staff.organisationId);
    await ctx.recordAccess(
      {
        subjectKind: 'online-queue',
        subjectId: service?.id ?? null,
        action: 'view-queue',
        outcome: 'allowed',
        basis: 'online',
      },
      tx,
    );
    if (!service) return { waiting: [], mine: [], booked: [], chatLimit: 0, estimate: cannotTell };
    const waiting = await queue.waitingDropIns(tx, service.id);
    const mine = await queue.activeChatsOf(tx, staff.userId);
    const booked = await queue.bookedWaitingFor(tx, staff.userId);
    const accountIds = [...waiting, ...mine, ...booked].map((c) => c.accountId);
    const accounts = await queue.accountsByIds(tx, accountIds);
    const taken = await queue.takenChatsOf(
      tx,
      waiting.map((c) => c.accountId),
    );
    const seenToday = await queue.seenSince(tx, service.id, startOfLondonDay(now), RECENT_SEEN_COUNT);
    const counsellorsOnShift = await queue.counsellorsOnShift(tx, service.id, now);
    const username = (accountId: string) => accounts.get(accountId)?.username ?? '';
    return {
      waiting: waiting.flatMap((chat, index) => {
        const account = accounts.get(chat.accountId);
        if (!account) return [];
        return [
          {
            ...youngPersonCard(account, taken, now, chat.id),
            chatId: chat.id,
            place: index + 1,
            queuedAt: chat.queuedAt.toISOString(),
          },
        ];
      }),
      mine: mine.map((chat) => ({
        chatId: chat.id,
        kind: chat.kind as 'drop-in' | 'booked',
        accountId: chat.accountId,
        username: username(chat.accountId),
        takenAt: chat.takenAt?.toISOString() ?? null,
        lastSeq: chat.lastSeq,
        version: chat.version,
      })),
      booked: booked.map((chat) => ({
        chatId: chat.id,
        accountId: chat.accountId,
        username: username(chat.accountId),
        queuedAt: chat.queuedAt.toISOString(),
      })),
      chatLimit: service.chatLimit,
      estimate: estimateWait({ place: waiting.length + 1, seenToday, counsellorsOnShift }),
    };
  });
}
