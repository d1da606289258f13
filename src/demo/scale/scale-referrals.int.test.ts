import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { queryRows } from '../../db/client.js';
import { withScope } from '../../db/scoped.js';
import { normaliseNhsNumber } from '../../domain/people/nhs-number.js';
import { type TestDatabase, testDatabases } from '../../test-support/databases.js';
import { writeDemoArea } from '../write-demo-area.js';
import { ScaleAreaError } from './scale-area.js';
import { addDayOfActivity } from './scale-day.js';
import {
  addScaleReferrals,
  MAX_PGLITE_SCALE_REFERRALS,
  ScaleLimitError,
  type ScaleProgress,
  type ScaleResult,
} from './scale-referrals.js';

const NOW = new Date('2026-11-23T00:00:00Z');
const SINCE = new Date('2024-11-23T00:00:00Z');

describe.each(testDatabases)('synthetic referrals at scale on $name', (factory) => {
  let testDb: TestDatabase;
  let result: ScaleResult;
  const progress: ScaleProgress[] = [];
  const read = <T>(query: ReturnType<typeof sql>) =>
    withScope(testDb.database.db, systemScope('scale test'), (tx) => queryRows<T>(tx, query));
  const one = async (query: ReturnType<typeof sql>) => (await read<{ n: number }>(query))[0]?.n;

  beforeAll(async () => {
    testDb = await factory.create();
    await writeDemoArea(testDb.database, { seed: 11, scale: 1 });
    result = await addScaleReferrals(testDb.database, {
      referrals: 2_000,
      now: NOW,
      since: SINCE,
      batchSize: 700,
      workers: 1,
      seed: 5,
      onProgress: (p) => progress.push(p),
    });
  }, 120_000);
  afterAll(() => testDb?.dispose());

  it('adds the referrals in batches, each with one fictional child, reporting counts as it goes', async () => {
    expect(result.run).toBe(1);
    expect(progress.map((p) => [p.batch, p.batches, p.counts.referrals])).toEqual([
      [1, 3, 700],
      [2, 3, 1_400],
      [3, 3, 2_000],
    ]);
    expect(result.counts.children).toBe(2_000);
    expect(await one(sql`select count(*)::int as n from referrals where reference like 'SC01-%'`)).toBe(
      2_000,
    );
    const children = await read<{ referrals: number; children: number; fictional: number }>(
      sql`select count(*)::int as referrals, count(distinct c.id)::int as children,
            count(*) filter (where c.is_fictional)::int as fictional
          from referrals r join children c on c.id = r.child_id where r.reference like 'SC01-%'`,
    );
    expect(children[0]).toEqual({ referrals: 2_000, children: 2_000, fictional: 2_000 });
  });

  it('gives only synthetic NHS numbers that pass the modulus 11 check, or none', async () => {
    const numbers = await read<{ nhs: string | null }>(
      sql`select c.nhs_number as nhs from children c join referrals r on r.child_id = c.id
          where r.reference like 'SC01-%'`,
    );
    const given = numbers.flatMap((n) => (n.nhs ? [n.nhs] : []));
    expect(given.length).toBeGreaterThan(1_000);
    expect(given.length).toBeLessThan(2_000);
    expect(given.every((n) => n.startsWith('999') && normaliseNhsNumber(n) === n)).toBe(true);
  });

  it('keeps dates in order: received in the window, decided after, seen after, aged 4 to 18', async () => {
    const [dates] = await read<{
      outside: number;
      early: number;
      seen: number;
      ages: number;
      urgent: number;
    }>(
      sql`select
            count(*) filter (where r.received_at < ${SINCE.toISOString()}::timestamptz
              or r.received_at >= ${NOW.toISOString()}::timestamptz)::int as outside,
            count(*) filter (where d.recorded_at < r.received_at or r.first_contact_at < r.received_at
              or r.allocated_at < d.recorded_at)::int as early,
            count(*) filter (where r.first_contact_at is not null)::int as seen,
            count(*) filter (where extract(year from age(r.received_at, c.date_of_birth)) not between 4 and 18)::int as ages,
            count(*) filter (where r.is_urgent)::int as urgent
          from referrals r join children c on c.id = r.child_id
          left join triage_decisions d on d.referral_id = r.id
          where r.reference like 'SC01-%'`,
    );
    expect(dates).toMatchObject({ outside: 0, early: 0, ages: 0 });
    expect(dates?.seen).toBeGreaterThan(800);
    expect(dates?.urgent).toBeGreaterThan(40);
    expect(dates?.urgent).toBeLessThan(300);
  });

  it('keeps the referral columns the services keep in step with allocations and contacts', async () => {
    const [contacts] = await read<{ contacts: number; orphans: number }>(
      sql`select count(*)::int as contacts, count(*) filter (where r.id is null)::int as orphans
          from care_contacts c left join referrals r on r.id = c.referral_id
          where c.id::text like '5ca1e601-%'`,
    );
    expect(contacts).toEqual({ contacts: result.counts.care_contacts, orphans: 0 });
    // The same rule as refreshContactColumns in waiting.repository.ts.
    const outOfStep = await one(
      sql`select count(*)::int as n from referrals r where r.reference like 'SC01-%' and (
            r.first_contact_at is distinct from (select min(c.starts_at) from care_contacts c
              where c.referral_id = r.id and c.attend_status in ('attended', 'late-seen'))
            or r.booked_contact_at is distinct from (select min(c.starts_at) from care_contacts c
              where c.referral_id = r.id and c.attend_status is null)
            or r.allocated_at is distinct from (select min(a.recorded_at) from allocations a where a.referral_id = r.id))`,
    );
    expect(outOfStep).toBe(0);
    const [attendance] = await read<{ future: number; booked: number; past: number }>(
      sql`select count(*) filter (where c.attend_status is not null and c.starts_at >= ${NOW.toISOString()}::timestamptz)::int as future,
            count(*) filter (where c.attend_status is null and c.starts_at < ${NOW.toISOString()}::timestamptz)::int as booked,
            count(distinct c.attend_status)::int as past
          from care_contacts c where c.id::text like '5ca1e601-%'`,
    );
    expect(attendance).toEqual({ future: 0, booked: 0, past: 5 });
  });

  it('makes each status agree with the rows behind it', async () => {
    const rows = await read<{ status: string; count: number; problems: number }>(
      sql`select r.status, count(*)::int as count, count(*) filter (where case r.status
            when 'received' then d.id is not null
            when 'declined' then d.kind is distinct from 'decline' or d.decline_reason is null
            when 'signposted' then d.kind is distinct from 'signpost'
            when 'accepted' then d.kind is distinct from 'accept' or a.id is not null
            when 'allocated' then a.id is null or e.status <> 'open' or r.first_contact_at is not null
            when 'in-intervention' then a.id is null or e.status <> 'open' or r.first_contact_at is null
            when 'discharged' then a.ended_at is null or e.closed_at is null or e.status = 'open'
            else false end)::int as problems
          from referrals r
          left join triage_decisions d on d.referral_id = r.id
          left join allocations a on a.referral_id = r.id
          left join episodes e on e.referral_id = r.id
          where r.reference like 'SC01-%' group by r.status`,
    );
    expect(rows.every((r) => r.problems === 0)).toBe(true);
    const statuses = new Set(rows.map((r) => r.status));
    for (const status of ['declined', 'signposted', 'accepted', 'discharged', 'in-intervention']) {
      expect(statuses).toContain(status);
    }
  });

  it('adds another run, with its own references, when run again', async () => {
    // Two connections at once on a server (PGlite has one), each batch still whole.
    const again = await addScaleReferrals(testDb.database, {
      referrals: 300,
      now: NOW,
      since: SINCE,
      batchSize: 100,
      workers: 2,
    });
    expect(again.counts.referrals).toBe(300);
    expect(again.run).toBe(2);
    expect(await one(sql`select count(*)::int as n from referrals where reference like 'SC02-%'`)).toBe(300);
    expect(await one(sql`select count(*)::int as n from referrals where reference like 'SC%'`)).toBe(2_300);
  });

  it('adds a day of new referrals and contacts, keeping the referrals in step', async () => {
    const dayStart = NOW;
    const later = new Date(NOW.getTime() + 12 * 3_600_000);
    const day = await addDayOfActivity(testDb.database, {
      dayStart,
      now: later,
      referrals: 50,
      contacts: 120,
    });
    expect(day).toMatchObject({ run: 3, referrals: 50, contacts: 120 });
    const [counts] = await read<{ referrals: number; contacts: number; stale: number }>(
      sql`select
            (select count(*)::int from referrals where reference like 'SC03-%'
              and received_at >= ${dayStart.toISOString()}::timestamptz
              and received_at < ${later.toISOString()}::timestamptz) as referrals,
            (select count(*)::int from care_contacts where starts_at >= ${dayStart.toISOString()}::timestamptz
              and starts_at < ${later.toISOString()}::timestamptz and attend_status is not null) as contacts,
            (select count(*)::int from referrals r where r.status = 'allocated' and r.first_contact_at is not null) as stale`,
    );
    expect(counts).toEqual({ referrals: 50, contacts: 120, stale: 0 });
    const outOfStep = await one(
      sql`select count(*)::int as n from referrals r where r.reference like 'SC%' and
            r.first_contact_at is distinct from (select min(c.starts_at) from care_contacts c
              where c.referral_id = r.id and c.attend_status in ('attended', 'late-seen'))`,
    );
    expect(outOfStep).toBe(0);
  });

  it('refuses too many referrals for PGlite, and a database without the demo area', async () => {
    if (factory.name === 'pglite') {
      await expect(
        addScaleReferrals(testDb.database, { referrals: MAX_PGLITE_SCALE_REFERRALS + 1, now: NOW }),
      ).rejects.toThrow(ScaleLimitError);
    }
    const empty = await factory.create();
    try {
      await expect(addScaleReferrals(empty.database, { referrals: 10, now: NOW })).rejects.toThrow(
        ScaleAreaError,
      );
    } finally {
      await empty.dispose();
    }
  });
});
