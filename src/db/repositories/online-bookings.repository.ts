import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { type LanternDb, queryRows } from '../client.js';
import { userRoles, users } from '../schema/identity.js';
import {
  moodEntries,
  onlineAccounts,
  onlineBookings,
  onlineChats,
  onlineGoalRatings,
  onlineGoals,
  onlineServices,
} from '../schema/online.js';
import { schools } from '../schema/organisations.js';

// The only code that queries online_bookings, and the read-only selects behind the counsellor's
// view of one young person. Every call runs inside withScope, so row-level security applies.

export type BookingRow = typeof onlineBookings.$inferSelect;
export type AccountRow = typeof onlineAccounts.$inferSelect;

/** An account the caller may see, with its school's name; null outside their scope. */
export async function findAccount(tx: LanternDb, accountId: string) {
  const [row] = await tx
    .select({ account: onlineAccounts, schoolName: schools.name })
    .from(onlineAccounts)
    .leftJoin(schools, eq(schools.urn, onlineAccounts.schoolUrn))
    .where(eq(onlineAccounts.id, accountId));
  return row ?? null;
}

export async function findService(tx: LanternDb, serviceId: string) {
  const [row] = await tx.select().from(onlineServices).where(eq(onlineServices.id, serviceId));
  return row ?? null;
}

/** Whether this counsellor has had a chat with this young person. */
export async function hasChattedWith(tx: LanternDb, accountId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: onlineChats.id })
    .from(onlineChats)
    .where(and(eq(onlineChats.accountId, accountId), eq(onlineChats.counsellorUserId, userId)))
    .limit(1);
  return rows.length > 0;
}

const counsellorRoles = ['online-counsellor', 'online-duty-senior'];

/** Active counsellors and duty seniors of an organisation, by name. */
export async function counsellorsOf(tx: LanternDb, organisationId: string, userId?: string) {
  return tx
    .selectDistinct({ userId: users.id, name: users.displayName })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(users.isActive, true),
        inArray(userRoles.role, counsellorRoles),
        isNull(userRoles.revokedAt),
        userId ? eq(users.id, userId) : undefined,
      ),
    )
    .orderBy(asc(users.displayName));
}

/** Holds bookings for this counsellor still until the transaction ends, so two cannot overlap. */
export async function lockCounsellorDiary(tx: LanternDb, userId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`online-diary:${userId}`}, 0))`);
}

/** Bookings still going ahead for the counsellor or the young person that overlap this time. */
export async function clashingBookings(
  tx: LanternDb,
  slot: { counsellorUserId: string; accountId: string; startsAt: Date; minutes: number },
) {
  const endsAt = new Date(slot.startsAt.getTime() + slot.minutes * 60_000);
  return tx
    .select({ id: onlineBookings.id, counsellorUserId: onlineBookings.counsellorUserId })
    .from(onlineBookings)
    .where(
      and(
        inArray(onlineBookings.status, ['booked', 'attended']),
        sql`(${onlineBookings.counsellorUserId} = ${slot.counsellorUserId} or ${onlineBookings.accountId} = ${slot.accountId})`,
        sql`${onlineBookings.startsAt} < ${endsAt.toISOString()}::timestamptz`,
        sql`${onlineBookings.startsAt} + ${onlineBookings.minutes} * interval '1 minute' > ${slot.startsAt.toISOString()}::timestamptz`,
      ),
    );
}

export async function insertBooking(tx: LanternDb, booking: typeof onlineBookings.$inferInsert) {
  const [row] = await tx.insert(onlineBookings).values(booking).returning();
  if (!row) throw new Error('booking not stored');
  return row;
}

/** Moves a booking on; null when its version is not the one expected. */
export async function setBookingStatus(tx: LanternDb, bookingId: string, version: number, status: string) {
  const [row] = await tx
    .update(onlineBookings)
    .set({ status, version: sql`${onlineBookings.version} + 1` })
    .where(and(eq(onlineBookings.id, bookingId), eq(onlineBookings.version, version)))
    .returning();
  return row ?? null;
}

const bookingColumns = {
  booking: onlineBookings,
  username: onlineAccounts.username,
  counsellorName: users.displayName,
  chatId: onlineChats.id,
  chatStatus: onlineChats.status,
};

function bookingsQuery(tx: LanternDb) {
  return tx
    .select(bookingColumns)
    .from(onlineBookings)
    .innerJoin(onlineAccounts, eq(onlineAccounts.id, onlineBookings.accountId))
    .innerJoin(users, eq(users.id, onlineBookings.counsellorUserId))
    .leftJoin(onlineChats, eq(onlineChats.bookingId, onlineBookings.id));
}

export type BookingWithNames = Awaited<ReturnType<typeof bookingsOfAccount>>[number];

export async function findBooking(tx: LanternDb, bookingId: string): Promise<BookingWithNames | null> {
  const [row] = await bookingsQuery(tx).where(eq(onlineBookings.id, bookingId));
  return row ?? null;
}

export async function bookingsOfAccount(tx: LanternDb, accountId: string) {
  return bookingsQuery(tx)
    .where(eq(onlineBookings.accountId, accountId))
    .orderBy(desc(onlineBookings.startsAt))
    .limit(100);
}

/** A counsellor's bookings from `from` on, soonest first. */
export async function bookingsOfCounsellor(tx: LanternDb, userId: string, from: Date) {
  return bookingsQuery(tx)
    .where(and(eq(onlineBookings.counsellorUserId, userId), gte(onlineBookings.startsAt, from)))
    .orderBy(asc(onlineBookings.startsAt))
    .limit(200);
}

/** The young person's chats, newest first, with the counsellor and the latest risk level in force. */
export async function chatsOfAccount(tx: LanternDb, accountId: string) {
  return queryRows<{
    id: string;
    kind: string;
    queued_at: Date | string;
    taken_at: Date | string | null;
    ended_at: Date | string | null;
    summary_note: string | null;
    counsellor_name: string | null;
    risk_level: string | null;
  }>(
    tx,
    sql`select c.id, c.kind, c.queued_at, c.taken_at, c.ended_at, c.summary_note,
          u.display_name as counsellor_name,
          (select r.level from online_risk_assessments r
            where r.chat_id = c.id and r.invalidated_at is null
            order by r.recorded_at desc limit 1) as risk_level
        from online_chats c
        left join users u on u.id = c.counsellor_user_id
        where c.account_id = ${accountId} and c.status <> 'left-queue'
        order by c.queued_at desc
        limit 50`,
  );
}

export async function recentMoods(tx: LanternDb, accountId: string, limit = 10) {
  return tx
    .select({ mood: moodEntries.mood, note: moodEntries.note, recordedAt: moodEntries.recordedAt })
    .from(moodEntries)
    .where(eq(moodEntries.accountId, accountId))
    .orderBy(desc(moodEntries.recordedAt))
    .limit(limit);
}

export async function averageMoodSince(tx: LanternDb, accountId: string, since: Date) {
  const [row] = await queryRows<{ average: string | number | null }>(
    tx,
    sql`select avg(mood) as average from mood_entries
        where account_id = ${accountId} and recorded_at >= ${since.toISOString()}::timestamptz`,
  );
  return row?.average === null || row?.average === undefined ? null : Number(row.average);
}

/** Goals with their first and latest ratings. */
export async function goalsOf(tx: LanternDb, accountId: string) {
  const goals = await tx
    .select()
    .from(onlineGoals)
    .where(eq(onlineGoals.accountId, accountId))
    .orderBy(desc(onlineGoals.setAt))
    .limit(20);
  const ratings = await tx
    .select({ goalId: onlineGoalRatings.goalId, rating: onlineGoalRatings.rating })
    .from(onlineGoalRatings)
    .where(eq(onlineGoalRatings.accountId, accountId))
    .orderBy(asc(onlineGoalRatings.ratedAt));
  return goals.map((goal) => {
    const mine = ratings.filter((r) => r.goalId === goal.id);
    return { goal, firstRating: mine[0]?.rating ?? null, latestRating: mine.at(-1)?.rating ?? null };
  });
}
