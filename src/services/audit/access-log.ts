import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { AccessLogQuery } from '../../contracts/admin.js';
import type { LanternDb } from '../../db/client.js';
import * as audit from '../../db/repositories/audit.repository.js';
import { type ChainProblem, chainChecker } from '../../domain/audit/hash-chain.js';

const PAGE_SIZE = 50;

/** The privacy officer's view of who opened what. Reading the log is itself logged. */
export async function searchAccessLog(ctx: ServiceContext, deps: { db: LanternDb }, query: AccessLogQuery) {
  await authorise(ctx, 'access-log:read');
  await ctx.recordAccess({
    subjectKind: query.subjectKind ?? 'access-log',
    subjectId: query.subjectId ?? null,
    action: 'access-log:search',
    outcome: 'allowed',
    basis: 'role',
  });
  const rows = await audit.searchAccessLog(deps.db, {
    userId: query.userId,
    subjectKind: query.subjectKind,
    subjectId: query.subjectId,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    isNewestFirst: query.sort === '-occurredAt',
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
  });
  return {
    page: query.page,
    pageSize: PAGE_SIZE,
    rows: rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurredAt.toISOString(),
      userId: row.userId,
      roles: row.roles,
      basis: row.basis,
      subjectKind: row.subjectKind,
      subjectId: row.subjectId,
      action: row.action,
      outcome: row.outcome,
      reason: row.reason,
    })),
  };
}

export interface ChainReport {
  chain: 'access_log' | 'audit_log';
  rows: number;
  /** The newest row's hash: record it elsewhere, so rows cut off the end can be noticed. */
  head: string | null;
  problems: ChainProblem[];
}

/**
 * Checks both hash chains from the first row to the last, a page at a time. Used by the operator
 * command `lantern audit verify`, which runs outside any user's scope: it reads only hashes and
 * the rows' own content, never returns it.
 */
export async function verifyAuditChains(db: LanternDb): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const chain of ['access_log', 'audit_log'] as const) {
    const checker = chainChecker();
    for await (const row of audit.chainRows(db, chain)) checker.check(row);
    reports.push({ chain, ...checker.result() });
  }
  return reports;
}

/** The same check for a signed-in administrator or privacy officer, from the admin API. */
export async function checkAuditChains(ctx: ServiceContext, deps: { db: LanternDb }) {
  await authorise(ctx, 'audit:verify');
  return verifyAuditChains(deps.db);
}
