import { and, asc, desc, eq, getTableColumns, gt, gte, lte, sql } from 'drizzle-orm';
import type { RecordScope } from '../../access/scope.js';
import { type ChainedRow, canonical, GENESIS } from '../../domain/audit/hash-chain.js';
import type { LanternDb } from '../client.js';
import { privacyAlerts } from '../schema/alerts.js';
import { accessLog, auditLog } from '../schema/audit.js';
import { withScope } from '../scoped.js';

// The only code that writes or reads the audit area's tables.

export type AccessLogEntry = Omit<typeof accessLog.$inferInsert, 'id' | 'previousHash' | 'hash'> & {
  occurredAt: Date;
};
export type AuditLogEntry = Omit<typeof auditLog.$inferInsert, 'id' | 'previousHash' | 'hash'> & {
  occurredAt: Date;
};

const accessFields = [
  'occurredAt',
  'requestId',
  'userId',
  'roles',
  'organisationId',
  'basis',
  'subjectKind',
  'subjectId',
  'action',
  'outcome',
  'reason',
] as const;
const auditFields = [
  'occurredAt',
  'requestId',
  'userId',
  'entity',
  'entityId',
  'action',
  'before',
  'after',
] as const;

/** Every column except the id and the hashes, with missing values as null, as they read back. */
function pick<Row, K extends keyof Row>(row: Row, fields: readonly K[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, row[field] ?? null]));
}

type Hashed = 'id' | 'previousHash' | 'hash';

/** What each row's hash covers. */
export const accessContent = (row: AccessLogEntry) =>
  pick(row, accessFields) as Omit<typeof accessLog.$inferSelect, Hashed>;
export const auditContent = (row: AuditLogEntry) =>
  pick(row, auditFields) as Omit<typeof auditLog.$inferSelect, Hashed>;

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The content with any lone surrogate (half of a character pair, from a broken client) replaced by
 * U+FFFD, as a text column would store it, so what is hashed is what reads back (jsonb refuses them).
 */
function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.replace(loneSurrogate, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormed(v)])) as T;
  }
  return value;
}

/** The row as the chain function reads it: column names, dates as ISO text. */
function asColumns(table: typeof accessLog | typeof auditLog, content: Record<string, unknown>) {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return Object.fromEntries(
    Object.entries(content).map(([key, value]) => [
      columns[key]?.name ?? key,
      value instanceof Date ? value.toISOString() : value,
    ]),
  );
}

/**
 * Appends one row in one round trip (migration 0028): the database takes the chain's lock, reads
 * its newest hash and inserts the row hashed as chainHash does, over the canonical text sent here.
 * The lock lasts until the transaction `db` is in commits (at once, when it is in none).
 */
async function appendChained(
  db: LanternDb,
  table: typeof accessLog | typeof auditLog,
  content: Record<string, unknown>,
) {
  const chain = table === accessLog ? 'access_log' : 'audit_log';
  await db.execute(sql`select lantern_append_chained(${chain}, ${JSON.stringify(asColumns(table, content))}::jsonb,
    ${canonical(content)}, ${GENESIS})`);
}

/**
 * An access-log row: in the caller's transaction when one is given (the row then commits or rolls
 * back with the work it records, and the chain's lock lasts until it commits: record the access
 * last), otherwise as a statement of its own.
 */
export function appendAccessLog(db: LanternDb, entry: AccessLogEntry, tx?: LanternDb) {
  return appendChained(tx ?? db, accessLog, wellFormed(accessContent(entry)));
}

/**
 * An audit row, in the caller's transaction (the change it records is in the same one), so the
 * chain's lock is held until that transaction commits. No savepoint: two statements fewer per change.
 */
export function appendAuditLog(tx: LanternDb, entry: AuditLogEntry) {
  return appendChained(tx, auditLog, wellFormed(auditContent(entry)));
}

/** Reads a whole chain in id order, in pages, for the verifier. */
export async function* chainRows(
  db: LanternDb,
  which: 'access_log' | 'audit_log',
): AsyncGenerator<ChainedRow> {
  let after = 0;
  for (;;) {
    if (which === 'access_log') {
      const rows = await db
        .select()
        .from(accessLog)
        .where(gt(accessLog.id, after))
        .orderBy(asc(accessLog.id))
        .limit(5000);
      for (const row of rows)
        yield { id: row.id, previousHash: row.previousHash, hash: row.hash, content: accessContent(row) };
      if (rows.length < 5000) return;
      after = rows.at(-1)?.id ?? after;
    } else {
      const rows = await db
        .select()
        .from(auditLog)
        .where(gt(auditLog.id, after))
        .orderBy(asc(auditLog.id))
        .limit(5000);
      for (const row of rows)
        yield { id: row.id, previousHash: row.previousHash, hash: row.hash, content: auditContent(row) };
      if (rows.length < 5000) return;
      after = rows.at(-1)?.id ?? after;
    }
  }
}

export interface AccessLogFilter {
  userId?: string | undefined;
  subjectKind?: string | undefined;
  subjectId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  isNewestFirst: boolean;
  limit: number;
  offset: number;
}

export function searchAccessLog(db: LanternDb, filter: AccessLogFilter) {
  const conditions = [
    filter.userId ? eq(accessLog.userId, filter.userId) : undefined,
    filter.subjectKind ? eq(accessLog.subjectKind, filter.subjectKind) : undefined,
    filter.subjectId ? eq(accessLog.subjectId, filter.subjectId) : undefined,
    filter.from ? gte(accessLog.occurredAt, filter.from) : undefined,
    filter.to ? lte(accessLog.occurredAt, filter.to) : undefined,
  ];
  return db
    .select()
    .from(accessLog)
    .where(and(...conditions))
    .orderBy(filter.isNewestFirst ? desc(accessLog.id) : asc(accessLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
}

export function raisePrivacyAlert(
  db: LanternDb,
  scope: RecordScope,
  alert: Omit<typeof privacyAlerts.$inferInsert, 'id' | 'reviewedAt' | 'reviewedBy'>,
) {
  return withScope(db, scope, (tx) =>
    tx
      .insert(privacyAlerts)
      .values(alert)
      .then(() => undefined),
  );
}

/** Open alerts first, newest first. Row-level security shows them only to the privacy officer. */
export function listPrivacyAlerts(db: LanternDb, scope: RecordScope) {
  return withScope(db, scope, (tx) =>
    tx
      .select()
      .from(privacyAlerts)
      .orderBy(sql`${privacyAlerts.reviewedAt} is not null`, desc(privacyAlerts.raisedAt))
      .limit(200),
  );
}
