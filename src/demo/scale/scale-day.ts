import { sql } from 'drizzle-orm';
import { systemScope } from '../../access/scope.js';
import { type Database, queryRows } from '../../db/client.js';
import { refreshContactColumns } from '../../db/repositories/waiting.repository.js';
import { withScope } from '../../db/scoped.js';
import { addScaleReferrals } from './scale-referrals.js';
import { scaleIdSql, weightedCase } from './scale-sql.js';
import { attendWeights, mediumWeights } from './scale-weights.js';

// One busy day's new data for the rollup benchmark: referrals received that day, and contacts that
// day for young people already allocated, written as the services would (the referral's contact
// columns refreshed by the waiting repository's own rule, the status moved on when first seen).

export interface DayOfActivity {
  /** The start of the day; everything new happens between it and `now`. */
  dayStart: Date;
  now: Date;
  referrals: number;
  contacts: number;
}

/** Day contacts are numbered from here in the run's contact ids, clear of its referrals' contacts. */
const DAY_CONTACT_BASE = 2 ** 40;

export async function addDayOfActivity(
  database: Database,
  day: DayOfActivity,
): Promise<{ run: number; referrals: number; contacts: number; ms: number }> {
  const started = performance.now();
  if (!(day.now > day.dayStart)) throw new RangeError('the day must have started before now');
  const added = await addScaleReferrals(database, {
    referrals: day.referrals,
    since: day.dayStart,
    now: day.now,
    analyse: false,
  });
  const from = day.dayStart.toISOString();
  const span = (day.now.getTime() - day.dayStart.getTime()) / 1000;
  const contacts = await withScope(database.db, systemScope('synthetic day of contacts'), async (tx) => {
    const inserted = await queryRows<{ id: string }>(
      tx,
      sql.raw(`
with pool as (
  select id, allocated_user_id, row_number() over (order by received_at desc, id) - 1 as i
  from referrals where status in ('allocated', 'in-intervention') and allocated_user_id is not null
  order by received_at desc, id limit ${day.contacts}
), size as (select count(*) as m from pool),
draws as (
  select k, random() as r_at, random() as r_att, random() as r_med from generate_series(0, ${day.contacts - 1}) as k
  offset 0
)
insert into care_contacts (id, referral_id, practitioner_user_id, starts_at, kind, attend_status, medium,
  recorded_at, recorded_by)
select ${scaleIdSql('contact', added.run, `${DAY_CONTACT_BASE} + d.k`)}, p.id, p.allocated_user_id,
  '${from}'::timestamptz + d.r_at * ${span} * interval '1 second', 'one-to-one',
  ${weightedCase('d.r_att', attendWeights)}, ${weightedCase('d.r_med', mediumWeights)},
  '${from}'::timestamptz + d.r_at * ${span} * interval '1 second', p.allocated_user_id
from draws d cross join size join pool p on p.i = d.k % size.m
returning referral_id as id`),
    );
    const ids = [...new Set(inserted.map((row) => row.id))];
    for (let i = 0; i < ids.length; i += 5_000) {
      const chunk = ids.slice(i, i + 5_000);
      await refreshContactColumns(tx, chunk);
      await tx.execute(sql`update referrals set status = 'in-intervention', version = version + 1
        where id in (${sql.join(
          chunk.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and status = 'allocated' and first_contact_at is not null`);
    }
    return inserted.length;
  });
  return { run: added.run, referrals: added.counts.referrals, contacts, ms: performance.now() - started };
}
