import { asc, eq, sql } from 'drizzle-orm';
import type { RiskMatch } from '../../contracts/online-chat.js';
import { type LanternDb, queryRows } from '../client.js';
import { users } from '../schema/identity.js';
import { onlineMessageReads, onlineMessages } from '../schema/online.js';

// The only code that queries online_messages (append-only: never updated) and online_message_reads.
// Every call runs inside withScope, so row-level security applies.

export type MessageRow = typeof onlineMessages.$inferSelect;
export type ReadSide = 'young-person' | 'service';

export async function insertMessage(
  tx: LanternDb,
  message: {
    accountId: string;
    direction: 'from-young-person' | 'to-young-person';
    senderUserId: string | null;
    body: string;
    riskMatches: RiskMatch[] | null;
    sentAt: Date;
  },
): Promise<MessageRow> {
  const [row] = await tx.insert(onlineMessages).values(message).returning();
  if (!row) throw new Error('message not stored');
  return row;
}

/** A young person's thread, oldest first, with the name of each counsellor who wrote. */
export async function threadOf(tx: LanternDb, accountId: string, limit = 500) {
  const rows = await tx
    .select({ message: onlineMessages, senderName: users.displayName })
    .from(onlineMessages)
    .leftJoin(users, eq(users.id, onlineMessages.senderUserId))
    .where(eq(onlineMessages.accountId, accountId))
    .orderBy(asc(onlineMessages.sentAt), asc(onlineMessages.id))
    .limit(limit);
  return rows;
}

/** How far each side has read the thread. */
export async function readMarkers(tx: LanternDb, accountId: string): Promise<Record<ReadSide, Date | null>> {
  const rows = await tx
    .select({ side: onlineMessageReads.side, readUpTo: onlineMessageReads.readUpTo })
    .from(onlineMessageReads)
    .where(eq(onlineMessageReads.accountId, accountId));
  const of = (side: ReadSide) => rows.find((r) => r.side === side)?.readUpTo ?? null;
  return { 'young-person': of('young-person'), service: of('service') };
}

/** Moves one side's read marker forward (never back). */
export async function markRead(tx: LanternDb, accountId: string, side: ReadSide, upTo: Date) {
  await tx
    .insert(onlineMessageReads)
    .values({ accountId, side, readUpTo: upTo })
    .onConflictDoUpdate({
      target: [onlineMessageReads.accountId, onlineMessageReads.side],
      set: { readUpTo: sql`greatest(${onlineMessageReads.readUpTo}, excluded.read_up_to)` },
    });
}

export interface InboxRow {
  account_id: string;
  username: string;
  waiting_since: Date | string;
  waiting_messages: number | string;
  has_risk_phrase: boolean;
  service_read_up_to: Date | string | null;
  last_sent_at: Date | string;
}

/**
 * Threads waiting for a reply: the young person has written since the service last did. Oldest
 * waiting first, so nobody is left at the bottom of the pile.
 */
export async function inbox(tx: LanternDb, limit = 200): Promise<InboxRow[]> {
  return queryRows<InboxRow>(
    tx,
    sql`with last_reply as (
          select account_id, max(sent_at) as replied_at from online_messages
          where direction = 'to-young-person' group by account_id
        )
        select m.account_id, a.username,
          min(m.sent_at) as waiting_since,
          count(*) as waiting_messages,
          bool_or(m.risk_matches is not null and jsonb_array_length(m.risk_matches) > 0) as has_risk_phrase,
          max(m.sent_at) as last_sent_at,
          (select r.read_up_to from online_message_reads r
            where r.account_id = m.account_id and r.side = 'service') as service_read_up_to
        from online_messages m
        join online_accounts a on a.id = m.account_id
        left join last_reply lr on lr.account_id = m.account_id
        where m.direction = 'from-young-person'
          and (lr.replied_at is null or m.sent_at > lr.replied_at)
        group by m.account_id, a.username
        order by waiting_since asc
        limit ${limit}`,
  );
}
