import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';

// Owned by the `audit` area: alerts for the privacy officer, such as a break-glass access.

export const privacyAlerts = pgTable(
  'privacy_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    userId: uuid('user_id').references(() => users.id),
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id').notNull(),
    reason: text('reason').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
  },
  (t) => [index('privacy_alerts_open_idx').on(t.raisedAt)],
);
