import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    /** The practitioner the referral is allocated to now; referral_workers keeps the history. */
    allocatedUserId: uuid('allocated_user_id').references(() => users.id),
    /** The family's single point of contact, who may work for another agency. */
    leadWorkerUserId: uuid('lead_worker_user_id').references(() => users.id),
    status: text('status').notNull().default('received'),
    presentingNeeds: text('presenting_needs').array().notNull().default([]),
    isUrgent: boolean('is_urgent').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('referrals_child_idx').on(t.childId), index('referrals_team_idx').on(t.teamId)],
);

/** Staff working with a referral: the allocated practitioner, the lead worker. Ending keeps history. */
export const referralWorkers = pgTable(
  'referral_workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('referral_workers_referral_idx').on(t.referralId),
    index('referral_workers_user_idx').on(t.userId),
  ],
);
