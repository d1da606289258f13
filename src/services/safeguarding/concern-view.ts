import type { ConcernOut } from '../../contracts/safeguarding.js';
import type { LanternDb } from '../../db/client.js';
import * as safeguarding from '../../db/repositories/safeguarding.repository.js';
import type { ConcernCategory, ConcernStatus } from '../../domain/safeguarding/concerns.js';

/** Concern rows with their actions, oldest action first, in the contract's shape. */
export async function concernsOut(tx: LanternDb, rows: safeguarding.ConcernRow[]): Promise<ConcernOut[]> {
  const actions = await safeguarding.actionsOf(
    tx,
    rows.map((r) => r.concern.id),
  );
  return rows.map(({ concern, reference, childName, raisedByName, leadName }) => ({
    id: concern.id,
    version: concern.version,
    referralId: concern.referralId,
    reference,
    childName,
    contactId: concern.contactId,
    category: concern.category as ConcernCategory,
    concern: concern.concern,
    immediateAction: concern.immediateAction,
    raisedAt: concern.raisedAt.toISOString(),
    raisedByName,
    status: concern.status as ConcernStatus,
    leadName,
    outcome: concern.outcome,
    actions: actions
      .filter((a) => a.action.concernId === concern.id)
      .map(({ action, recordedByName }) => ({
        id: action.id,
        action: action.action,
        statusAfter: action.statusAfter as ConcernStatus,
        recordedAt: action.recordedAt.toISOString(),
        recordedByName,
      })),
  }));
}
