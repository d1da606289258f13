import { and, asc, desc, eq, gt, gte, lte, sql } from 'drizzle-orm';
import type { RecordScope } from '../../access/scope.js';
import { type ChainedRow, chainHash, GENESIS } from '../../domain/audit/hash-chain.js';
import { type LanternDb, queryRows } from '../client.js';
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

async function appendChained(
  tx: LanternDb,
  table: typeof accessLog | typeof auditLog,
  entry: object,
  content: unknown,
) {
  // Takes the chain's lock until commit and reads its newest hash (migration 0014), in one trip.
  const chain = table === accessLog ? 'access_log' : 'audit_log';
  const rows = await queryRows<{ tail: string | null }>(tx, sql`select lantern_chain_tail(${chain}) as tail`);
  const previousHash = rows[0]?.tail ?? GENESIS;
  await tx.insert(table).values({ ...entry, previousHash, hash: chainHash(previousHash, content) } as never);
}

/**
 * An access-log row: in the caller's transaction when one is given (the row then commits or rolls
 * back with the work it records), otherwise in a transaction of its own. Either way the chain's
 * lock lasts until that transaction commits.
 */
export function appendAccessLog(db: LanternDb, entry: AccessLogEntry, tx?: LanternDb) {
  const content = accessContent(entry);
  if (tx) return appendChained(tx, accessLog, content, content);
  return db.transaction((own) => appendChained(own, accessLog, content, content));
}

/**
 * An audit row, in the caller's transaction (the change it records is in the same one), so the
 * chain's lock is held until that transaction commits. No savepoint: two statements fewer per change.
 */
export function appendAuditLog(tx: LanternDb, entry: AuditLogEntry) {
  const content = auditContent(entry);
  return appendChained(tx, auditLog, content, content);
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
