import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { schools } from './organisations.js';

// Owned by the `people` area: children and young people. Every table here holds a child's data,
// so each has forced row-level security (migration 0006) and is listed in childDataTables.

export const children = pgTable(
  'children',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    dateOfBirth: date('date_of_birth').notNull(),
    /** Optional: many referrals arrive without one. The front door checks it with the modulus 11 rule. */
    nhsNumber: text('nhs_number'),
    postcode: text('postcode'),
    /** `genderCodes` in domain/people/child-details.ts; their own words when self-described. */
    gender: text('gender'),
    genderSelfDescription: text('gender_self_description'),
    /** NHS ethnic category code (A to Z, 99). */
    ethnicity: text('ethnicity'),
    /** Special educational needs, where recorded: `none`, `sen-support` or `ehc-plan` (reporting breakdowns). */
    specialEducationalNeeds: text('special_educational_needs'),
    /**
     * Whether the young person describes themselves as LGBT+, only when they chose to say:
     * `yes`, `no` or `prefer-not-to-say`. Used for cohort figures (Rotherham's LGBT+ offer), never shown beside a name in lists.
     */
    lgbtPlus: text('lgbt_plus'),
    gpPractice: text('gp_practice'),
    /** How the young person (or family) chose to be contacted: phone, text, email, letter. */
    contactRoutes: text('contact_routes').array().notNull().default([]),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    canLeaveMessage: boolean('can_leave_message').notNull().default(false),
    isFictional: boolean('is_fictional').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Duplicate checks on intake look children up by NHS number and by date of birth.
  (t) => [
    index('children_nhs_number_idx').on(t.nhsNumber),
    index('children_birth_date_idx').on(t.dateOfBirth),
  ],
);

/** Which school a child attends, with history: children move school. */
export const childSchools = pgTable(
  'child_schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    schoolUrn: integer('school_urn')
      .notNull()
      .references(() => schools.urn),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
  },
  (t) => [index('child_schools_child_idx').on(t.childId)],
);

/**
 * Parents and carers, and whether they hold parental responsibility. `doNotShare` marks a
 * relationship the young person's information must not be shared with (the parent may be the
 * subject of a safeguarding concern, or the young person asked): letters, exports and the
 * referrer's view all respect it.
 */
export const carers = pgTable(
  'carers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    name: text('name').notNull(),
    relationship: text('relationship').notNull(),
    hasParentalResponsibility: boolean('has_parental_responsibility').notNull(),
    phone: text('phone'),
    email: text('email'),
    doNotShare: boolean('do_not_share').notNull().default(false),
    doNotShareReason: text('do_not_share_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('carers_child_idx').on(t.childId),
    // Brothers and sisters are found by a carer's phone or email (allocation suggestions).
    index('carers_phone_idx').on(t.phone),
    index('carers_email_idx').on(t.email),
  ],
);

/**
 * A triage clinician's decision that two child records are the same young person. Nothing is
 * moved or deleted: the merged record's referrals are shown with the surviving one while the link
 * stands, and undoing it sets `undoneAt` with a reason, so the history stays.
 */
export const childLinks = pgTable(
  'child_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    survivingChildId: uuid('surviving_child_id')
      .notNull()
      .references(() => children.id),
    mergedChildId: uuid('merged_child_id')
      .notNull()
      .references(() => children.id),
    reason: text('reason').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: uuid('undone_by').references(() => users.id),
    undoReason: text('undo_reason'),
  },
  (t) => [
    index('child_links_surviving_idx').on(t.survivingChildId),
    index('child_links_merged_idx').on(t.mergedChildId),
  ],
);
