import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { MessageSaved, SendMessageInput } from '../../contracts/online-bookings.js';
import type { LanternDb } from '../../db/client.js';
import * as bookings from '../../db/repositories/online-bookings.repository.js';
import * as repo from '../../db/repositories/online-messages.repository.js';
import { activeRiskPhrases } from '../../db/repositories/online-risk.repository.js';
import { asSystemWithin, withScope } from '../../db/scoped.js';
import { matchRiskPhrases } from '../../domain/online/risk-phrases.js';
import type { Hub } from '../../server/realtime/hub.js';
import { topics } from '../../server/realtime/hub.js';
import { recordChange } from '../audit/record-change.js';
import { withYoungPersonRecord, youngPersonOf } from './booking-access.js';
import { raiseRiskPhraseAlert } from './risk-alerts.js';

/**
 * The young person writes to the service between chats. A risk phrase in it puts an alert on the
 * duty senior's board in the same transaction; the board hears once it commits.
 */
export async function sendMessage(
  ctx: ServiceContext,
  deps: { db: LanternDb; hub?: Pick<Hub, 'publish'> },
  input: SendMessageInput,
): Promise<MessageSaved> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  const now = ctx.now();
  const saved = await withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const matches = matchRiskPhrases(input.body, await activeRiskPhrases(tx, me.organisationId));
    const row = await repo.insertMessage(tx, {
      accountId: me.accountId,
      direction: 'from-young-person',
      senderUserId: null,
      body: input.body,
      riskMatches: matches.length > 0 ? matches : null,
      sentAt: now,
    });
    await repo.markRead(tx, me.accountId, 'young-person', now);
    await recordChange(tx, ctx, {
      entity: 'online-message',
      entityId: row.id,
      action: 'send',
      after: { accountId: me.accountId, direction: row.direction, riskPhrases: matches.length },
    });
    if (matches.length > 0) {
      const service = await bookings.findService(tx, me.serviceId);
      // A young person's scope may not write to the duty board; the alert is the service's own record.
      await asSystemWithin(tx, 'a risk phrase in a young person’s message goes to the duty board', () =>
        raiseRiskPhraseAlert(tx, {
          serviceId: me.serviceId,
          accountId: me.accountId,
          messageId: row.id,
          matches,
          acknowledgeWithinMinutes: service?.alertAcknowledgeMinutes ?? 5,
          now,
        }),
      );
    }
    return { row, hasAlert: matches.length > 0 };
  });
  if (saved.hasAlert) await deps.hub?.publish(topics.dutyBoard(me.serviceId), { type: 'duty-board-changed' });
  return { id: saved.row.id, sentAt: saved.row.sentAt.toISOString() };
}

/** A counsellor replies to a young person's thread (access-logged; 404 outside their scope). */
export async function replyToYoungPerson(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  accountId: string,
  input: SendMessageInput,
): Promise<MessageSaved> {
  await authorise(ctx, 'online:counsel');
  const now = ctx.now();
  return withYoungPersonRecord(ctx, deps.db, accountId, 'online:reply', async (tx, _found, userId) => {
    const row = await repo.insertMessage(tx, {
      accountId,
      direction: 'to-young-person',
      senderUserId: userId,
      body: input.body,
      riskMatches: null,
      sentAt: now,
    });
    await repo.markRead(tx, accountId, 'service', now);
    await recordChange(tx, ctx, {
      entity: 'online-message',
      entityId: row.id,
      action: 'reply',
      after: { accountId, direction: row.direction },
    });
    return { id: row.id, sentAt: row.sentAt.toISOString() };
  });
}
