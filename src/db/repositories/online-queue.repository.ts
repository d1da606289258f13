import { and, asc, desc, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { type LanternDb, queryRows } from '../client.js';
import { onlineAccounts, onlineChats, onlineServices } from '../schema/online.js';
import type { ChatRow } from './online-chats.repository.js';

// The drop-in queue: who is waiting, taking the next young person, and what the estimate of the
// wait is made from. Runs inside the caller's scope (withScope); what a young person needs to know
// about other people's chats (their place, the estimate) is read under a system scope by the caller.

export type ServiceRow = typeof onlineServices.$inferSelect;
export type AccountRow = typeof onlineAccounts.$inferSelect;

export async function findService(tx: LanternDb, serviceId: string): Promise<ServiceRow | null> {
  const [row] = await tx.select().from(onlineServices).where(eq(onlineServices.id, serviceId));
  return row ?? null;
}

/** Online services of an organisation (a counsellor's queue is their organisation's service). */
export async function servicesOf(tx: LanternDb, organisationId: string): Promise<ServiceRow[]> {
  return tx
    .select()
    .from(onlineServices)
    .where(eq(onlineServices.organisationId, organisationId))
    .orderBy(asc(onlineServices.createdAt));
}

/** Waiting drop-in chats of a service, in the order they are seen. */
export async function waitingDropIns(tx: LanternDb, serviceId: string): Promise<ChatRow[]> {
  return tx
    .select()
    .from(onlineChats)
    .where(
      and(
        eq(onlineChats.serviceId, serviceId),
        eq(onlineChats.kind, 'drop-in'),
        eq(onlineChats.status, 'waiting'),
      ),
    )
    .orderBy(asc(onlineChats.queuedAt), asc(onlineChats.id));
}

export async function accountsByIds(tx: LanternDb, ids: readonly string[]): Promise<Map<string, AccountRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(onlineAccounts)
    .where(inArray(onlineAccounts.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Chats a counsellor has taken before, per young person, newest first: for "returning" and notes. */
export async function takenChatsOf(tx: LanternDb, accountIds: readonly string[]): Promise<ChatRow[]> {
  if (accountIds.length === 0) return [];
  return tx
    .select()
    .from(onlineChats)
    .where(and(inArray(onlineChats.accountId, [...new Set(accountIds)]), isNotNull(onlineChats.takenAt)))
    .orderBy(desc(onlineChats.queuedAt));
}

/** The counsellor's active chats. */
export async function activeChatsOf(tx: LanternDb, counsellorUserId: string): Promise<ChatRow[]> {
  return tx
    .select()
    .from(onlineChats)
    .where(and(eq(onlineChats.counsellorUserId, counsellorUserId), eq(onlineChats.status, 'active')))
    .orderBy(asc(onlineChats.takenAt));
}

/** Booked chats waiting for this counsellor to start them. */
export async function bookedWaitingFor(tx: LanternDb, counsellorUserId: string): Promise<ChatRow[]> {
  return tx
    .select()
    .from(onlineChats)
    .where(
      and(
        eq(onlineChats.counsellorUserId, counsellorUserId),
        eq(onlineChats.kind, 'booked'),
        eq(onlineChats.status, 'waiting'),
      ),
    )
    .orderBy(asc(onlineChats.queuedAt));
}

/**
 * Holds work on one key (a counsellor taking chats, a young person joining the queue) to one
 * transaction at a time until it ends, so two tabs cannot take past the limit or join twice.
 */
export async function lockKey(tx: LanternDb, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/**
 * Locks the next waiting drop-in chat, skipping any another counsellor is taking at this moment,
 * so two counsellors taking at once never get the same young person.
 */
export async function lockNextWaiting(tx: LanternDb, serviceId: string): Promise<ChatRow | null> {
  const [row] = await tx
    .select()
    .from(onlineChats)
    .where(
      and(
        eq(onlineChats.serviceId, serviceId),
        eq(onlineChats.kind, 'drop-in'),
        eq(onlineChats.status, 'waiting'),
      ),
    )
    .orderBy(asc(onlineChats.queuedAt), asc(onlineChats.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}

/** Takes a waiting chat for a counsellor, only if it is still waiting (a conditional update). */
export async function takeWaitingChat(
  tx: LanternDb,
  chatId: string,
  counsellorUserId: string,
  now: Date,
): Promise<ChatRow | null> {
  const [row] = await tx
    .update(onlineChats)
    .set({
      status: 'active',
      counsellorUserId,
      takenAt: now,
      version: sql`${onlineChats.version} + 1`,
    })
    .where(
      and(
        eq(onlineChats.id, chatId),
        eq(onlineChats.status, 'waiting'),
        or(eq(onlineChats.kind, 'drop-in'), eq(onlineChats.counsellorUserId, counsellorUserId)),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Young people of a service seen since `since`, oldest first: how long each waited and how many
 * were waiting ahead of them when they joined (including those who later left the queue).
 */
export async function seenSince(
  tx: LanternDb,
  serviceId: string,
  since: Date,
  limit: number,
): Promise<{ waitMs: number; placeWhenJoined: number }[]> {
  const rows = await queryRows<{ wait_ms: string | number; ahead: string | number }>(
    tx,
    sql`select * from (
          select extract(epoch from (c.taken_at - c.queued_at)) * 1000 as wait_ms, c.taken_at,
            (select count(*) from online_chats o
              where o.service_id = c.service_id and o.kind = 'drop-in' and o.queued_at < c.queued_at
                and coalesce(o.taken_at, o.ended_at, 'infinity'::timestamptz) > c.queued_at) as ahead
          from online_chats c
          where c.service_id = ${serviceId} and c.kind = 'drop-in' and c.taken_at >= ${since.toISOString()}
          order by c.taken_at desc limit ${limit}
        ) recent order by taken_at asc`,
  );
  return rows.map((r) => ({ waitMs: Number(r.wait_ms), placeWhenJoined: Number(r.ahead) + 1 }));
}

/** Counsellors holding a chat now, or who took one in the last hour: those on shift. */
export async function counsellorsOnShift(tx: LanternDb, serviceId: string, now: Date): Promise<number> {
  const rows = await tx
    .selectDistinct({ id: onlineChats.counsellorUserId })
    .from(onlineChats)
    .where(
      and(
        eq(onlineChats.serviceId, serviceId),
        isNotNull(onlineChats.counsellorUserId),
        or(eq(onlineChats.status, 'active'), gte(onlineChats.takenAt, new Date(now.getTime() - 60 * 60_000))),
      ),
    );
  return rows.length;
}
