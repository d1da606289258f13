import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { ChatMessage } from '../../contracts/online-chat.js';
import { appendChatMessage } from '../../db/repositories/online-chats.repository.js';
import * as risk from '../../db/repositories/online-risk.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { topics } from '../../server/realtime/hub.js';
import { recordChange } from '../audit/record-change.js';
import { tellDutyBoard } from './risk-alerts.js';
import { notFound, type RiskDeps, withOnlineAccess, withRiskChat } from './risk-chat-access.js';

const stale = () =>
  new AppError(
    'precondition-failed',
    'Someone changed this since you loaded it. Reload the board and try again.',
  );

/** A duty senior acknowledges an alert (If-Match: the alert's version); it stops escalating further. */
export async function acknowledgeAlert(
  ctx: ServiceContext,
  deps: RiskDeps,
  alertId: string,
  version: number,
) {
  await authorise(ctx, 'online:duty');
  const { userId } = staffOf(ctx);
  const now = ctx.now();
  const done = await withOnlineAccess(ctx, { kind: 'online-alert', id: alertId }, 'online:duty', (found) =>
    withScope(deps.db, recordScope(ctx.actor), async (tx) => {
      const alert = await risk.findAlert(tx, alertId);
      if (!alert) throw notFound('alert');
      found(alert.accountId);
      const acknowledged = await risk.acknowledgeAlertIfVersion(tx, alertId, version, userId, now);
      if (!acknowledged) throw stale();
      if (alert.escalationId) {
        const escalation = await risk.findEscalation(tx, alert.escalationId);
        if (escalation && !escalation.dutySeniorUserId) {
          await risk.updateEscalationIfVersion(tx, escalation.id, escalation.version, {
            dutySeniorUserId: userId,
          });
        }
      }
      await recordChange(tx, ctx, {
        entity: 'online-alert',
        entityId: alertId,
        action: 'online-alert:acknowledged',
        before: { acknowledgedAt: null },
        after: { acknowledgedAt: now.toISOString(), isLate: now > alert.acknowledgeBy },
      });
      return acknowledged;
    }),
  );
  await tellDutyBoard(deps.hub, done.serviceId);
  return { id: done.id, version: done.version, acknowledgedAt: now.toISOString() };
}

export const DUTY_SENIOR_JOINED = 'A duty senior has joined the chat';

/**
 * A duty senior joins a chat still going on: a system message says so to everyone in it, and any
 * escalation of the chat still only raised now has its duty senior. Joining twice says it once.
 */
export async function joinChat(ctx: ServiceContext, deps: RiskDeps, chatId: string) {
  const joined = await withRiskChat(ctx, deps.db, chatId, 'online:duty', async (tx, chat, userId, now) => {
    if (chat.status !== 'active') {
      throw new AppError('conflict', 'This chat is not going on now, so there is nothing to join.');
    }
    const stored = await appendChatMessage(tx, {
      chatId,
      senderKind: 'system',
      senderUserId: userId,
      clientMessageId: `duty-senior-joined-${userId}`,
      body: DUTY_SENIOR_JOINED,
      riskMatches: null,
      sentAt: now,
    });
    if (!stored) throw notFound('chat');
    const escalations = await risk.markEscalationsJoined(tx, chatId, userId);
    if (stored.isNew) {
      await recordChange(tx, ctx, {
        entity: 'online-chat',
        entityId: chatId,
        action: 'online-chat:duty-senior-joined',
        after: { seq: stored.row.seq, escalations: escalations.map((e) => e.id) },
      });
    }
    return { serviceId: chat.serviceId, row: stored.row, isNew: stored.isNew };
  });
  if (joined.isNew) {
    const message: ChatMessage = {
      chatId,
      seq: joined.row.seq,
      senderKind: 'system',
      senderLabel: 'Lantern',
      clientMessageId: joined.row.clientMessageId,
      body: joined.row.body,
      sentAt: joined.row.sentAt.toISOString(),
    };
    await deps.hub.publish(topics.chat(chatId), { type: 'message', message }).catch(() => undefined);
    await deps.hub
      .publish(topics.chat(chatId), { type: 'chat-changed', chatId, status: 'active' })
      .catch(() => undefined);
    await tellDutyBoard(deps.hub, joined.serviceId);
  }
  return { chatId, seq: joined.row.seq };
}

/** A duty senior closes an escalation with what happened (If-Match: its version). */
export async function closeEscalation(
  ctx: ServiceContext,
  deps: RiskDeps,
  escalationId: string,
  version: number,
  outcome: string,
) {
  await authorise(ctx, 'online:duty');
  const { userId } = staffOf(ctx);
  const now = ctx.now();
  const done = await withOnlineAccess(
    ctx,
    { kind: 'online-escalation', id: escalationId },
    'online:duty',
    (found) =>
      withScope(deps.db, recordScope(ctx.actor), async (tx) => {
        const escalation = await risk.findEscalation(tx, escalationId);
        if (!escalation) throw notFound('escalation');
        found(escalation.accountId);
        if (escalation.status === 'closed')
          throw new AppError('conflict', 'This escalation is already closed.');
        const next = await risk.updateEscalationIfVersion(tx, escalationId, version, {
          status: 'closed',
          closedAt: now,
          outcome,
          dutySeniorUserId: escalation.dutySeniorUserId ?? userId,
        });
        if (next === null) throw stale();
        await recordChange(tx, ctx, {
          entity: 'online-escalation',
          entityId: escalationId,
          action: 'online-escalation:closed',
          before: { status: escalation.status },
          after: { status: 'closed' },
        });
        const chat = await risk.lockRiskChat(tx, escalation.chatId, false);
        return { version: next, serviceId: chat?.serviceId ?? null };
      }),
  );
  if (done.serviceId) await tellDutyBoard(deps.hub, done.serviceId);
  return { id: escalationId, version: done.version, status: 'closed' as const };
}
