import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Owned by the `notifications` area: messages to people outside Lantern, written in the same
// transaction as the change that causes them and sent afterwards by the outbox dispatcher.

export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** email, sms, letter */
    channel: text('channel').notNull(),
    /** The template's name in domain/notifications/templates.ts. */
    template: text('template').notNull(),
    recipient: text('recipient').notNull(),
    personalisation: jsonb('personalisation').notNull(),
    /** The referral the message is about, so its access rules follow it. */
    referralId: uuid('referral_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Not sent before this time (appointment reminders); null sends at once. */
    notBefore: timestamp('not_before', { withTimezone: true }),
    /** Withdrawn before it was sent (a reminder for an appointment since cancelled): never sent. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerReference: text('provider_reference'),
  },
  (t) => [index('outbox_messages_unsent_idx').on(t.createdAt).where(sql`sent_at is null`)],
);
