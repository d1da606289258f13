import { type SQL, sql } from 'drizzle-orm';
import type {
  ContactFacts,
  DropInFacts,
  GroupSessionFacts,
  MeasureFacts,
  OnwardReferralFacts,
  PersonFacts,
  ReferralFacts,
} from '../../domain/reporting/mhsds/rows.js';
import type { MhsdsTableName } from '../../domain/reporting/mhsds/tables.js';
import { type LanternDb, queryRows } from '../client.js';

// The MHSDS-shaped export's reads (issue 8): read-only, run by the export service under a system
// scope, for one provider organisation and one period. Every table is read a page at a time in id
// order (keyset paging), so a large area never loads a whole table into memory. Free text is never
// selected. This is a reporting read across the referral, casework, measures, schools and online
// areas' tables; nothing here writes.

export interface ExportWhere {
  organisationId: string;
  /** The start of the first London day of the period. */
  since: Date;
  /** The start of the London day after the period. */
  until: Date;
  /** The period's last day (YYYY-MM-DD), for the school attended then. */
  lastDay: string;
}

export const PAGE_SIZE = 1000;

type Raw = Record<string, unknown>;
const at = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const atOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : at(value));
const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The young person a referral belongs to: the surviving record when two were linked. */
const patientOf = (r: SQL) =>
  sql`coalesce((select l.surviving_child_id from child_links l where l.merged_child_id = ${r}.child_id
        and l.undone_at is null order by l.recorded_at desc limit 1), ${r}.child_id)`;

/** When a referral closed: its episode closed, or triage declined or signposted it. */
const closedAtOf = (r: SQL) =>
  sql`coalesce((select e.closed_at from episodes e where e.referral_id = ${r}.id),
        case when ${r}.status in ('declined', 'signposted') then (select max(d.recorded_at) from triage_decisions d
          where d.referral_id = ${r}.id and d.invalidated_at is null and d.kind in ('decline', 'signpost')) end)`;

/** A referral of the organisation received before the period ended and not closed before it began. */
const referralInExport = (r: SQL, w: ExportWhere) =>
  sql`${r}.organisation_id = ${w.organisationId}::uuid and ${r}.received_at < ${ts(w.until)}
      and coalesce(${closedAtOf(r)}, 'infinity'::timestamptz) >= ${ts(w.since)}`;

const inPeriod = (column: SQL, w: ExportWhere) =>
  sql`${column} >= ${ts(w.since)} and ${column} < ${ts(w.until)}`;
/** Only what happened by the end of the period: a later discharge is not shown yet. */
const byEnd = (column: SQL, w: ExportWhere) => sql`case when ${column} < ${ts(w.until)} then ${column} end`;

interface Source<Facts> {
  /** `from … where …` selecting the table's rows. */
  body: (w: ExportWhere) => SQL;
  columns: (w: ExportWhere) => SQL;
  key: SQL;
  keyType: 'uuid';
  toFacts: (row: Raw) => Facts;
}

const r = sql.raw('r');

const referralColumns = (
  w: ExportWhere,
) => sql`r.id, r.reference, ${patientOf(r)} as patient_id, o.code as provider_code,
  r.received_at, r.source, r.priority, r.is_urgent, r.presenting_needs, s.kind as service_kind,
  ${byEnd(sql`e.closed_at`, w)} as closed_at, e.close_reason,
  case when r.status = 'declined' then ${byEnd(closedAtOf(r), w)} end as declined_at,
  case when r.status = 'signposted' then ${byEnd(closedAtOf(r), w)} end as signposted_at`;

const referralBody = (w: ExportWhere, extra: SQL = sql``) => sql`from referrals r
  join organisations o on o.id = r.organisation_id
  left join services s on s.id = r.service_id
  left join episodes e on e.referral_id = r.id
  where ${referralInExport(r, w)} ${extra}`;

const toReferral = (row: Raw): ReferralFacts => ({
  referralId: String(row.id),
  reference: String(row.reference),
  patientId: String(row.patient_id),
  providerCode: String(row.provider_code),
  receivedAt: at(row.received_at),
  source: String(row.source),
  priority: text(row.priority),
  isUrgent: Boolean(row.is_urgent),
  presentingNeeds: (row.presenting_needs as string[] | null) ?? [],
  serviceKind: text(row.service_kind),
  closedAt: atOrNull(row.closed_at),
  closeReason: text(row.close_reason),
  declinedAt: atOrNull(row.declined_at),
  signpostedAt: atOrNull(row.signposted_at),
});

const contactSource = (attendedOnly: boolean): Source<ContactFacts> => ({
  body: (w) => sql`from care_contacts c join referrals r on r.id = c.referral_id
    left join episodes e on e.referral_id = r.id
    where ${referralInExport(r, w)} and ${inPeriod(sql`c.starts_at`, w)}
    ${attendedOnly ? sql`and c.attend_status in ('attended', 'late-seen')` : sql``}`,
  columns: () => sql`c.id, r.reference, ${patientOf(r)} as patient_id, c.starts_at, c.medium, c.attend_status,
    c.kind, e.intervention`,
  key: sql`c.id`,
  keyType: 'uuid',
  toFacts: (row) => ({
    contactId: String(row.id),
    reference: String(row.reference),
    patientId: String(row.patient_id),
    startsAt: at(row.starts_at),
    medium: String(row.medium),
    attendStatus: text(row.attend_status),
    isGroupTherapy: row.kind === 'group-therapy',
    intervention: text(row.intervention),
  }),
});

const measureSource = (withContact: boolean): Source<MeasureFacts> => ({
  body: (w) => sql`from measure_responses m join referrals r on r.id = m.referral_id
    where ${referralInExport(r, w)} and ${inPeriod(sql`m.completed_at`, w)}
      and m.contact_id is ${withContact ? sql`not null` : sql`null`}`,
  columns: () => sql`m.id, r.reference, m.contact_id, m.instrument_id, m.respondent, m.total, m.completed_at`,
  key: sql`m.id`,
  keyType: 'uuid',
  toFacts: (row) => ({
    responseId: String(row.id),
    reference: String(row.reference),
    contactId: text(row.contact_id),
    instrumentId: String(row.instrument_id),
    respondent: String(row.respondent),
    total: num(row.total),
    completedAt: at(row.completed_at),
  }),
});

const sources = {
  MHS001MPI: {
    body: (
      w,
    ) => sql`from (select distinct ${patientOf(r)} as patient_id from referrals r where ${referralInExport(r, w)}) p
      join children c on c.id = p.patient_id
      cross join (select code from organisations where id = ${w.organisationId}::uuid) o
      where true`,
    columns: (
      w,
    ) => sql`p.patient_id, o.code as provider_code, c.nhs_number, c.date_of_birth::text as date_of_birth,
      c.gender, c.ethnicity,
      coalesce((select cs.school_urn from child_schools cs where cs.child_id = c.id and cs.from_date <= ${w.lastDay}::date
          and (cs.to_date is null or cs.to_date >= ${w.lastDay}::date) order by cs.from_date desc limit 1),
        (select r2.school_urn from referrals r2 where r2.child_id = c.id and r2.school_urn is not null
          order by r2.received_at desc limit 1)) as school_urn`,
    key: sql`p.patient_id`,
    keyType: 'uuid',
    toFacts: (row): PersonFacts => ({
      patientId: String(row.patient_id),
      providerCode: String(row.provider_code),
      nhsNumber: text(row.nhs_number),
      dateOfBirth: String(row.date_of_birth).slice(0, 10),
      gender: text(row.gender),
      ethnicity: text(row.ethnicity),
      schoolUrn: num(row.school_urn),
    }),
  } satisfies Source<PersonFacts>,
  MHS101Referral: {
    body: (w) => referralBody(w),
    columns: referralColumns,
    key: sql`r.id`,
    keyType: 'uuid',
    toFacts: toReferral,
  } satisfies Source<ReferralFacts>,
  MHS102OtherServiceType: {
    body: (w) => referralBody(w, sql`and r.service_id is not null`),
    columns: referralColumns,
    key: sql`r.id`,
    keyType: 'uuid',
    toFacts: toReferral,
  } satisfies Source<ReferralFacts>,
  MHS105OnwardReferral: {
    body: (w) => sql`from onward_referrals x join referrals r on r.id = x.referral_id
      left join organisations o on o.id = x.organisation_id
      where ${referralInExport(r, w)} and ${inPeriod(sql`x.referred_at`, w)}`,
    columns: () => sql`x.id, r.reference, x.direction, x.referred_at, o.code as receiving_code`,
    key: sql`x.id`,
    keyType: 'uuid',
    toFacts: (row): OnwardReferralFacts => ({
      onwardReferralId: String(row.id),
      reference: String(row.reference),
      direction: String(row.direction),
      referredAt: at(row.referred_at),
      receivingOrganisationCode: text(row.receiving_code),
    }),
  } satisfies Source<OnwardReferralFacts>,
  MHS201CareContact: contactSource(false),
  MHS202CareActivity: contactSource(true),
  MHS301GroupSession: {
    body: (
      w,
    ) => sql`from group_sessions g join teams t on t.id = g.team_id join services s on s.id = t.service_id
      join organisations o on o.id = s.provider_id
      where s.provider_id = ${w.organisationId}::uuid and ${inPeriod(sql`g.held_at`, w)}`,
    columns: () => sql`g.id, o.code as provider_code, g.held_at, g.kind, g.attendee_count, g.school_urn`,
    key: sql`g.id`,
    keyType: 'uuid',
    toFacts: (row): GroupSessionFacts => ({
      sessionId: String(row.id),
      providerCode: String(row.provider_code),
      heldAt: at(row.held_at),
      kind: String(row.kind),
      attendeeCount: Number(row.attendee_count),
      schoolUrn: Number(row.school_urn),
    }),
  } satisfies Source<GroupSessionFacts>,
  MHS302MHDropInContact: {
    body: (w) => sql`from online_chats ch join online_services os on os.id = ch.service_id
      join organisations o on o.id = os.organisation_id
      join online_accounts a on a.id = ch.account_id
      where os.organisation_id = ${w.organisationId}::uuid and ch.kind = 'drop-in'
        and ${inPeriod(sql`ch.taken_at`, w)}`,
    columns: () => sql`ch.id, o.code as provider_code, ch.taken_at, a.age_at_sign_up, a.gender`,
    key: sql`ch.id`,
    keyType: 'uuid',
    toFacts: (row): DropInFacts => ({
      chatId: String(row.id),
      providerCode: String(row.provider_code),
      startedAt: at(row.taken_at),
      ageAtSignUp: Number(row.age_at_sign_up),
      gender: String(row.gender),
    }),
  } satisfies Source<DropInFacts>,
  MHS606CodedScoreAssessmentRefer: measureSource(false),
  MHS607CodedScoreAssessmentAct: measureSource(true),
} satisfies Record<MhsdsTableName, Source<unknown>>;

export type FactsOf<T extends MhsdsTableName> = ReturnType<(typeof sources)[T]['toFacts']>;

/** How many rows a table of the export has for the period. */
export async function countRows(db: LanternDb, table: MhsdsTableName, where: ExportWhere): Promise<number> {
  const source: Source<unknown> = sources[table];
  const [row] = await queryRows<{ n: number | string }>(db, sql`select count(*) as n ${source.body(where)}`);
  return Number(row?.n ?? 0);
}

/**
 * One page of a table's rows in id order, after the id `after` (null for the first page). `next`
 * is the id to ask after for the following page, or null when this was the last.
 */
export async function pageRows<T extends MhsdsTableName>(
  db: LanternDb,
  table: T,
  where: ExportWhere,
  after: string | null,
  pageSize = PAGE_SIZE,
): Promise<{ rows: FactsOf<T>[]; next: string | null }> {
  const source = sources[table] as Source<FactsOf<T>>;
  const keyset = after === null ? sql`` : sql`and ${source.key} > ${after}::uuid`;
  const raw = await queryRows<Raw>(
    db,
    sql`select ${source.key}::text as page_key, ${source.columns(where)} ${source.body(where)} ${keyset}
        order by ${source.key} limit ${pageSize}`,
  );
  const last = raw.at(-1);
  return {
    rows: raw.map(source.toFacts),
    next: raw.length === pageSize && last ? String(last.page_key) : null,
  };
}
