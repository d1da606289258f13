import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { StaffBookings, YoungPersonBookings } from '../../contracts/online-bookings.js';
import type { LanternDb } from '../../db/client.js';
import * as repo from '../../db/repositories/online-bookings.repository.js';
import { withScope } from '../../db/scoped.js';
import { youngPersonOf } from './booking-access.js';
import { toStaffBooking, toYoungPersonBooking } from './booking-views.js';

const DAY = 24 * 60 * 60_000;

/** The young person's own bookings: coming ones soonest first, then the last month's, newest first. */
export async function listMyBookings(
  ctx: ServiceContext,
  deps: { db: LanternDb },
): Promise<YoungPersonBookings> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  const now = ctx.now();
  const rows = await withScope(deps.db, recordScope(ctx.actor), (tx) =>
    repo.bookingsOfAccount(tx, me.accountId),
  );
  const items = rows
    .filter((row) => row.booking.startsAt.getTime() > now.getTime() - 30 * DAY)
    .map((row) => toYoungPersonBooking(row, now));
  const isComing = (b: (typeof items)[number]) => b.status === 'booked';
  const coming = items.filter(isComing).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = items.filter((b) => !isComing(b)).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { items: [...coming, ...past] };
}

/** The counsellor's own bookings from yesterday on, soonest first (access-logged: it names young people). */
export async function listCounsellorBookings(
  ctx: ServiceContext,
  deps: { db: LanternDb },
): Promise<StaffBookings> {
  await authorise(ctx, 'online:counsel');
  const { userId } = staffOf(ctx);
  const now = ctx.now();
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const rows = await repo.bookingsOfCounsellor(tx, userId, new Date(now.getTime() - DAY));
    await ctx.recordAccess(
      {
        subjectKind: 'online-bookings',
        subjectId: userId,
        action: 'online:my-bookings',
        outcome: 'allowed',
        basis: 'online',
      },
      tx,
    );
    return { items: rows.map((row) => toStaffBooking(row, now)) };
  });
}
