import type { RiskMatch } from '../../contracts/online-chat.js';
import type { LanternDb } from '../../db/client.js';
import { insertAlert } from '../../db/repositories/online-risk.repository.js';
import { asSystemWithin } from '../../db/scoped.js';
import { acknowledgeDeadline } from '../../domain/online/alerts.js';
import { type Hub, topics } from '../../server/realtime/hub.js';

export interface RiskPhraseHit {
  serviceId: string;
  accountId: string;
  /** The chat and message number, for a chat message; the message id, for an asynchronous one. */
  chatId?: string;
  messageSeq?: number;
  messageId?: string;
  matches: RiskMatch[];
  acknowledgeWithinMinutes: number;
  now: Date;
}

/**
 * Puts a risk phrase on the duty senior's board, in the transaction that stored the message. The
 * caller publishes `duty-board-changed` to the service's duty board once that transaction commits
 * (`tellDutyBoard`). The message is often the young person's own, whose scope may not write or read
 * alerts (they are staff-only), so the alert is written under a system scope for this one step.
 */
export async function raiseRiskPhraseAlert(tx: LanternDb, hit: RiskPhraseHit) {
  return asSystemWithin(tx, 'risk phrase alert for the duty board', () =>
    insertAlert(tx, {
      serviceId: hit.serviceId,
      accountId: hit.accountId,
      chatId: hit.chatId ?? null,
      messageSeq: hit.messageSeq ?? null,
      messageId: hit.messageId ?? null,
      kind: 'risk-phrase',
      raisedAt: hit.now,
      acknowledgeBy: acknowledgeDeadline(hit.now, hit.acknowledgeWithinMinutes),
    }),
  );
}

/**
 * Tells the service's duty board something changed, after the change committed. A failed publish
 * must not turn a stored escalation into an error: the board also refreshes on its own.
 */
export async function tellDutyBoard(hub: Hub, serviceId: string): Promise<void> {
  await hub.publish(topics.dutyBoard(serviceId), { type: 'duty-board-changed' }).catch(() => undefined);
}
