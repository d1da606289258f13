import { presentingNeedCodes } from '../../domain/organisations/needs.js';
import { firstNeeds } from '../demo-referral-text.js';
import { textArrayPickSql, weightedCase } from './scale-sql.js';
import * as w from './scale-weights.js';

// The SQL for one batch of synthetic referrals, generated on the server from generate_series: first
// each referral's draws and what follows from them into the temporary table scale_batch, then its
// contacts into scale_contacts, then the real tables, children first. Only numbers, fixed codes and
// ids read from the database are written into the text.

export interface BatchContext {
  run: number;
  /** The batch's referral numbers, inclusive. */
  from: number;
  to: number;
  now: Date;
  daySlots: number;
  schoolSlots: number;
  intakeTeamId: string;
  intakeServiceId: string;
  trustId: string;
  mhstServiceId: string;
  camhsServiceId: string;
  selfReferralMinAge: number;
  triageClinicians: string[];
}

const uuidLiteral = (id: string) => {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new RangeError('not a uuid');
  return `'${id}'::uuid`;
};

export const temporaryTables = [
  `create temp table scale_schools (i int primary key, urn int not null, council_i int not null,
     postcode text, mhst_team uuid, referrer uuid, ages int[] not null)`,
  'create temp table scale_school_slots (slot int primary key, i int not null)',
  `create temp table scale_councils (i int primary key, council_id uuid not null, camhs_team uuid not null,
     early_team uuid not null, early_service uuid not null)`,
  'create temp table scale_teams (team uuid primary key, staff uuid[] not null)',
  'create temp table scale_day_slots (slot int primary key, day timestamptz not null)',
  `create temp table scale_batch (n bigint primary key, received_at timestamptz, urn int, postcode text,
     referrer uuid, age int, source text, is_urgent boolean, priority text, outcome text,
     decided_at timestamptz, dest text, team_id uuid, service_id uuid, org_id uuid, practitioner uuid,
     spa uuid, first_offer timestamptz, allocated_at timestamptz, contacts int, gender text,
     ethnicity text, sen text, lgbt text, nhs text, given text, family text, needs text[],
     decline_reason text, thrive text, self_harm boolean, risk_now boolean, r_close float8,
     r_outcome float8, r_interv float8, r_gap float8, r_dob float8, first_attended timestamptz,
     booked timestamptz, discharged_at timestamptz, attended int not null default 0)`,
  `create temp table scale_contacts (n bigint not null, i int not null, starts_at timestamptz not null,
     attend_status text, medium text not null)`,
];

export const temporaryTableNames = [
  'scale_schools',
  'scale_school_slots',
  'scale_councils',
  'scale_teams',
  'scale_day_slots',
  'scale_batch',
  'scale_contacts',
];

const randoms = [
  'r_day',
  'r_school',
  'r_hour',
  'r_age',
  'r_src',
  'r_urgent',
  'r_emerg',
  'r_delay',
  'r_out',
  'r_dest',
  'r_wait',
  'r_wait2',
  'r_alloc',
  'r_k',
  'r_gender',
  'r_eth',
  'r_sen',
  'r_sen2',
  'r_lgbt',
  'r_lgbt2',
  'r_nhs',
  'r_given',
  'r_family',
  'r_need1',
  'r_need2',
  'r_need3',
  'r_harm',
  'r_life',
  'r_decline',
  'r_close',
  'r_closeout',
  'r_noschool',
  'r_offer',
  'r_dob',
  'r_gap',
  'r_interv',
];

/**
 * Fills scale_batch: one row per referral with every draw and what triage and allocation made of it.
 * Each step ends in `offset 0` so PostgreSQL works it out once per row instead of folding the steps
 * into one expression that repeats every earlier step wherever it is used.
 */
export function batchSql(ctx: BatchContext): string {
  const now = `'${ctx.now.toISOString()}'::timestamptz`;
  const digit = (k: number) => `substr(g.six, ${k}, 1)::int`;
  const otherNeeds = presentingNeedCodes.filter((code) => code !== 'anxiety');
  return `
with g as not materialized (
  select n, ${randoms.map((r) => `random() as ${r}`).join(', ')},
    lpad(((n * 7919 + ${ctx.run} * 104729) % 1000000)::text, 6, '0') as six
  from generate_series(${ctx.from}::bigint, ${ctx.to}::bigint) as n offset 0
),
a as (
  select g.*, s.urn as school_urn, s.council_i, s.postcode, s.mhst_team, s.referrer,
    c.camhs_team, c.early_team, c.early_service, c.council_id,
    least(ds.day + (case when extract(isodow from ds.day) >= 6 then 9 + g.r_hour * 12 else 8 + g.r_hour * 10 end)
      * interval '1 hour', ${now} - interval '1 minute') as received_at,
    extract(isodow from ds.day) >= 6 as weekend,
    s.ages[1 + floor(g.r_age * array_length(s.ages, 1))::int] as age,
    (243 + 7 * ${digit(1)} + 6 * ${digit(2)} + 5 * ${digit(3)} + 4 * ${digit(4)} + 3 * ${digit(5)}
      + 2 * ${digit(6)}) % 11 as nhs_rem
  from g
  join scale_day_slots ds on ds.slot = floor(g.r_day * ${ctx.daySlots})::int
  join scale_school_slots ss on ss.slot = floor(g.r_school * ${ctx.schoolSlots})::int
  join scale_schools s on s.i = ss.i
  join scale_councils c on c.i = s.council_i offset 0
),
b as (
  select a.*,
    case when a.weekend then ${weightedCase('a.r_src', w.weekendSources)}
      else ${weightedCase('a.r_src', w.weekdaySources)} end as source0,
    a.r_urgent < ${w.URGENT_SHARE} as is_urgent,
    a.received_at + (case when a.r_urgent < ${w.URGENT_SHARE} then a.r_delay * 20 else 20 + a.r_delay * 200 end)
      * interval '1 hour' as decided_at0
  from a offset 0
),
c as (
  select b.*,
    case when b.source0 = 'self' and b.age < ${ctx.selfReferralMinAge} then 'parent' else b.source0 end as source,
    case when b.decided_at0 < ${now} then b.decided_at0 end as decided_at,
    case when b.decided_at0 >= ${now} then null
      else ${weightedCase(`(b.r_out * case when b.is_urgent then 0.75 else 1 end)`, w.triageOutcomes)} end as outcome0
  from b offset 0
),
d as (
  select c.*,
    case when c.outcome0 = 'more-information' and c.decided_at < ${now} - interval '28 days' then 'accept'
      else c.outcome0 end as outcome,
    case when c.is_urgent then 'camhs'
      when c.mhst_team is not null then ${weightedCase('c.r_dest', w.destinationWeights)}
      when c.r_dest < 0.67 then 'camhs' else 'early-help' end as dest
  from c offset 0
),
e as (
  select d.*,
    case when d.outcome <> 'accept' or d.outcome is null then ${uuidLiteral(ctx.intakeTeamId)}
      when d.dest = 'mhst' then d.mhst_team when d.dest = 'camhs' then d.camhs_team else d.early_team end as team_id,
    case when d.outcome <> 'accept' or d.outcome is null then ${uuidLiteral(ctx.intakeServiceId)}
      when d.dest = 'mhst' then ${uuidLiteral(ctx.mhstServiceId)}
      when d.dest = 'camhs' then ${uuidLiteral(ctx.camhsServiceId)} else d.early_service end as service_id,
    case when d.outcome = 'accept' and d.dest = 'early-help' then d.council_id
      else ${uuidLiteral(ctx.trustId)} end as org_id,
    greatest(
      date_trunc('day', d.received_at + (case when d.is_urgent then 1 + d.r_wait * 13
        when d.r_wait < 0.6 then 7 + d.r_wait2 * 21
        when d.r_wait < 0.9 then 28 + d.r_wait2 * 28
        else 56 + d.r_wait2 * 120 end) * interval '1 day'),
      date_trunc('day', d.decided_at + interval '1 day')
    ) + (9 + floor(d.r_offer * 8)) * interval '1 hour' as first_offer
  from d offset 0
)
insert into scale_batch (n, received_at, urn, postcode, referrer, age, source, is_urgent, priority, outcome,
  decided_at, dest, team_id, service_id, org_id, practitioner, spa, first_offer, allocated_at, contacts, gender,
  ethnicity, sen, lgbt, nhs, given, family, needs, decline_reason, thrive, self_harm, risk_now, r_close,
  r_outcome, r_interv, r_gap, r_dob)
select e.n, e.received_at,
  case when e.r_noschool < ${w.NO_SCHOOL_SHARE} and e.source <> 'school' then null else e.school_urn end,
  e.postcode, case when e.source = 'school' then e.referrer end, e.age, e.source, e.is_urgent,
  case when e.decided_at is null then null when not e.is_urgent then 'routine'
    when e.r_emerg < ${w.EMERGENCY_SHARE_OF_URGENT} then 'emergency' else 'urgent' end,
  e.outcome, e.decided_at, e.dest, e.team_id, e.service_id, e.org_id,
  t.staff[1 + (e.n % array_length(t.staff, 1))::int],
  ${textArrayPickSql(ctx.triageClinicians, '((e.n % 997) / 997.0)')}::uuid,
  e.first_offer,
  case when e.outcome = 'accept' and greatest(e.decided_at + interval '1 hour',
      e.first_offer - (3 + floor(e.r_alloc * 11)) * interval '1 day') < ${now}
    then greatest(e.decided_at + interval '1 hour', e.first_offer - (3 + floor(e.r_alloc * 11)) * interval '1 day') end,
  ${weightedCase('e.r_k', w.contactCounts)},
  ${weightedCase('e.r_gender', w.genderWeights)},
  ${weightedCase('e.r_eth', w.ethnicWeights)},
  case when e.r_sen < ${w.SEN_RECORDED} then ${weightedCase('e.r_sen2', w.senWeights)} end,
  case when e.age >= 11 and e.r_lgbt < ${w.LGBT_RECORDED} then ${weightedCase('e.r_lgbt2', w.lgbtWeights)} end,
  case when e.r_nhs < ${w.NHS_NUMBER_SHARE} and e.nhs_rem <> 1
    then '999' || e.six || ((11 - e.nhs_rem) % 11)::text end,
  ${textArrayPickSql(w.givenNames, 'e.r_given')},
  ${textArrayPickSql(w.familyNames, 'e.r_family')},
  case when e.r_need2 < 0.4
    then array[${weightedCase('e.r_need1', firstNeeds)}, ${textArrayPickSql(otherNeeds, 'e.r_need3')}]
    else array[${weightedCase('e.r_need1', firstNeeds)}] end,
  case when e.outcome = 'decline' then ${weightedCase('e.r_decline', w.declineWeights)} end,
  case when e.outcome is null then null
    when e.outcome = 'accept' and e.dest = 'camhs' and e.is_urgent then 'getting-risk-support'
    when e.outcome = 'accept' and e.dest = 'camhs' then 'getting-more-help'
    when e.outcome = 'accept' then 'getting-help'
    when e.outcome = 'decline' then 'thriving' else 'getting-advice' end,
  e.r_harm < case when e.is_urgent then 0.5 else 0.06 end,
  e.is_urgent and e.r_life < 0.2,
  e.r_close, e.r_closeout, e.r_interv, e.r_gap, e.r_dob
from e left join scale_teams t on t.team = e.team_id`;
}

/** Each allocated referral's contacts, one to four, about ten days apart, booked up to three weeks ahead. */
export function contactsSql(ctx: BatchContext): string {
  const now = `'${ctx.now.toISOString()}'::timestamptz`;
  return `
insert into scale_contacts (n, i, starts_at, attend_status, medium)
select x.n, x.i, x.starts_at,
  case when x.starts_at >= ${now} then null else ${weightedCase('x.r_att', w.attendWeights)} end,
  ${weightedCase('x.r_med', w.mediumWeights)}
from (
  select b.n, i, b.first_offer + (i * 10 + case when i = 0 then 0 else floor(random() * 4) end) * interval '1 day'
      as starts_at, random() as r_att, random() as r_med
  from scale_batch b cross join lateral generate_series(0, b.contacts - 1) as i
  where b.allocated_at is not null
) x
where x.starts_at < ${now} + interval '21 days'`;
}

/**
 * What the contacts mean for the referral, as the casework services keep it: first seen (the
 * earliest attended contact), the earliest contact still only booked, and a discharge a week or
 * three after the last contact once every contact has happened.
 */
export function summariseSql(ctx: BatchContext): string {
  const now = `'${ctx.now.toISOString()}'::timestamptz`;
  return `
update scale_batch b set first_attended = s.first_attended, booked = s.booked, attended = s.attended,
  discharged_at = case when s.past = b.contacts and s.last_start + (7 + b.r_gap * 14) * interval '1 day' < ${now}
    then s.last_start + (7 + b.r_gap * 14) * interval '1 day' end
from (
  select n,
    min(starts_at) filter (where attend_status in ('attended', 'late-seen')) as first_attended,
    min(starts_at) filter (where attend_status is null) as booked,
    max(starts_at) as last_start,
    count(*) filter (where starts_at < ${now})::int as past,
    count(*) filter (where attend_status in ('attended', 'late-seen'))::int as attended
  from scale_contacts group by n
) s
where s.n = b.n`;
}
