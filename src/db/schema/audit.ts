import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Owned by the `audit` area. Both tables are append-only (a trigger refuses UPDATE and DELETE) and
// hash-chained (src/domain/audit/hash-chain.ts); `lantern audit verify` checks the chains.

/** One row for every read, search or export of a child's data, and for every refusal. */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    requestId: text('request_id').notNull(),
    userId: uuid('user_id'),
    roles: text('roles').array().notNull(),
    organisationId: uuid('organisation_id'),
    /** Why access was allowed: the relationship (caseload, team, school, …) or break-glass. */
    basis: text('basis').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id'),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('access_log_subject_idx').on(t.subjectKind, t.subjectId),
    index('access_log_user_idx').on(t.userId),
    index('access_log_occurred_idx').on(t.occurredAt),
  ],
);

/** One row for every change, written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    requestId: text('request_id').notNull(),
    userId: uuid('user_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)],
);
