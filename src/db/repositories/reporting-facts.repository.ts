import { type SQL, sql } from 'drizzle-orm';
import { ageBands, ethnicGroups } from '../../domain/reporting/dimensions.js';
import { type LanternDb, queryRows } from '../client.js';

// Facts for reporting (issue 8): the base tables read once, into temporary tables holding one row
// per event at full detail (every dimension), for the rollup jobs and for the base-table figures.
// Run as the system scope inside one transaction; nothing here leaves the database except through
// the rollup tables, which hold counts only.

/** Dimension columns, in the order the rollup tables keep them. */
export const DIMS = [
  'icb',
  'local_authority',
  'team',
  'school',
  'age_band',
  'gender',
  'ethnicity',
  'sen',
  'lgbt',
] as const;
export const dimList = sql.raw(DIMS.join(', '));

/** A London calendar date's first instant. */
export const londonStart = (day: string) => sql`(${day}::date::timestamp at time zone 'Europe/London')`;
const londonDay = (column: SQL) => sql`(${column} at time zone 'Europe/London')::date`;

export interface FactRange {
  /** First and last London day, inclusive. */
  from: string;
  to: string;
}
const inRange = (column: SQL, range: FactRange) =>
  sql`${column} >= ${londonStart(range.from)} and ${column} < (${londonStart(range.to)} + interval '1 day')`;

/** The age band at referral, from an SQL expression for the age in whole years. */
const ageBandCase = (age: string) =>
  sql.raw(
    `case ${ageBands.map((b) => `when ${age} between ${b.low} and ${b.high} then '${b.code}'`).join(' ')} else '' end`,
  );
const ethnicGroupSql = sql.raw(
  `case ${Object.entries(ethnicGroups)
    .map(
      ([code, g]) => `when c.ethnicity in (${g.categories.map((c) => `'${c}'`).join(', ')}) then '${code}'`,
    )
    .join(' ')} else '' end`,
);

/** Joins a referral `r` to its child `c` and works out every dimension (see the column list). */
const referralDims = sql`
  coalesce(ri.code, li.code, '') as icb,
  coalesce(la.code, '') as local_authority,
  coalesce(r.team_id::text, '') as team,
  coalesce(r.school_urn::text, '') as school,
  ${ageBandCase("extract(year from age((r.received_at at time zone 'Europe/London')::date, c.date_of_birth))")} as age_band,
  coalesce(c.gender, '') as gender,
  ${ethnicGroupSql} as ethnicity,
  coalesce(c.special_educational_needs, '') as sen,
  coalesce(c.lgbt_plus, '') as lgbt`;
const referralJoins = sql`
  join children c on c.id = r.child_id
  left join schools s on s.urn = r.school_urn
  left join postcode_districts pd on pd.district = upper(split_part(coalesce(c.postcode, ''), ' ', 1))
  left join organisations la on la.id = coalesce(s.local_authority_id, pd.local_authority_id)
  left join reporting_icb ri on ri.id = r.organisation_id
  left join reporting_icb li on li.id = la.id`;
/** Dimensions of something that happened at a school (a team's work): place only. */
const placeDims = (team: SQL, school: SQL) => sql`
  coalesce(li.code, ti.code, '') as icb, coalesce(la.code, '') as local_authority,
  coalesce(${team}::text, '') as team, coalesce(${school}::text, '') as school,
  '' as age_band, '' as gender, '' as ethnicity, '' as sen, '' as lgbt`;

/** Fresh temporary tables for one transaction's facts, and the ICB of every organisation. */
export async function prepareFactTables(tx: LanternDb): Promise<void> {
  const dims = sql.raw(DIMS.map((d) => `${d} text not null`).join(', '));
  for (const table of [
    'reporting_facts',
    'reporting_people_facts',
    'reporting_snapshot_facts',
    'reporting_icb',
  ]) {
    await tx.execute(sql.raw(`drop table if exists pg_temp.${table}`));
  }
  await tx.execute(
    sql`create temp table reporting_facts (day date not null, measure text not null, ${dims}, bucket int not null, value bigint not null) on commit drop`,
  );
  await tx.execute(
    sql`create temp table reporting_people_facts (day date not null, measure text not null, subject_id uuid not null, ${dims}, value int not null) on commit drop`,
  );
  await tx.execute(
    sql`create temp table reporting_snapshot_facts (as_of date not null, measure text not null, ${dims}, bucket int not null, value bigint not null) on commit drop`,
  );
  await tx.execute(sql`create temp table reporting_icb on commit drop as
    with recursive up as (
      select id as org, id, parent_id, kind::text as kind, code from organisations
      union all
      select up.org, o.id, o.parent_id, o.kind::text, o.code from organisations o join up on o.id = up.parent_id
    )
    select org as id, min(code) filter (where kind = 'integrated-care-board') as code from up group by org`);
}

/** Events dated in the range: referrals, triage, first contacts, clock stops, calls, workshops. */
export async function insertEventFacts(tx: LanternDb, range: FactRange, now: Date): Promise<void> {
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const closing = sql`('accept', 'signpost', 'decline')`;
  await tx.execute(sql`insert into reporting_facts (day, measure, ${dimList}, bucket, value)
    select e.day, e.measure, ${referralDims}, e.bucket, e.value
    from (
      select r.id as referral_id, ${londonDay(sql`r.received_at`)} as day, m.measure, 0 as bucket, 1 as value
      from referrals r
      cross join lateral (values ('referrals'), ('referrals-source-' || r.source::text),
        (case when r.is_urgent then 'referrals-urgent' end)) m(measure)
      where ${inRange(sql`r.received_at`, range)} and m.measure is not null
      union all
      select d.referral_id, ${londonDay(sql`d.recorded_at`)}, m.measure, 0, 1
      from triage_decisions d
      cross join lateral (values ('referrals-triaged'), (case when d.kind = 'decline' then 'referrals-declined' end)) m(measure)
      where ${inRange(sql`d.recorded_at`, range)} and d.kind in ${closing} and d.invalidated_at is null
        and m.measure is not null
        and not exists (select 1 from triage_decisions e where e.referral_id = d.referral_id
          and e.kind in ${closing} and e.invalidated_at is null and (e.recorded_at, e.id) < (d.recorded_at, d.id))
      union all
      select w.id, w.day, m.measure, m.bucket, 1
      from (
        select r.id, ${londonDay(sql`r.first_contact_at`)} as day,
          greatest(0, ${londonDay(sql`r.first_contact_at`)} - ${londonDay(sql`r.received_at`)}) as days
        from referrals r where ${inRange(sql`r.first_contact_at`, range)}
      ) w
      cross join lateral (values ('first-contacts', 0), ('wait-first-contact', w.days),
        (case when w.days <= 28 then 'first-contacts-within-4-weeks' end, 0)) m(measure, bucket)
      where m.measure is not null
      union all
      select st.referral_id, ${londonDay(sql`st.stopped_at`)}, m.measure, m.bucket, 1
      from (
        select f.referral_id, max(f.first_at) as stopped_at,
          greatest(0, ${londonDay(sql`max(f.first_at)`)} - ${londonDay(sql`min(f.received_at)`)}) as days
        from (
          select em.referral_id, em.milestone, min(em.occurred_at) as first_at, min(r.received_at) as received_at
          from episode_milestones em join referrals r on r.id = em.referral_id
          where em.invalidated_at is null and em.occurred_at >= r.received_at and em.occurred_at <= ${nowSql}
            and em.referral_id in (select referral_id from episode_milestones
              where invalidated_at is null and ${inRange(sql`occurred_at`, range)})
          group by em.referral_id, em.milestone
        ) f group by f.referral_id having count(distinct f.milestone) = 4
      ) st
      cross join lateral (values ('clock-stops', 0), ('wait-clock-stop', st.days::int),
        (case when st.days <= 28 then 'clock-stops-within-4-weeks' end, 0)) m(measure, bucket)
      where ${inRange(sql`st.stopped_at`, range)} and m.measure is not null
    ) e
    join referrals r on r.id = e.referral_id
    ${referralJoins}`);
  await tx.execute(sql`insert into reporting_facts (day, measure, ${dimList}, bucket, value)
    select ${londonDay(sql`k.received_at`)}, 'consultation-calls', ${placeDims(sql`k.team_id`, sql`k.school_urn`)}, 0, 1
    from consultation_calls k
    left join schools s on s.urn = k.school_urn
    left join organisations la on la.id = s.local_authority_id
    left join reporting_icb li on li.id = la.id
    left join teams t on t.id = k.team_id
    left join services sv on sv.id = t.service_id
    left join reporting_icb ti on ti.id = sv.provider_id
    where ${inRange(sql`k.received_at`, range)}
    union all
    select ${londonDay(sql`g.held_at`)}, 'workshops', ${placeDims(sql`g.team_id`, sql`g.school_urn`)}, 0, 1
    from group_sessions g
    left join schools s on s.urn = g.school_urn
    left join organisations la on la.id = s.local_authority_id
    left join reporting_icb li on li.id = la.id
    left join teams t on t.id = g.team_id
    left join services sv on sv.id = t.service_id
    left join reporting_icb ti on ti.id = sv.provider_id
    where ${inRange(sql`g.held_at`, range)}`);
}

/**
 * Attended contacts in the range, one row per contact, under the child and the dimensions of the
 * referral it belongs to. `children` limits it to some children (a day's rollup recounting the
 * people it touched over their periods).
 */
export async function insertContactPeopleFacts(
  tx: LanternDb,
  range: FactRange,
  children: 'all' | 'of-day-facts',
): Promise<void> {
  const contacts =
    children === 'all'
      ? sql`care_contacts cc join referrals r on r.id = cc.referral_id`
      : // The day's people come first, as written: with the place joins the query has more tables
        // than PostgreSQL reorders (join_collapse_limit), and as a filter they were joined last,
        // after every contact of the year (34.8 s at 10 million referrals; 0.4 to 1.5 s this way).
        sql`reporting_people_day p join referrals r on r.child_id = p.subject_id and p.measure = 'attended-contacts'
          join care_contacts cc on cc.referral_id = r.id`;
  await tx.execute(sql`insert into reporting_people_facts (day, measure, subject_id, ${dimList}, value)
    select ${londonDay(sql`cc.starts_at`)}, 'attended-contacts', r.child_id, ${referralDims}, 1
    from ${contacts}
    ${referralJoins}
    where cc.attend_status in ('attended', 'late-seen') and ${inRange(sql`cc.starts_at`, range)}`);
}

/** Online chats taken and messages from young people in the range, with what the domain rules need. */
export async function onlineEvents(
  tx: LanternDb,
  range: FactRange,
  accounts: 'all' | 'of-day-facts',
): Promise<
  {
    kind: 'chat' | 'message';
    accountId: string;
    chatKind: string | null;
    at: Date;
    takenAt: Date | null;
    gender: string;
    ageAtSignUp: number;
    signedUpAt: Date;
  }[]
> {
  const only =
    accounts === 'all'
      ? sql``
      : sql`and a.id in (select subject_id from reporting_people_day where measure = 'online-use')`;
  const rows = await queryRows<{
    kind: 'chat' | 'message';
    account_id: string;
    chat_kind: string | null;
    at: Date | string;
    taken_at: Date | string | null;
    gender: string;
    age_at_sign_up: number;
    signed_up_at: Date | string;
  }>(
    tx,
    sql`select 'chat' as kind, a.id as account_id, ch.kind as chat_kind, ch.queued_at as at, ch.taken_at,
          a.gender, a.age_at_sign_up, a.signed_up_at
        from online_chats ch join online_accounts a on a.id = ch.account_id
        where ch.taken_at is not null and ${inRange(sql`ch.queued_at`, range)} ${only}
        union all
        select 'message', a.id, null, m.sent_at, null, a.gender, a.age_at_sign_up, a.signed_up_at
        from online_messages m join online_accounts a on a.id = m.account_id
        where m.direction = 'from-young-person' and ${inRange(sql`m.sent_at`, range)} ${only}`,
  );
  const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));
  return rows.map((r) => ({
    kind: r.kind,
    accountId: r.account_id,
    chatKind: r.chat_kind,
    at: date(r.at),
    takenAt: r.taken_at === null ? null : date(r.taken_at),
    gender: r.gender,
    ageAtSignUp: Number(r.age_at_sign_up),
    signedUpAt: date(r.signed_up_at),
  }));
}

export interface FactRow {
  day: string;
  measure: string;
  dims: Record<(typeof DIMS)[number], string>;
  bucket: number;
  value: number;
}
export interface PeopleFactRow {
  day: string;
  measure: string;
  subjectId: string;
  dims: Record<(typeof DIMS)[number], string>;
  value: number;
}

const BATCH = 500;

/** Facts worked out in TypeScript (online support, whose rules live in the domain), added in batches. */
export async function insertFactRows(tx: LanternDb, rows: readonly FactRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map(
      (r) =>
        sql`(${r.day}::date, ${r.measure}, ${sql.join(
          DIMS.map((d) => sql`${r.dims[d]}`),
          sql`, `,
        )}, ${r.bucket}, ${r.value})`,
    );
    await tx.execute(
      sql`insert into reporting_facts (day, measure, ${dimList}, bucket, value) values ${sql.join(values, sql`, `)}`,
    );
  }
}

export async function insertPeopleFactRows(tx: LanternDb, rows: readonly PeopleFactRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map(
      (r) =>
        sql`(${r.day}::date, ${r.measure}, ${r.subjectId}::uuid, ${sql.join(
          DIMS.map((d) => sql`${r.dims[d]}`),
          sql`, `,
        )}, ${r.value})`,
    );
    await tx.execute(
      sql`insert into reporting_people_facts (day, measure, subject_id, ${dimList}, value) values ${sql.join(values, sql`, `)}`,
    );
  }
}

/**
 * Snapshot facts at an instant, dated `asOf`: the waiting list (referrals received and not yet
 * seen, declined, signposted or discharged by then, with days waited) and the schools a Mental
 * Health Support Team covers (as recorded now: no history is kept of teams' school lists).
 */
export async function insertSnapshotFacts(tx: LanternDb, asOf: string, at: Date): Promise<void> {
  const atSql = sql`${at.toISOString()}::timestamptz`;
  await tx.execute(sql`insert into reporting_snapshot_facts (as_of, measure, ${dimList}, bucket, value)
    select ${asOf}::date, m.measure, ${referralDims}, m.bucket, 1
    from referrals r
    ${referralJoins}
    cross join lateral (values ('waiting-list', 0),
      ('waiting-list-longest', greatest(0, ${londonDay(atSql)} - ${londonDay(sql`r.received_at`)}))) m(measure, bucket)
    where r.received_at < ${atSql}
      and (r.first_contact_at is null or r.first_contact_at >= ${atSql})
      and not exists (select 1 from triage_decisions d where d.referral_id = r.id
        and d.kind in ('decline', 'signpost') and d.invalidated_at is null and d.recorded_at < ${atSql})
      and not exists (select 1 from episodes ep where ep.referral_id = r.id and ep.closed_at < ${atSql})`);
  await tx.execute(sql`insert into reporting_snapshot_facts (as_of, measure, ${dimList}, bucket, value)
    select ${asOf}::date, m.measure, coalesce(li.code, ti.code, ''), coalesce(la.code, ''), ts.team_id::text,
      s.urn::text, '', '', '', '', '', 0, m.value
    from (select distinct on (school_urn) school_urn, team_id from team_schools order by school_urn, team_id) ts
    join schools s on s.urn = ts.school_urn
    left join organisations la on la.id = s.local_authority_id
    left join reporting_icb li on li.id = la.id
    join teams t on t.id = ts.team_id
    left join services sv on sv.id = t.service_id
    left join reporting_icb ti on ti.id = sv.provider_id
    cross join lateral (values ('schools-covered', 1), ('pupils-covered', s.pupil_count)) m(measure, value)`);
}

/** Episodes of care closed in the range, with the referral's dimensions and contacts attended by then. */
export async function closedEpisodes(
  tx: LanternDb,
  range: FactRange,
): Promise<
  {
    episodeId: string;
    organisationId: string | null;
    day: string;
    contactsAttended: number;
    dims: Record<(typeof DIMS)[number], string>;
  }[]
> {
  const rows = await queryRows<
    Record<(typeof DIMS)[number], string> & {
      episode_id: string;
      organisation_id: string | null;
      day: string | Date;
      contacts: number | string;
    }
  >(
    tx,
    sql`select ep.id as episode_id, r.organisation_id, ${londonDay(sql`ep.closed_at`)}::text as day,
          (select count(*) from care_contacts cc where cc.referral_id = r.id
            and cc.attend_status in ('attended', 'late-seen') and cc.starts_at <= ep.closed_at) as contacts,
          ${referralDims}
        from episodes ep join referrals r on r.id = ep.referral_id
        ${referralJoins}
        where ep.closed_at is not null and ep.status <> 'open' and ${inRange(sql`ep.closed_at`, range)}`,
  );
  return rows.map((r) => ({
    episodeId: r.episode_id,
    organisationId: r.organisation_id,
    day: String(r.day).slice(0, 10),
    contactsAttended: Number(r.contacts),
    dims: Object.fromEntries(DIMS.map((d) => [d, r[d]])) as Record<(typeof DIMS)[number], string>,
  }));
}

/** The scored questionnaires of episodes closed in the range, completed by the day they closed. */
export async function measureUsesOfClosedEpisodes(
  tx: LanternDb,
  range: FactRange,
): Promise<{ episodeId: string; instrumentId: string; respondent: string; at: Date; total: number }[]> {
  const rows = await queryRows<{
    episode_id: string;
    instrument_id: string;
    respondent: string;
    completed_at: Date | string;
    total: number | string;
  }>(
    tx,
    sql`select ep.id as episode_id, m.instrument_id, m.respondent, m.completed_at, m.total
        from episodes ep join measure_responses m on m.referral_id = ep.referral_id
        where ep.closed_at is not null and ep.status <> 'open' and ${inRange(sql`ep.closed_at`, range)}
          and m.total is not null and m.completed_at <= ep.closed_at
        order by ep.id, m.completed_at, m.id`,
  );
  return rows.map((r) => ({
    episodeId: r.episode_id,
    instrumentId: r.instrument_id,
    respondent: r.respondent,
    at: r.completed_at instanceof Date ? r.completed_at : new Date(r.completed_at),
    total: Number(r.total),
  }));
}

/**
 * Every closed confidence survey, with its answers, of the schools with a survey whose last day is
 * in the range (closes_at is the first instant of the day after the last day), and each school's
 * place dimensions. The domain rules pick the first and latest with results.
 */
export async function confidenceSurveysOfRange(
  tx: LanternDb,
  range: FactRange,
  now: Date,
): Promise<{
  surveys: {
    id: string;
    schoolUrn: number;
    opensAt: Date;
    closesAt: Date;
    dims: Record<(typeof DIMS)[number], string>;
  }[];
  answers: { surveyId: string; answers: Record<string, number> }[];
}> {
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const schoolsOfRange = sql`select school_urn from confidence_surveys
    where closes_at <= ${nowSql} and closes_at > ${londonStart(range.from)}
      and closes_at <= (${londonStart(range.to)} + interval '1 day')`;
  const surveys = await queryRows<
    Record<(typeof DIMS)[number], string> & {
      id: string;
      school_urn: number;
      opens_at: Date | string;
      closes_at: Date | string;
    }
  >(
    tx,
    sql`select cs.id, cs.school_urn, cs.opens_at, cs.closes_at,
          ${placeDims(sql`ts.team_id`, sql`cs.school_urn`)}
        from confidence_surveys cs
        join schools s on s.urn = cs.school_urn
        left join organisations la on la.id = s.local_authority_id
        left join reporting_icb li on li.id = la.id
        left join (select distinct on (school_urn) school_urn, team_id from team_schools
          order by school_urn, team_id) ts on ts.school_urn = cs.school_urn
        left join teams t on t.id = ts.team_id
        left join services sv on sv.id = t.service_id
        left join reporting_icb ti on ti.id = sv.provider_id
        where cs.closes_at <= ${nowSql} and cs.school_urn in (${schoolsOfRange})
        order by cs.school_urn, cs.opens_at, cs.id`,
  );
  const answers = await queryRows<{ survey_id: string; answers: Record<string, number> | string }>(
    tx,
    sql`select a.survey_id, a.answers from confidence_survey_responses a
        join confidence_surveys cs on cs.id = a.survey_id
        where cs.closes_at <= ${nowSql} and cs.school_urn in (${schoolsOfRange})`,
  );
  const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));
  return {
    surveys: surveys.map((r) => ({
      id: r.id,
      schoolUrn: Number(r.school_urn),
      opensAt: date(r.opens_at),
      closesAt: date(r.closes_at),
      dims: Object.fromEntries(DIMS.map((d) => [d, r[d]])) as Record<(typeof DIMS)[number], string>,
    })),
    answers: answers.map((a) => ({
      surveyId: a.survey_id,
      answers: typeof a.answers === 'string' ? JSON.parse(a.answers) : a.answers,
    })),
  };
}
