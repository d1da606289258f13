import { scaleIdSql, scaleReferenceSql, weightedCase } from './scale-sql.js';
import * as w from './scale-weights.js';

// From the batch's temporary tables into Lantern's own tables, in the order the foreign keys need:
// children, referrals, triage decisions, allocations, episodes, care contacts, clock-stop milestones.
// Each statement returns its row count through the driver; nothing else is read back.

const referralStatus = `case
  when b.decided_at is null then 'received'
  when b.outcome = 'signpost' then 'signposted'
  when b.outcome = 'decline' then 'declined'
  when b.outcome = 'more-information' then 'more-information-requested'
  when b.allocated_at is null then 'accepted'
  when b.discharged_at is not null then 'discharged'
  when b.first_attended is not null then 'in-intervention'
  else 'allocated' end`;

/** How the episode closed: did-not-engage when never seen, otherwise a weighted reason. */
const closeReason = `case when b.discharged_at is null then null when b.attended = 0 then 'did-not-engage'
  else ${weightedCase('b.r_close', w.closeReasonWeights)} end`;

/** The tables a batch writes, in order. */
export type ScaleTable =
  | 'children'
  | 'referrals'
  | 'triage_decisions'
  | 'allocations'
  | 'episodes'
  | 'care_contacts'
  | 'episode_milestones';

export function insertStatements(run: number, now: Date): { table: ScaleTable; sql: string }[] {
  const at = `'${now.toISOString()}'::timestamptz`;
  const child = scaleIdSql('child', run, 'b.n');
  const referral = scaleIdSql('referral', run, 'b.n');
  return [
    {
      table: 'children',
      sql: `insert into children (id, given_name, family_name, date_of_birth, nhs_number, postcode, gender,
          ethnicity, special_educational_needs, lgbt_plus, is_fictional, created_at)
        select ${child}, b.given, b.family,
          (b.received_at - make_interval(years => b.age) - floor(b.r_dob * 364) * interval '1 day')::date,
          b.nhs, b.postcode, b.gender, b.ethnicity, b.sen, b.lgbt, true, b.received_at
        from scale_batch b`,
    },
    {
      table: 'referrals',
      sql: `insert into referrals (id, reference, child_id, received_at, source, referrer_user_id, school_urn,
          organisation_id, service_id, team_id, allocated_user_id, status, presenting_needs, is_urgent, priority,
          thrive_grouping, need_description, recent_self_harm, risk_to_life_now, information_requested_at,
          allocated_at, first_contact_at, booked_contact_at, created_at)
        select ${referral}, ${scaleReferenceSql(run, 'b.n')}, ${child}, b.received_at, b.source::referral_source,
          b.referrer, b.urn, b.org_id, b.service_id, b.team_id,
          case when b.allocated_at is not null then b.practitioner end,
          ${referralStatus}, b.needs, b.is_urgent, b.priority, b.thrive,
          'A fictional referral made to test Lantern at scale.', b.self_harm, b.risk_now,
          case when b.outcome = 'more-information' then b.decided_at end,
          b.allocated_at, b.first_attended, b.booked, b.received_at
        from scale_batch b`,
    },
    {
      table: 'triage_decisions',
      sql: `insert into triage_decisions (id, referral_id, kind, thrive_grouping, priority, service_id, team_id,
          information_sent, question, decline_reason, recorded_at, recorded_by)
        select ${scaleIdSql('decision', run, 'b.n')}, ${referral}, b.outcome, b.thrive, b.priority,
          case when b.outcome = 'accept' then b.service_id end, case when b.outcome = 'accept' then b.team_id end,
          case when b.outcome = 'signpost' then 'Information about other support near them.' end,
          case when b.outcome = 'more-information' then 'How are things at school at the moment?' end,
          b.decline_reason, b.decided_at, b.spa
        from scale_batch b where b.decided_at is not null`,
    },
    {
      table: 'allocations',
      sql: `insert into allocations (id, referral_id, team_id, kind, user_id, reason, recorded_at, recorded_by,
          ended_at, ended_by, end_reason)
        select ${scaleIdSql('allocation', run, 'b.n')}, ${referral}, b.team_id, 'practitioner', b.practitioner,
          'Next on the waiting list', b.allocated_at, b.practitioner, b.discharged_at,
          case when b.discharged_at is not null then b.practitioner end,
          case when b.discharged_at is not null then 'episode closed' end
        from scale_batch b where b.allocated_at is not null`,
    },
    {
      table: 'episodes',
      sql: `insert into episodes (id, referral_id, opened_at, opened_by, intervention, intervention_chosen_at,
          status, closed_at, closed_by, close_reason, close_outcome)
        select ${scaleIdSql('episode', run, 'x.n')}, ${scaleIdSql('referral', run, 'x.n')}, x.allocated_at,
          x.practitioner, x.intervention, case when x.intervention is not null then x.first_attended end,
          case when x.reason is null then 'open' when x.reason in ('stepped-up', 'stepped-down') then x.reason
            else 'discharged' end,
          x.discharged_at, case when x.discharged_at is not null then x.practitioner end, x.reason,
          case when x.reason = 'did-not-engage' then 'not-known'
            when x.reason is not null and x.reason not in ('stepped-up', 'stepped-down')
            then ${weightedCase('x.r_outcome', w.closeOutcomeWeights)} end
        from (
          select b.*, ${closeReason} as reason,
            case when b.first_attended is not null then ${weightedCase('b.r_interv', w.interventionWeights)} end
              as intervention
          from scale_batch b where b.allocated_at is not null offset 0
        ) x`,
    },
    {
      table: 'care_contacts',
      sql: `insert into care_contacts (id, referral_id, practitioner_user_id, starts_at, school_urn, kind,
          attend_status, medium, recorded_at, recorded_by)
        select ${scaleIdSql('contact', run, 'c.n * 8 + c.i')}, ${referral}, b.practitioner, c.starts_at,
          case when c.medium = 'in-person' and b.dest = 'mhst' then b.urn end, 'one-to-one', c.attend_status,
          c.medium, case when c.attend_status is null then b.allocated_at else c.starts_at + interval '2 hours' end,
          b.practitioner
        from scale_contacts c join scale_batch b on b.n = c.n`,
    },
    {
      table: 'episode_milestones',
      sql: `insert into episode_milestones (id, referral_id, milestone, occurred_at, recorded_at, recorded_by)
        select ${scaleIdSql('milestone', run, 'b.n * 4 + m.k')}, ${referral}, m.milestone,
          b.first_attended + m.days * interval '1 day', b.first_attended + m.days * interval '1 day', b.practitioner
        from scale_batch b
        cross join (values (0, 'assessment', 0), (1, 'baseline-measure', 0), (2, 'care-plan', 7),
          (3, 'intervention', 14)) as m(k, milestone, days)
        where b.first_attended is not null and b.first_attended + m.days * interval '1 day' < ${at}
          and (b.discharged_at is null or b.first_attended + m.days * interval '1 day' <= b.discharged_at)`,
    },
  ];
}
