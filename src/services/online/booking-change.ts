import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { BookedChatStarted, YoungPersonBooking } from '../../contracts/online-bookings.js';
import type { LanternDb } from '../../db/client.js';
import * as repo from '../../db/repositories/online-bookings.repository.js';
import { openChat } from '../../db/repositories/online-chats.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { canCancelBooking, canStartBooking, isMissed } from '../../domain/online/bookings.js';
import type { Hub } from '../../server/realtime/hub.js';
import { topics } from '../../server/realtime/hub.js';
import { recordChange } from '../audit/record-change.js';
import { youngPersonOf } from './booking-access.js';
import { toYoungPersonBooking } from './booking-views.js';

const noSuchBooking = () => new AppError('not-found', 'We could not find that booking.');

/** The young person's own booking, or 404. */
async function myBooking(tx: LanternDb, accountId: string, bookingId: string) {
  const row = await repo.findBooking(tx, bookingId);
  if (!row || row.booking.accountId !== accountId) throw noSuchBooking();
  return row;
}

/** The young person cancels a booking before it starts (If-Match: the booking's version). */
export async function cancelBooking(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  bookingId: string,
  version: number,
): Promise<YoungPersonBooking> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  const now = ctx.now();
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const row = await myBooking(tx, me.accountId, bookingId);
    if (row.booking.version !== version) {
      throw new AppError('precondition-failed', 'This booking has changed. Reload the page to see it.');
    }
    const facts = { ...row.booking, hasChat: row.chatId !== null };
    if (!canCancelBooking(facts, now)) {
      throw new AppError('conflict', 'This booking has already started, finished or been cancelled.');
    }
    const changed = await repo.setBookingStatus(tx, bookingId, version, 'cancelled-by-young-person');
    if (!changed) throw new AppError('precondition-failed', 'This booking has changed. Reload the page.');
    await recordChange(tx, ctx, {
      entity: 'online-booking',
      entityId: bookingId,
      action: 'cancel',
      before: { status: row.booking.status },
      after: { status: changed.status },
    });
    return toYoungPersonBooking({ ...row, booking: changed }, now);
  });
}

/**
 * "Start my booked chat": from 10 minutes before the start, opens a chat of kind `booked` waiting
 * for its named counsellor. Pressed again, it answers with the same chat.
 */
export async function startBookedChat(
  ctx: ServiceContext,
  deps: { db: LanternDb; hub?: Pick<Hub, 'publish'> },
  bookingId: string,
): Promise<BookedChatStarted> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  const now = ctx.now();
  const started = await withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const row = await myBooking(tx, me.accountId, bookingId);
    if (row.chatId) return { chatId: row.chatId, isNew: false };
    const facts = { ...row.booking, hasChat: false };
    if (!canStartBooking(facts, now)) {
      throw new AppError(
        'conflict',
        isMissed(facts, now)
          ? 'This booked chat was missed. You can send us a message or join a drop-in chat.'
          : row.booking.status === 'booked'
            ? 'You can start your booked chat from 10 minutes before it begins.'
            : 'This booking was cancelled.',
      );
    }
    const chat = await openChat(tx, {
      serviceId: me.serviceId,
      accountId: me.accountId,
      kind: 'booked',
      status: 'waiting',
      queuedAt: now,
      bookingId,
      counsellorUserId: row.booking.counsellorUserId,
    });
    const changed = await repo.setBookingStatus(tx, bookingId, row.booking.version, 'attended');
    if (!changed) throw new AppError('conflict', 'Your booked chat is already starting. Try again.');
    await recordChange(tx, ctx, {
      entity: 'online-booking',
      entityId: bookingId,
      action: 'start',
      before: { status: row.booking.status },
      after: { status: changed.status, chatId: chat.id },
    });
    return { chatId: chat.id, isNew: true };
  });
  if (started.isNew) await deps.hub?.publish(topics.queue(me.serviceId), { type: 'queue-changed' });
  return { chatId: started.chatId };
}
