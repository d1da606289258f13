import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { schools } from './organisations.js';

// Owned by the `people` area: children and young people. Every table here holds a child's data,
// so each has forced row-level security (migration 0006) and is listed in childDataTables.

export const children = pgTable('children', {
  id: uuid('id').primaryKey().defaultRandom(),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  dateOfBirth: date('date_of_birth').notNull(),
  /** Optional: many referrals arrive without one. The front door checks it with the modulus 11 rule. */
  nhsNumber: text('nhs_number'),
  postcode: text('postcode'),
  isFictional: boolean('is_fictional').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

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
