import { and, asc, eq, gte, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { type LanternDb, queryRows } from '../client.js';
import { users } from '../schema/identity.js';
import { allocations } from '../schema/mhst.js';
import { schools } from '../schema/organisations.js';
import { children } from '../schema/people.js';
import { referrals } from '../schema/referrals.js';

// The read model behind waiting lists, caseloads and the breach forecast: referrals with their
// current allocation and the contact dates the clocks need. Runs under a record scope.

/**
 * The school the young person attends: the referral's, or when a family or the young person
 * referred (the referral names no school, so the school's lead does not see it) their current one.
 * MHST staff need it to allocate to the school's link practitioner.
 */
const placeUrn = sql`coalesce(${referrals.schoolUrn}, (select cs.school_urn from child_schools cs
  where cs.child_id = ${referrals.childId} and cs.to_date is null order by cs.from_date desc limit 1))`;

export interface WaitingFilter {
  teamId?: string;
  statuses: string[];
  schoolUrn?: number;
  allocatedUserId?: string;
  referralIds?: string[];
  limit?: number;
  offset?: number;
  /** Join the current allocation for its group name (the group waiting list). */
  withGroup?: boolean;
}

function conditions(filter: WaitingFilter) {
  const where: (SQL | undefined)[] = [inArray(referrals.status, filter.statuses)];
  if (filter.teamId) where.push(eq(referrals.teamId, filter.teamId));
  if (filter.schoolUrn) where.push(sql`${placeUrn} = ${filter.schoolUrn}`);
  if (filter.allocatedUserId) where.push(eq(referrals.allocatedUserId, filter.allocatedUserId));
  if (filter.referralIds) where.push(inArray(referrals.id, filter.referralIds));
  return and(...where);
}

/**
 * Referrals in the given statuses, oldest first, with what a waiting list shows about each: one row
 * per referral from the referral's own read-model columns, so a long list costs one indexed scan.
 */
export async function waitingRows(tx: LanternDb, filter: WaitingFilter) {
  const query = tx
    .select({
      referralId: referrals.id,
      reference: referrals.reference,
      version: referrals.version,
      childId: referrals.childId,
      teamId: referrals.teamId,
      givenName: children.givenName,
      familyName: children.familyName,
      dateOfBirth: children.dateOfBirth,
      schoolUrn: sql<number | null>`${placeUrn}`,
      schoolName: schools.name,
      receivedAt: referrals.receivedAt,
      priority: referrals.priority,
      isUrgent: referrals.isUrgent,
      presentingNeeds: referrals.presentingNeeds,
      needDescription: referrals.needDescription,
      status: referrals.status,
      allocatedUserId: referrals.allocatedUserId,
      allocatedTo: users.displayName,
      allocatedAt: referrals.allocatedAt,
      nextContactAt: referrals.bookedContactAt,
      firstContactAt: referrals.firstContactAt,
      groupName: filter.withGroup ? allocations.groupName : sql<string | null>`null`,
    })
    .from(referrals)
    .innerJoin(children, eq(children.id, referrals.childId))
    .leftJoin(schools, sql`${schools.urn} = ${placeUrn}`)
    .leftJoin(users, eq(users.id, referrals.allocatedUserId))
    .$dynamic();
  const joined = filter.withGroup
    ? query.leftJoin(allocations, and(eq(allocations.referralId, referrals.id), isNull(allocations.endedAt)))
    : query;
  const rows = await joined
    .where(conditions(filter))
    .orderBy(asc(referrals.receivedAt), asc(referrals.id))
    .limit(filter.limit ?? 1000)
    .offset(filter.offset ?? 0);
  return rows.map((row) => ({
    ...row,
    allocationKind:
      row.status === 'group-waiting-list'
        ? ('group-waiting-list' as const)
        : row.allocatedUserId
          ? ('practitioner' as const)
          : null,
  }));
}

export async function countRows(tx: LanternDb, filter: WaitingFilter): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(referrals).where(conditions(filter));
  return row?.n ?? 0;
}
export type WaitingRow = Awaited<ReturnType<typeof waitingRows>>[number];

/** How many referrals of a team are in each status. */
export async function statusCounts(tx: LanternDb, teamId: string, statuses: string[]) {
  const rows = await tx
    .select({ status: referrals.status, count: sql<number>`count(*)::int` })
    .from(referrals)
    .where(and(eq(referrals.teamId, teamId), inArray(referrals.status, statuses)))
    .groupBy(referrals.status);
  return new Map(rows.map((r) => [r.status, r.count]));
}

/** Received, first allocated and first seen, for referrals received since `since`: the team's pace. */
export async function paceHistory(tx: LanternDb, teamId: string, since: Date) {
  return tx
    .select({
      receivedAt: referrals.receivedAt,
      allocatedAt: referrals.allocatedAt,
      firstContactAt: referrals.firstContactAt,
    })
    .from(referrals)
    .where(and(eq(referrals.teamId, teamId), gte(referrals.receivedAt, since)));
}

/**
 * Practitioners who worked with this young person before (their other referrals) or with a brother
 * or sister (a child whose carer has the same phone or email), as far as the scope reaches.
 */
export async function relatedPractitioners(tx: LanternDb, referralId: string, childId: string) {
  const previous = await queryRows<{ user_id: string }>(
    tx,
    sql`
    select distinct a.user_id from allocations a join referrals r on r.id = a.referral_id
    where r.child_id = ${childId} and r.id <> ${referralId} and a.user_id is not null`,
  );
  // Brothers and sisters: children whose carer shares a phone or email with one of this child's
  // carers. Looked up by value through the carers indexes, so row security runs on matches only.
  const mine = await queryRows<{ phone: string | null; email: string | null }>(
    tx,
    sql`select phone, email from carers where child_id = ${childId}`,
  );
  const phones = mine.flatMap((c) => (c.phone ? [c.phone] : []));
  const emails = mine.flatMap((c) => (c.email ? [c.email] : []));
  const siblings =
    phones.length + emails.length === 0
      ? []
      : await queryRows<{ user_id: string }>(
          tx,
          sql`select distinct a.user_id from carers theirs
            join referrals r on r.child_id = theirs.child_id
            join allocations a on a.referral_id = r.id and a.user_id is not null
            where theirs.child_id <> ${childId}
              and (theirs.phone = any(${sql.param(phones)}::text[]) or theirs.email = any(${sql.param(emails)}::text[]))`,
        );
  return {
    previousPractitionerIds: previous.map((r) => r.user_id),
    siblingPractitionerIds: siblings.map((r) => r.user_id),
  };
}

/**
 * Works the referral's read-model columns out again from the rows they come from: after a bulk
 * load (the demo area), or in one referral's transaction after a contact changes.
 */
export async function refreshContactColumns(tx: LanternDb, referralIds: string[] | 'all') {
  await tx
    .update(referrals)
    .set({
      allocatedAt: sql`(select min(a.recorded_at) from allocations a where a.referral_id = ${referrals.id})`,
      firstContactAt: sql`(select min(c.starts_at) from care_contacts c
        where c.referral_id = ${referrals.id} and c.attend_status in ('attended', 'late-seen'))`,
      bookedContactAt: sql`(select min(c.starts_at) from care_contacts c
        where c.referral_id = ${referrals.id} and c.attend_status is null)`,
    })
    .where(referralIds === 'all' ? isNotNull(referrals.teamId) : inArray(referrals.id, referralIds));
}
