import type { RiskMatch } from '../../contracts/online-chat.js';
import type { LanternDb } from '../../db/client.js';
import { insertAlert } from '../../db/repositories/online-risk.repository.js';

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
 * caller publishes `duty-board-changed` to the service's duty board once that transaction commits.
 */
export async function raiseRiskPhraseAlert(tx: LanternDb, hit: RiskPhraseHit) {
  return insertAlert(tx, {
    serviceId: hit.serviceId,
    accountId: hit.accountId,
    chatId: hit.chatId ?? null,
    messageSeq: hit.messageSeq ?? null,
    messageId: hit.messageId ?? null,
    kind: 'risk-phrase',
    raisedAt: hit.now,
    acknowledgeBy: new Date(hit.now.getTime() + hit.acknowledgeWithinMinutes * 60_000),
  });
}
