import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { StaffThread, ThreadMessage, YoungPersonThread } from '../../contracts/online-bookings.js';
import type { LanternDb } from '../../db/client.js';
import * as bookings from '../../db/repositories/online-bookings.repository.js';
import * as repo from '../../db/repositories/online-messages.repository.js';
import { withScope } from '../../db/scoped.js';
import { firstName, REPLY_EXPECTATION, waitingForReply } from '../../domain/online/bookings.js';
import { describeOpeningHours } from '../../domain/organisations/opening-hours.js';
import { withYoungPersonRecord, youngPersonOf } from './booking-access.js';

// Reading a message thread. Reading moves the reader's side's read marker to the newest message,
// which is how the other side sees "Read".

type ThreadRows = Awaited<ReturnType<typeof repo.threadOf>>;

async function readThread(tx: LanternDb, accountId: string, side: repo.ReadSide) {
  const rows = await repo.threadOf(tx, accountId);
  const markers = await repo.readMarkers(tx, accountId);
  const newest = rows.at(-1)?.message.sentAt;
  if (newest) await repo.markRead(tx, accountId, side, newest);
  return { rows, markers };
}

const isRead = (sentAt: Date, marker: Date | null) => marker !== null && marker.getTime() >= sentAt.getTime();

function shape(
  rows: ThreadRows,
  markers: Record<repo.ReadSide, Date | null>,
  label: (row: ThreadRows[number]) => string,
  isForStaff: boolean,
): ThreadMessage[] {
  return rows.map((row) => {
    const { message } = row;
    const isFromYoungPerson = message.direction === 'from-young-person';
    return {
      id: message.id,
      direction: isFromYoungPerson ? 'from-young-person' : 'to-young-person',
      senderLabel: label(row),
      body: message.body,
      sentAt: message.sentAt.toISOString(),
      isReadByOtherSide: isRead(message.sentAt, markers[isFromYoungPerson ? 'service' : 'young-person']),
      ...(isForStaff ? { riskMatches: message.riskMatches ?? [] } : {}),
    };
  });
}

/** The young person's thread with the service, and when to expect a reply. */
export async function myThread(ctx: ServiceContext, deps: { db: LanternDb }): Promise<YoungPersonThread> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const { rows, markers } = await readThread(tx, me.accountId, 'young-person');
    const service = await bookings.findService(tx, me.serviceId);
    const messages = shape(
      rows,
      markers,
      (row) =>
        row.message.direction === 'from-young-person'
          ? 'You'
          : `Counsellor ${firstName(row.senderName ?? 'Lantern')}`,
      false,
    );
    return {
      messages,
      replyExpectation: REPLY_EXPECTATION,
      openingHours: describeOpeningHours(service?.openingHours ?? []),
      isWaitingForReply: waitingForReply(rows.map((r) => r.message)).count > 0,
    };
  });
}

/** A thread as staff see it, inside a transaction already in their scope; marks it read. */
export async function staffThreadIn(
  tx: LanternDb,
  accountId: string,
  username: string,
): Promise<StaffThread> {
  const { rows, markers } = await readThread(tx, accountId, 'service');
  return {
    accountId,
    username,
    messages: shape(
      rows,
      markers,
      (row) => (row.message.direction === 'from-young-person' ? username : (row.senderName ?? 'Counsellor')),
      true,
    ),
    isWaitingForReply: waitingForReply(rows.map((r) => r.message)).count > 0,
  };
}

/** A counsellor reads one young person's thread (access-logged; 404 outside their scope). */
export async function youngPersonThread(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  accountId: string,
): Promise<StaffThread> {
  await authorise(ctx, 'online:counsel');
  return withYoungPersonRecord(ctx, deps.db, accountId, 'online:read-messages', (tx, found) =>
    staffThreadIn(tx, accountId, found.account.username),
  );
}
