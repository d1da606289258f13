import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { organisations, schools, services, teams } from './organisations.js';
import { children } from './people.js';

// Owned by the `referrals` area. Every table here holds a child's data: forced row-level security
// (migration 0006), listed in childDataTables.

export const referralSource = pgEnum('referral_source', ['school', 'gp', 'professional', 'parent', 'self']);

export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short reference the referrer can quote, such as LV-7K3P-QX: never contains personal data. */
    reference: text('reference').notNull().unique(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** The waiting clock starts here (MHSDS ReferralRequestReceivedDate). */
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    source: referralSource('source').notNull(),
    /** The member of staff who referred, for referrals made by signed-in staff. */
    referrerUserId: uuid('referrer_user_id').references(() => users.id),
    /** The child's school when referred: a school's senior mental health lead sees its referrals. */
    schoolUrn: integer('school_urn').references(() => schools.urn),
    /** The organisation responsible for the referral now. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    serviceId: uuid('service_id').references(() => services.id),
    teamId: uuid('team_id').references(() => teams.id),
    /** The practitioner the referral is allocated to now; the allocations table keeps the history. */
    allocatedUserId: uuid('allocated_user_id').references(() => users.id),
    /** The family's single point of contact, who may work for another agency. */
    leadWorkerUserId: uuid('lead_worker_user_id').references(() => users.id),
    status: text('status').notNull().default('received'),
    presentingNeeds: text('presenting_needs').array().notNull().default([]),
    isUrgent: boolean('is_urgent').notNull().default(false),
    /** Set by triage (`priorityCodes`); the queue ranks `isUrgent` as urgent until then. */
    priority: text('priority'),
    thriveGrouping: text('thrive_grouping'),
    /** In the referrer's or young person's own words. Stored as given; shown as text, never as HTML. */
    needDescription: text('need_description').notNull().default(''),
    /** How long: weeks, months, over-a-year. How much it affects daily life: a-little, quite-a-lot, a-lot. */
    needDuration: text('need_duration'),
    needImpact: text('need_impact'),
    triedSoFar: text('tried_so_far').notNull().default(''),
    riskToLifeNow: boolean('risk_to_life_now').notNull().default(false),
    recentSelfHarm: boolean('recent_self_harm').notNull().default(false),
    riskToOthers: boolean('risk_to_others').notNull().default(false),
    riskDetails: text('risk_details').notNull().default(''),
    /** Who referred, as they told us: for public referrals the only record of the referrer. */
    referrerName: text('referrer_name'),
    referrerRole: text('referrer_role'),
    referrerOrganisation: text('referrer_organisation'),
    referrerPhone: text('referrer_phone'),
    referrerEmail: text('referrer_email'),
    /** Set while triage waits for the referrer's answer; cleared when it arrives (docs/adr/0012). */
    informationRequestedAt: timestamp('information_requested_at', { withTimezone: true }),
    /**
     * Kept by the allocation and casework services in the same transaction as the rows they come
     * from (allocations, care_contacts), so waiting lists read one row per referral: when it was
     * first allocated, first seen (an attended contact), and the earliest contact booked but not
     * yet recorded.
     */
    allocatedAt: timestamp('allocated_at', { withTimezone: true }),
    firstContactAt: timestamp('first_contact_at', { withTimezone: true }),
    bookedContactAt: timestamp('booked_contact_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('referrals_child_idx').on(t.childId),
    // A tray of a team's waiting list, oldest first, read a page at a time.
    index('referrals_team_status_idx').on(t.teamId, t.status, t.receivedAt, t.id),
    index('referrals_allocated_user_idx').on(t.allocatedUserId, t.status),
    index('referrals_team_idx').on(t.teamId),
    index('referrals_referrer_idx').on(t.referrerUserId),
    index('referrals_status_idx').on(t.status, t.receivedAt),
  ],
);

/** Staff working with a referral: the allocated practitioner, the lead worker. Ending keeps history. */
export const referralWorkers = pgTable(
  'referral_workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    /** A member of staff with a Lantern account, or a worker from another agency named below. */
    userId: uuid('user_id').references(() => users.id),
    externalName: text('external_name'),
    externalAgency: text('external_agency'),
    externalPhone: text('external_phone'),
    role: text('role').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('referral_workers_referral_idx').on(t.referralId),
    index('referral_workers_user_idx').on(t.userId),
    check('referral_workers_who', sql`${t.userId} is not null or ${t.externalName} is not null`),
  ],
);

/**
 * Consent to the referral, as a decision row: who consented, how, and for a young person consenting
 * for themselves, the Gillick competence assessment and their wishes about parents being told. A
 * withdrawal is a new row; a correction invalidates the old one.
 */
export const referralConsents = pgTable(
  'referral_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    /** young-person, parent-or-carer */
    consentedBy: text('consented_by').notNull(),
    /** given, withdrawn */
    status: text('status').notNull(),
    /** form (on the referral form), phone, in-person */
    method: text('method').notNull(),
    isGillickCompetent: boolean('is_gillick_competent'),
    gillickAssessedBy: text('gillick_assessed_by'),
    gillickNotes: text('gillick_notes'),
    /** yes, no, young-person-will-decide */
    parentsMayBeTold: text('parents_may_be_told').notNull(),
    /** When a parent refers: does the young person know and agree? yes, knows-not-agreed, does-not-know */
    youngPersonAgrees: text('young_person_agrees'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    invalidatedAt: timestamp('invalidated_at', { withTimezone: true }),
  },
  (t) => [index('referral_consents_referral_idx').on(t.referralId)],
);

/** Triage decisions: rows, never overwritten. The newest valid one sets the referral's status. */
export const triageDecisions = pgTable(
  'triage_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    kind: text('kind').notNull(),
    thriveGrouping: text('thrive_grouping').notNull(),
    priority: text('priority').notNull(),
    /** Accepted to this service and team. */
    serviceId: uuid('service_id').references(() => services.id),
    teamId: uuid('team_id').references(() => teams.id),
    /** Services the family was pointed to, and what was sent to them. */
    signpostedTo: uuid('signposted_to').array().notNull().default([]),
    informationSent: text('information_sent'),
    /** What was asked of the referrer. */
    question: text('question'),
    declineReason: text('decline_reason'),
    notes: text('notes').notNull().default(''),
    mdtMeetingId: uuid('mdt_meeting_id').references(() => mdtMeetings.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    invalidatedAt: timestamp('invalidated_at', { withTimezone: true }),
  },
  (t) => [index('triage_decisions_referral_idx').on(t.referralId, t.recordedAt)],
);

/** Multi-agency (MDT) meetings: collective and early discussion of referrals. */
export const mdtMeetings = pgTable('mdt_meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
  agenciesPresent: text('agencies_present').array().notNull().default([]),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A referral on an MDT meeting's agenda, with the decision the agencies shared. */
export const mdtAgendaItems = pgTable(
  'mdt_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => mdtMeetings.id),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    sharedDecision: text('shared_decision'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
  },
  (t) => [
    index('mdt_agenda_items_meeting_idx').on(t.meetingId),
    index('mdt_agenda_items_referral_idx').on(t.referralId),
  ],
);

/** Actions agreed at an MDT meeting, each with an owner from any agency and a due date. */
export const mdtActions = pgTable(
  'mdt_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => mdtAgendaItems.id),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    description: text('description').notNull(),
    ownerName: text('owner_name').notNull(),
    ownerAgency: text('owner_agency').notNull(),
    dueOn: date('due_on').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mdt_actions_item_idx').on(t.agendaItemId)],
);

/** A signed-in referrer's unfinished referral form, kept so they can come back to it. */
export const referralDrafts = pgTable(
  'referral_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    formKind: text('form_kind').notNull(),
    /** Partial answers: checked in full only when submitted. */
    answers: jsonb('answers').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [index('referral_drafts_owner_idx').on(t.ownerUserId)],
);

/** Where referrals arrive in this area, and the front door's published rules. One row. */
export const frontDoorSettings = pgTable('front_door_settings', {
  id: smallint('id').primaryKey().default(1),
  /** The single point of access team: every new referral starts in its queue. */
  intakeTeamId: uuid('intake_team_id')
    .notNull()
    .references(() => teams.id),
  /** Young people this age or older may ask for help themselves. */
  selfReferralMinAge: smallint('self_referral_min_age').notNull(),
  /** Working days within which triage looks at a routine referral. */
  triageWorkingDays: smallint('triage_working_days').notNull(),
  /** The prefix of referral references, such as LV. */
  referencePrefix: text('reference_prefix').notNull(),
});

/** What a referrer sent back when triage asked for more information. */
export const referralInformation = pgTable(
  'referral_information',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    /** The decision that asked. */
    decisionId: uuid('decision_id').references(() => triageDecisions.id),
    answer: text('answer').notNull(),
    givenBy: uuid('given_by')
      .notNull()
      .references(() => users.id),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('referral_information_referral_idx').on(t.referralId)],
);
