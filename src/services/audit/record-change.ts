import type { ServiceContext } from '../../access/authorise.js';
import type { LanternDb } from '../../db/client.js';
import { appendAuditLog } from '../../db/repositories/audit.repository.js';

/** Writes the audit row for a change, in the same transaction as the change itself. */
export function recordChange(
  tx: LanternDb,
  ctx: ServiceContext,
  change: {
    entity: string;
    entityId: string;
    action: string;
    before?: unknown;
    after?: unknown;
    userId?: string;
  },
) {
  return appendAuditLog(tx, {
    occurredAt: ctx.now(),
    requestId: ctx.requestId,
    userId: change.userId ?? (ctx.actor.kind === 'staff' ? ctx.actor.userId : null),
    entity: change.entity,
    entityId: change.entityId,
    action: change.action,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}
