import {
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { organisations } from './organisations.js';
import { referrals } from './referrals.js';

// Owned by the `measures` area: licensed instrument definitions an organisation loads, links sent
// to a young person or parent to answer before a session, and the answers with their scores.
// Links and answers hold a child's data: forced row-level security (migration 0017).

/**
 * A licensed instrument definition file an organisation loaded under its own licence (the shipped
 * free ones live in code). Withdrawing keeps the row, so old answers still name their definition.
 */
export const licensedInstruments = pgTable(
  'licensed_instruments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The definition's own id and version, such as "rcads-25" and "2.0". */
    instrumentId: text('instrument_id').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    definition: jsonb('definition').notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull(),
    loadedBy: uuid('loaded_by')
      .notNull()
      .references(() => users.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('licensed_instruments_org_idx').on(t.organisationId, t.instrumentId)],
);

/**
 * A secure, expiring link to answer one questionnaire. The secret is shown once and stored only as
 * its SHA-256 (`linkHash`), like survey links.
 */
export const questionnaireLinks = pgTable(
  'questionnaire_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    instrumentId: text('instrument_id').notNull(),
    /** self, parent */
    respondent: text('respondent').notNull(),
    linkHash: text('link_hash').notNull(),
    /** The appointment it is for, when there is one. */
    contactId: uuid('contact_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('questionnaire_links_hash').on(t.linkHash),
    index('questionnaire_links_referral_idx').on(t.referralId),
  ],
);

/** One completed questionnaire with its scores, worked out by domain/measures at the time. Append-only. */
export const measureResponses = pgTable(
  'measure_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    instrumentId: text('instrument_id').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    /** self, parent, clinician */
    respondent: text('respondent').notNull(),
    /** Item id → value; for Goal Based Outcomes also the goals' words. */
    answers: jsonb('answers').notNull(),
    total: real('total'),
    /** Subscale id → score, and per-goal ratings for Goal Based Outcomes. */
    scores: jsonb('scores').notNull().default({}),
    band: text('band'),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    /** link (answered by the young person or parent), in-session (entered by the practitioner) */
    via: text('via').notNull(),
    linkId: uuid('link_id'),
    contactId: uuid('contact_id'),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [index('measure_responses_referral_idx').on(t.referralId, t.instrumentId, t.completedAt)],
);
