import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { schools, teams } from './organisations.js';
import { referrals } from './referrals.js';

// Owned by the `allocation` area: MHST practitioners' capacity and school days, each school's link
// practitioner, allocations of referrals to practitioners, and breach alerts. Only
// src/db/repositories/mhst.repository.ts queries these tables.

/** What a team manager plans around: how many young people a practitioner can hold at once. */
export const practitionerProfiles = pgTable(
  'practitioner_profiles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    caseloadCapacity: smallint('caseload_capacity').notNull(),
    /** As the practitioner describes themselves, so a young person's preference can be met. */
    gender: text('gender'),
    languages: text('languages').array().notNull().default([]),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.teamId] }),
    check('practitioner_profiles_capacity', sql`${t.caseloadCapacity} between 0 and 100`),
  ],
);

/** The days of the week a practitioner works in each school (1 = Monday … 5 = Friday). */
export const practitionerSchoolDays = pgTable(
  'practitioner_school_days',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    schoolUrn: integer('school_urn')
      .notNull()
      .references(() => schools.urn),
    weekday: smallint('weekday').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.schoolUrn, t.weekday] }),
    index('practitioner_school_days_team_idx').on(t.teamId),
    check('practitioner_school_days_weekday', sql`${t.weekday} between 1 and 5`),
  ],
);

/** Each school a team serves has one link practitioner, the school's first contact in the team. */
export const schoolLinkPractitioners = pgTable(
  'school_link_practitioners',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    schoolUrn: integer('school_urn')
      .notNull()
      .references(() => schools.urn),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.schoolUrn] })],
);

/**
 * Who a referral was allocated to, by whom and why: a row per allocation, never overwritten. A
 * reallocation ends the current row and adds a new one, so the history stays. `kind` is
 * `practitioner` (1:1 work) or `group-waiting-list` (waiting for a group programme).
 */
export const allocations = pgTable(
  'allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    kind: text('kind').notNull(),
    userId: uuid('user_id').references(() => users.id),
    groupName: text('group_name'),
    reason: text('reason').notNull(),
    /** The suggestion's score and reasons as the manager saw them, when they followed one. */
    suggestionScore: integer('suggestion_score'),
    suggestionReasons: jsonb('suggestion_reasons').$type<{ kind: string; points: number; text: string }[]>(),
    isBulk: boolean('is_bulk').notNull().default(false),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id),
    endReason: text('end_reason'),
  },
  (t) => [
    index('allocations_referral_idx').on(t.referralId, t.recordedAt),
    index('allocations_user_idx').on(t.userId),
    index('allocations_team_current_idx').on(t.teamId, t.kind).where(sql`${t.endedAt} is null`),
    uniqueIndex('allocations_one_current').on(t.referralId).where(sql`${t.endedAt} is null`),
    check(
      'allocations_who',
      sql`(${t.kind} = 'practitioner' and ${t.userId} is not null) or (${t.kind} = 'group-waiting-list' and ${t.groupName} is not null)`,
    ),
  ],
);

/** The young person's wishes about who works with them, recorded for allocation. */
export const allocationPreferences = pgTable('allocation_preferences', {
  referralId: uuid('referral_id')
    .primaryKey()
    .references(() => referrals.id),
  practitionerGender: text('practitioner_gender'),
  language: text('language'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
});

/**
 * Raised by the breach-prevention job when a referral will likely pass four weeks before a first
 * contact: one open alert per referral, acknowledged by the team manager.
 */
export const breachAlerts = pgTable(
  'breach_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    breachAt: timestamp('breach_at', { withTimezone: true }).notNull(),
    likelyFirstContactAt: timestamp('likely_first_contact_at', { withTimezone: true }).notNull(),
    basis: text('basis').notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('breach_alerts_one_per_referral').on(t.referralId),
    index('breach_alerts_team_idx').on(t.teamId, t.raisedAt),
  ],
);
