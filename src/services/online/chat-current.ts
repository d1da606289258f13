import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { CurrentChat, WaitEstimate } from '../../contracts/online-chats-api.js';
import type { LanternDb } from '../../db/client.js';
import * as chats from '../../db/repositories/online-chats.repository.js';
import * as queue from '../../db/repositories/online-queue.repository.js';
import { asSystemWithin, withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { estimateWait, placeInQueue, RECENT_SEEN_COUNT } from '../../domain/online/queue.js';
import { londonWallClock } from '../../domain/organisations/opening-hours.js';
import type { ChatDeps } from './chat-access.js';
import { isServiceOpen, openingHoursSentence } from './chat-hours.js';
import { myChat } from './chat-view.js';

/** Roughly the start of the London day: the estimate uses only young people seen today. */
export function startOfLondonDay(now: Date): Date {
  const { minuteOfDay } = londonWallClock(now);
  return new Date(now.getTime() - minuteOfDay * 60_000 - (now.getTime() % 60_000));
}

/**
 * A waiting drop-in chat's place and an estimate of the wait. Other young people's chats are
 * outside a young person's own scope, so the counting runs under a system scope and returns only
 * numbers.
 */
export async function placeAndEstimate(
  tx: LanternDb,
  chat: chats.ChatRow,
  now: Date,
): Promise<{ place: number | null; estimate: WaitEstimate | null }> {
  if (chat.status !== 'waiting' || chat.kind !== 'drop-in') return { place: null, estimate: null };
  return asSystemWithin(tx, 'a young person’s place in the drop-in queue', async () => {
    const waiting = await queue.waitingDropIns(tx, chat.serviceId);
    const place = placeInQueue(waiting, chat.id);
    const seenToday = await queue.seenSince(tx, chat.serviceId, startOfLondonDay(now), RECENT_SEEN_COUNT);
    const counsellorsOnShift = await queue.counsellorsOnShift(tx, chat.serviceId, now);
    return { place, estimate: place ? estimateWait({ place, seenToday, counsellorsOnShift }) : null };
  });
}

/** The young person's waiting or active chat, with their place and an honest estimate of the wait. */
export async function currentChat(ctx: ServiceContext, deps: ChatDeps): Promise<CurrentChat> {
  await authorise(ctx, 'online:use');
  const actor = ctx.actor;
  if (actor.kind !== 'young-person') throw new AppError('forbidden', 'Only young people have chats.');
  const now = ctx.now();
  return withScope(deps.db, recordScope(actor), async (tx) => {
    const service = await queue.findService(tx, actor.serviceId);
    if (!service) throw new AppError('not-found', 'There is no such service.');
    const open = await chats.openChatOf(tx, actor.accountId);
    let chat: CurrentChat['chat'] = null;
    if (open) {
      const names = await chats.staffNames(tx, open.counsellorUserId ? [open.counsellorUserId] : []);
      const waitInfo = await placeAndEstimate(tx, open, now);
      chat = myChat(open, { counsellorName: names.get(open.counsellorUserId ?? ''), ...waitInfo });
    }
    return {
      chat,
      isOpenNow: isServiceOpen(service.openingHours, now),
      openingSentence: openingHoursSentence(service.openingHours),
    };
  });
}
