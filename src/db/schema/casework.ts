import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { schools } from './organisations.js';
import { referrals } from './referrals.js';

// Owned by the `casework` area: contacts (appointments and whether they were attended), the
// milestones that stop the waiting clock, and pauses the young person asked for. Every table here
// holds a child's data: forced row-level security (migration 0016), listed in childDataTables.

/**
 * A care contact (MHSDS MHS201CareContact): booked for a time, then its attendance recorded.
 * `attendStatus` is null while it is only booked.
 */
export const careContacts = pgTable(
  'care_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    practitionerUserId: uuid('practitioner_user_id')
      .notNull()
      .references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** The school where it happens; null when remote (video or phone). */
    schoolUrn: integer('school_urn').references(() => schools.urn),
    /** one-to-one, group-therapy */
    kind: text('kind').notNull().default('one-to-one'),
    attendStatus: text('attend_status'),
    /** in-person, video, phone (MHSDS ConsMechanismMH) */
    medium: text('medium').notNull().default('in-person'),
    /** For a group-therapy contact: the session in group_therapy_sessions. */
    groupSessionId: uuid('group_session_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('care_contacts_referral_idx').on(t.referralId, t.startsAt),
    index('care_contacts_practitioner_idx').on(t.practitionerUserId, t.startsAt),
  ],
);

/**
 * The four things that stop the clock in a referral spell (assessment, care plan, intervention,
 * baseline outcome measure): rows with when they happened; a mistaken one is invalidated.
 */
export const episodeMilestones = pgTable(
  'episode_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    milestone: text('milestone').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    invalidatedAt: timestamp('invalidated_at', { withTimezone: true }),
  },
  (t) => [index('episode_milestones_referral_idx').on(t.referralId)],
);

/** A time the young person asked to wait (for example until exams end): shown beside the wait. */
export const waitingPauses = pgTable(
  'waiting_pauses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    reason: text('reason').notNull(),
    startsOn: timestamp('starts_on', { withTimezone: true }).notNull(),
    endsOn: timestamp('ends_on', { withTimezone: true }),
    note: text('note').notNull().default(''),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('waiting_pauses_referral_idx').on(t.referralId),
    check('waiting_pauses_order', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);
