import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { organisations } from './organisations.js';
import { children } from './people.js';
import { referrals } from './referrals.js';

// Owned by the `safeguarding` area (concerns and their actions) and the `records` area (subject
// access requests). All hold a child's data: forced row-level security (migration 0017).

/** A safeguarding concern raised from a contact, for the organisation's safeguarding lead. */
export const safeguardingConcerns = pgTable(
  'safeguarding_concerns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    contactId: uuid('contact_id'),
    /** The organisation whose safeguarding lead receives it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** `concernCategories`: neglect, physical, sexual, emotional, exploitation, self-harm, other */
    category: text('category').notNull(),
    concern: text('concern').notNull(),
    immediateAction: text('immediate_action').notNull().default(''),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => users.id),
    /** raised, acknowledged, referred-to-social-care, closed */
    status: text('status').notNull().default('raised'),
    leadUserId: uuid('lead_user_id').references(() => users.id),
    outcome: text('outcome'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('safeguarding_concerns_org_idx').on(t.organisationId, t.status, t.raisedAt),
    index('safeguarding_concerns_referral_idx').on(t.referralId),
  ],
);

/** What was done about a concern, as rows (append-only). */
export const safeguardingActions = pgTable(
  'safeguarding_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => safeguardingConcerns.id),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    action: text('action').notNull(),
    statusAfter: text('status_after').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('safeguarding_actions_concern_idx').on(t.concernId)],
);

/**
 * A subject access request for one child's record, and its export. Who asked decides what is
 * withheld (DOMAIN.md "Consent and confidentiality"); the counts withheld are kept, never the items.
 */
export const subjectAccessRequests = pgTable(
  'subject_access_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** young-person, parent, other (for example a solicitor with the young person's consent) */
    requester: text('requester').notNull(),
    carerId: uuid('carer_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    exportedAt: timestamp('exported_at', { withTimezone: true }).notNull(),
    exportedBy: uuid('exported_by')
      .notNull()
      .references(() => users.id),
    itemsIncluded: integer('items_included').notNull(),
    itemsWithheld: integer('items_withheld').notNull(),
    /**
     * The SHA-256 of the exporter's Idempotency-Key: a retried download renders the record again
     * (and is logged again) but records one request. Exports are never kept in the idempotency
     * store, which has no row-level security.
     */
    requestKeyHash: text('request_key_hash'),
  },
  (t) => [
    index('subject_access_requests_child_idx').on(t.childId),
    uniqueIndex('subject_access_requests_key').on(t.exportedBy, t.requestKeyHash),
  ],
);
