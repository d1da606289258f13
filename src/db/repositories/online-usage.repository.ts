import { type SQL, sql } from 'drizzle-orm';
import type { UsageChat, UsagePerson } from '../../domain/online/usage.js';
import { type LanternDb, queryRows } from '../client.js';

// Online support usage figures (issue 7): reads only, run inside the caller's withScope transaction.
// Counts are aggregated here where that is simple; the per-chat and per-person rows the domain
// needs stay inside the service, which returns aggregates only.

export interface Period {
  serviceIds: string[];
  since: Date;
  until: Date;
}

const idList = (ids: string[]): SQL =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** The online services of one organisation (a counsellor's or duty senior's own). */
export async function servicesOfOrganisation(db: LanternDb, organisationId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from online_services where organisation_id = ${organisationId}::uuid order by created_at`,
  );
  return rows.map((r) => r.id);
}

/**
 * The online services in the caller's area: those of any organisation under the same top
 * organisation (the integrated care board) as the caller's, so a commissioner at the board and
 * a service manager at a trust both see the board's online provider.
 */
export async function servicesInAreaOf(db: LanternDb, organisationId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive up as (
          select id, parent_id from organisations where id = ${organisationId}::uuid
          union all
          select o.id, o.parent_id from organisations o join up on o.id = up.parent_id
        ), down as (
          select id from up where parent_id is null
          union all
          select o.id from organisations o join down on o.parent_id = down.id
        )
        select s.id from online_services s where s.organisation_id in (select id from down)
        order by s.created_at`,
  );
  return rows.map((r) => r.id);
}

/** Chats asked for in the period (queued, or opened for a booking), whoever they were with. */
export async function chatsInPeriod(db: LanternDb, period: Period): Promise<UsageChat[]> {
  if (period.serviceIds.length === 0) return [];
  const rows = await queryRows<{
    account_id: string;
    kind: string;
    status: string;
    queued_at: Date | string;
    taken_at: Date | string | null;
  }>(
    db,
    sql`select account_id, kind, status, queued_at, taken_at from online_chats
        where service_id in ${idList(period.serviceIds)}
          and queued_at >= ${period.since.toISOString()}::timestamptz
          and queued_at < ${period.until.toISOString()}::timestamptz`,
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    kind: r.kind,
    status: r.status,
    queuedAt: toDate(r.queued_at),
    takenAt: r.taken_at === null ? null : toDate(r.taken_at),
  }));
}

/**
 * Young people who had a chat or sent a message in the period, with when they first did either
 * (ever), so the domain can tell new from returning.
 */
export async function youngPeopleInPeriod(db: LanternDb, period: Period): Promise<UsagePerson[]> {
  if (period.serviceIds.length === 0) return [];
  const since = sql`${period.since.toISOString()}::timestamptz`;
  const until = sql`${period.until.toISOString()}::timestamptz`;
  const rows = await queryRows<{
    id: string;
    gender: string;
    age_at_sign_up: number;
    signed_up_at: Date | string;
    first_used_at: Date | string;
  }>(
    db,
    sql`with used as (
          select c.account_id from online_chats c
          where c.service_id in ${idList(period.serviceIds)} and c.taken_at is not null
            and c.queued_at >= ${since} and c.queued_at < ${until}
          union
          select m.account_id from online_messages m join online_accounts a on a.id = m.account_id
          where a.service_id in ${idList(period.serviceIds)} and m.direction = 'from-young-person'
            and m.sent_at >= ${since} and m.sent_at < ${until}
        )
        select a.id, a.gender, a.age_at_sign_up, a.signed_up_at,
          least(
            (select min(c.queued_at) from online_chats c where c.account_id = a.id and c.taken_at is not null),
            (select min(m.sent_at) from online_messages m
              where m.account_id = a.id and m.direction = 'from-young-person')
          ) as first_used_at
        from online_accounts a where a.id in (select account_id from used)`,
  );
  return rows.map((r) => ({
    accountId: r.id,
    gender: r.gender,
    ageAtSignUp: Number(r.age_at_sign_up),
    signedUpAt: toDate(r.signed_up_at),
    firstUsedAt: toDate(r.first_used_at),
  }));
}

/** Messages young people sent between chats in the period. */
export async function messagesFromYoungPeople(db: LanternDb, period: Period): Promise<number> {
  if (period.serviceIds.length === 0) return 0;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from online_messages m join online_accounts a on a.id = m.account_id
        where a.service_id in ${idList(period.serviceIds)} and m.direction = 'from-young-person'
          and m.sent_at >= ${period.since.toISOString()}::timestamptz
          and m.sent_at < ${period.until.toISOString()}::timestamptz`,
  );
  return Number(row?.n ?? 0);
}

/** The current risk assessment of each chat asked for in the period, counted by level. */
export async function riskLevelsInPeriod(
  db: LanternDb,
  period: Period,
): Promise<{ level: string; count: number }[]> {
  if (period.serviceIds.length === 0) return [];
  const rows = await queryRows<{ level: string; count: number }>(
    db,
    sql`select level, count(*)::int as count from (
          select distinct on (r.chat_id) r.level
          from online_risk_assessments r join online_chats c on c.id = r.chat_id
          where c.service_id in ${idList(period.serviceIds)} and r.invalidated_at is null
            and c.queued_at >= ${period.since.toISOString()}::timestamptz
            and c.queued_at < ${period.until.toISOString()}::timestamptz
          order by r.chat_id, r.recorded_at desc
        ) latest group by level`,
  );
  return rows.map((r) => ({ level: r.level, count: Number(r.count) }));
}

/** Escalations raised in the period, and in how many the young person shared who they are. */
export async function escalationsInPeriod(
  db: LanternDb,
  period: Period,
): Promise<{ count: number; identityShared: number }> {
  if (period.serviceIds.length === 0) return { count: 0, identityShared: 0 };
  const [row] = await queryRows<{ count: number; shared: number }>(
    db,
    sql`select count(*)::int as count, (count(*) filter (where e.identity_shared = 'shared'))::int as shared
        from online_escalations e join online_chats c on c.id = e.chat_id
        where c.service_id in ${idList(period.serviceIds)}
          and e.raised_at >= ${period.since.toISOString()}::timestamptz
          and e.raised_at < ${period.until.toISOString()}::timestamptz`,
  );
  return { count: Number(row?.count ?? 0), identityShared: Number(row?.shared ?? 0) };
}
