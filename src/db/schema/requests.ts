import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

// Owned by the `requests` area: what the server remembers about requests themselves.

/**
 * Idempotency-Key: the first response to a create is kept, so a form retried after a dropped
 * connection gets the same answer instead of making a second record.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `user:<id>` for signed-in staff, `anonymous` otherwise: keys are per caller. */
    owner: text('owner').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    /** Null while the first request is still being handled. */
    statusCode: integer('status_code'),
    contentType: text('content_type'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('idempotency_keys_owner_key').on(t.owner, t.key),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
