import type { EscalationOut } from '../../contracts/online-risk.js';
import type * as risk from '../../db/repositories/online-risk.repository.js';
import { shortReference } from '../../domain/online/alerts.js';

type EscalationWithNames = Awaited<ReturnType<typeof risk.escalationsOfChat>>[number];

/** An escalation as staff read it; who the young person said they are only when they shared it. */
export function escalationOut({
  row,
  raisedByName,
  dutySeniorName,
  referralReference,
}: EscalationWithNames): EscalationOut {
  return {
    id: row.id,
    version: row.version,
    chatId: row.chatId,
    reference: shortReference('ESC', row.id),
    raisedAt: row.raisedAt.toISOString(),
    raisedByName,
    reason: row.reason,
    identityShared: row.identityShared as EscalationOut['identityShared'],
    identity:
      row.identityShared === 'shared'
        ? {
            givenName: row.givenName,
            familyName: row.familyName,
            dateOfBirth: row.dateOfBirth,
            postcode: row.postcode,
            schoolName: row.schoolName,
            phone: row.phone,
            location: row.location,
          }
        : null,
    status: row.status as EscalationOut['status'],
    dutySeniorName,
    referralReference,
    closedAt: row.closedAt?.toISOString() ?? null,
    outcome: row.outcome,
  };
}
