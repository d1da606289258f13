import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import * as audit from '../../db/repositories/audit.repository.js';

/** The privacy officer's alerts: break-glass accesses to review. */
export async function listPrivacyAlerts(ctx: ServiceContext, deps: { db: LanternDb }) {
  await authorise(ctx, 'access-log:read');
  // The alerts name which records were opened, so reading them is itself logged.
  await ctx.recordAccess({
    subjectKind: 'privacy-alerts',
    action: 'privacy-alert:list',
    outcome: 'allowed',
    basis: 'role',
  });
  const rows = await audit.listPrivacyAlerts(deps.db, recordScope(ctx.actor));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    raisedAt: row.raisedAt.toISOString(),
    userId: row.userId,
    subjectKind: row.subjectKind,
    subjectId: row.subjectId,
    reason: row.reason,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  }));
}
