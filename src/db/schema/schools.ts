import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { schools, teams } from './organisations.js';
import { referrals } from './referrals.js';

// Owned by the `schools` area: the whole-school approach (plan actions by tier, advice to staff,
// group sessions, School Link meetings), the professionals' consultation line, and school staff
// confidence surveys. Only src/db/repositories/schools.repository.ts queries these tables.

/** One action in a school's whole-school plan, placed in a tier of the graduated model. */
export const schoolPlanActions = pgTable(
  'school_plan_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolUrn: integer('school_urn')
      .notNull()
      .references(() => schools.urn),
    tier: smallint('tier').notNull(),
    action: text('action').notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on'),
    status: text('status').notNull().default('planned'),
    version: integer('version').notNull().default(1),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('school_plan_actions_school_idx').on(t.schoolUrn),
    check('school_plan_actions_tier', sql`${t.tier} between 1 and 4`),
  ],
);

/**
 * Advice given to a member of school staff. A child is named only when needed, by linking the
 * referral: such a row is then as private as the referral (row-level security, migration 0016).
 */
export const staffConsultations = pgTable(
  'staff_consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolUrn: integer('school_urn')
      .notNull()
      .references(() => schools.urn),
    teamId: uuid('team_id').references(() => teams.id),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    staffRole: text('staff_role').notNull(),
    topic: text('topic').notNull(),
    advice: text('advice').notNull(),
    referralId: uuid('referral_id').references(() => referrals.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('staff_consultations_school_idx').on(t.schoolUrn, t.givenAt)],
);

/**
 * A group session whose attendees are not known in advance (MHSDS MHS301GroupSession): classroom
 * workshops, assemblies, parent sessions, staff training. Counted, never named.
 */
export const groupSessions = pgTable(
  'group_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolUrn: integer('school_urn')
      .notNull()
      .references(() => schools.urn),
    teamId: uuid('team_id').references(() => teams.id),
    kind: text('kind').notNull(),
    topic: text('topic').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    attendeeCount: integer('attendee_count').notNull(),
    yearGroups: text('year_groups').notNull().default(''),
    deliveredBy: text('delivered_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('group_sessions_school_idx').on(t.schoolUrn, t.heldAt),
    check('group_sessions_attendees', sql`${t.attendeeCount} between 0 and 5000`),
  ],
);

/** A School Link meeting (Anna Freud School Link Programme): the school and specialist services. */
export const schoolLinkMeetings = pgTable(
  'school_link_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolUrn: integer('school_urn')
      .notNull()
      .references(() => schools.urn),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    attendees: text('attendees').array().notNull().default([]),
    discussed: text('discussed').notNull(),
    agreedActions: text('agreed_actions').notNull().default(''),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('school_link_meetings_school_idx').on(t.schoolUrn, t.heldAt)],
);

/** A call to the professionals' consultation line: who called, what they asked, the advice given. */
export const consultationCalls = pgTable(
  'consultation_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    advisedAt: timestamp('advised_at', { withTimezone: true }),
    callerRole: text('caller_role').notNull(),
    callerOrganisation: text('caller_organisation').notNull(),
    schoolUrn: integer('school_urn').references(() => schools.urn),
    question: text('question').notNull(),
    advice: text('advice').notNull().default(''),
    outcome: text('outcome'),
    handledBy: uuid('handled_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('consultation_calls_team_idx').on(t.teamId, t.receivedAt),
    check('consultation_calls_order', sql`${t.advisedAt} is null or ${t.advisedAt} >= ${t.receivedAt}`),
  ],
);

/** A round of the school staff confidence survey, answered anonymously through a link. */
export const confidenceSurveys = pgTable(
  'confidence_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolUrn: integer('school_urn')
      .notNull()
      .references(() => schools.urn),
    /** before, after: before MHST work starts in the school and after a period of it. */
    phase: text('phase').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** SHA-256 of the link's secret; the link itself is shown once, to the person who opened it. */
    linkHash: text('link_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('confidence_surveys_school_idx').on(t.schoolUrn, t.opensAt)],
);

/** An anonymous answer: nothing about who gave it is stored. */
export const confidenceSurveyResponses = pgTable(
  'confidence_survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => confidenceSurveys.id),
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    /** The day only, so the order of answers cannot be matched to who was in the staff room. */
    submittedOn: date('submitted_on').notNull(),
  },
  (t) => [index('confidence_survey_responses_survey_idx').on(t.surveyId)],
);
