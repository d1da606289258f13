import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

// Owned by the `requests` area: what the server remembers about requests themselves.

/**
 * Idempotency-Key: the first response to a create is kept, so a form retried after a dropped
 * connection gets the same answer instead of making a second record.
 *
 * The table has no row-level security, and a response may hold a child's data (a note, a journal
 * entry, the identity a young person shared). So nothing here is readable without the caller's own
 * key: the key is kept only as a hash, and the response and the request fingerprint are sealed with
 * a key derived from it (ADR 0022, `server/plugins/idempotency-seal.ts`).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `user:<id>` for signed-in staff, `account:<id>` for a young person, `anonymous` otherwise. */
    owner: text('owner').notNull(),
    /** SHA-256 of the owner and the Idempotency-Key: the key itself is never stored. */
    keyHash: text('key_hash').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    /** HMAC of the request under the derived key, so a retry with a different body is told apart. */
    requestHash: text('request_hash').notNull(),
    /** Null while the first request is still being handled. */
    statusCode: integer('status_code'),
    contentType: text('content_type'),
    /** AES-256-GCM of the response body under the derived key (base64 of iv, tag, ciphertext). */
    sealedResponse: text('sealed_response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('idempotency_keys_owner_key_hash').on(t.owner, t.keyHash),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
