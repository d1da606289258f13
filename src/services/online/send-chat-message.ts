import { permissionsOf, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { ChatMessage, RiskMatch } from '../../contracts/online-chat.js';
import * as chats from '../../db/repositories/online-chats.repository.js';
import * as queue from '../../db/repositories/online-queue.repository.js';
import { activeRiskPhrases } from '../../db/repositories/online-risk.repository.js';
import { asSystemWithin, withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { matchRiskPhrases } from '../../domain/online/risk-phrases.js';
import { topics } from '../../server/realtime/hub.js';
import { authoriseChatUser, type ChatDeps, canReach, noSuchChat, senderKindIn } from './chat-access.js';
import { appendInBatch } from './chat-append-batches.js';
import { cachedRiskPhrases, forgetRiskPhrases } from './chat-send-cache.js';
import { messageForStaff } from './chat-view.js';
import { raiseRiskPhraseAlert } from './risk-alerts.js';

export interface SendChatMessageInput {
  chatId: string;
  clientMessageId: string;
  body: string;
}

export interface SentChatMessage {
  seq: number;
  /** False for a resend of a message already stored: acknowledge it, publish nothing. */
  isNew: boolean;
  /** In the form staff see; each socket shapes it for its reader. */
  message: ChatMessage;
  serviceId: string;
  isAlertRaised: boolean;
}

/**
 * Stores a chat message before anyone is sent it, numbered in its chat. A young person's message
 * is checked against the organisation's risk phrases: a match is stored with it and raises an
 * alert on the duty board in the same transaction. A resend (same client id) returns the stored
 * message, even after the chat has ended.
 */
export async function storeChatMessage(
  ctx: ServiceContext,
  deps: ChatDeps,
  input: SendChatMessageInput,
): Promise<SentChatMessage> {
  await authoriseChatUser(ctx);
  return (await storeQuickly(ctx, deps, input)) ?? storeInTransaction(ctx, deps, input);
}

/**
 * The usual case in one round trip (migration 0026, ADR 0024): a message with no risk match, stored
 * by one call (shared with messages arriving meanwhile, `chat-append-batches.ts`) that locks the
 * chat, checks who may send, takes a resend as it was, refuses an ended chat and numbers the
 * message. Null when the full transaction must decide: a risk match (its alert
 * is raised in the same transaction), or risk phrases changed since they were cached.
 */
async function storeQuickly(
  ctx: ServiceContext,
  deps: ChatDeps,
  input: SendChatMessageInput,
): Promise<SentChatMessage | null> {
  const actor = ctx.actor;
  if (actor.kind !== 'young-person' && actor.kind !== 'staff') return null;
  let risk: { organisationId: string; stamp: string } | null = null;
  if (actor.kind === 'young-person') {
    const cached = await cachedRiskPhrases(deps.db, actor.organisationId);
    if (matchRiskPhrases(input.body, cached.phrases).length > 0) return null;
    risk = { organisationId: actor.organisationId, stamp: cached.stamp };
  }
  const stored = await appendInBatch(deps.db, {
    chatId: input.chatId,
    senderUserId: actor.kind === 'staff' ? actor.userId : null,
    senderOrganisationId: actor.kind === 'staff' ? actor.organisationId : null,
    senderAccountId: actor.kind === 'young-person' ? actor.accountId : null,
    mayDuty: permissionsOf(actor).has('online:duty'),
    clientMessageId: input.clientMessageId,
    body: input.body,
    risk,
    sentAt: ctx.now(),
  });
  if (stored.outcome === 'recheck') {
    if (risk) forgetRiskPhrases(risk.organisationId);
    return null;
  }
  if (stored.outcome === 'ended') throw chatEnded();
  if (!stored.row || !stored.serviceId) throw noSuchChat();
  const staffNames = new Map<string, string>();
  if (stored.row.senderUserId && stored.senderName)
    staffNames.set(stored.row.senderUserId, stored.senderName);
  const message = messageForStaff(stored.row, {
    username: stored.username ?? 'Young person',
    staffNames,
  });
  return {
    seq: stored.row.seq,
    isNew: stored.outcome === 'stored',
    message,
    serviceId: stored.serviceId,
    isAlertRaised: false,
  };
}

const chatEnded = () =>
  new AppError('conflict', 'This chat has finished, so messages can no longer be sent in it.');

/** The full path: one transaction, which also raises the alert for a risk match. */
async function storeInTransaction(
  ctx: ServiceContext,
  deps: ChatDeps,
  input: SendChatMessageInput,
): Promise<SentChatMessage> {
  const actor = ctx.actor;
  const now = ctx.now();
  return withScope(deps.db, recordScope(actor), async (tx) => {
    const chat = await chats.lockChat(tx, input.chatId);
    if (!chat || !canReach(actor, chat)) throw noSuchChat();
    const senderKind = senderKindIn(actor, chat);
    const senderUserId = actor.kind === 'staff' ? actor.userId : null;
    const service = await queue.findService(tx, chat.serviceId);
    if (!service) throw noSuchChat();
    let matches: RiskMatch[] = [];
    const existing = await chats.findMessageByClientId(tx, chat.id, senderKind, input.clientMessageId);
    if (!existing) {
      if (chat.status !== 'active') {
        throw chatEnded();
      }
      if (senderKind === 'young-person') {
        matches = matchRiskPhrases(input.body, await activeRiskPhrases(tx, service.organisationId));
      }
    }
    const stored = await chats.appendChatMessage(tx, {
      chatId: chat.id,
      senderKind,
      senderUserId,
      clientMessageId: input.clientMessageId,
      body: input.body,
      riskMatches: matches.length > 0 ? matches : null,
      sentAt: now,
    });
    if (!stored) throw noSuchChat();
    let isAlertRaised = false;
    if (stored.isNew && matches.length > 0) {
      // A young person's scope cannot write alerts (they are staff-only): raised as the system.
      await asSystemWithin(tx, 'a risk phrase in a chat message', () =>
        raiseRiskPhraseAlert(tx, {
          serviceId: chat.serviceId,
          accountId: chat.accountId,
          chatId: chat.id,
          messageSeq: stored.row.seq,
          matches,
          acknowledgeWithinMinutes: service.alertAcknowledgeMinutes,
          now,
        }),
      );
      isAlertRaised = true;
    }
    const accounts = await queue.accountsByIds(tx, [chat.accountId]);
    const staffNames = await chats.staffNames(tx, senderUserId ? [senderUserId] : []);
    const message = messageForStaff(stored.row, {
      username: accounts.get(chat.accountId)?.username ?? 'Young person',
      staffNames,
    });
    return { seq: stored.row.seq, isNew: stored.isNew, message, serviceId: chat.serviceId, isAlertRaised };
  });
}

/** After the message is stored (committed): everyone on the chat hears it, the duty board of an alert. */
export async function publishChatMessage(deps: ChatDeps, sent: SentChatMessage): Promise<void> {
  if (!sent.isNew) return;
  await deps.hub.publish(topics.chat(sent.message.chatId), { type: 'message', message: sent.message });
  if (sent.isAlertRaised)
    await deps.hub.publish(topics.dutyBoard(sent.serviceId), { type: 'duty-board-changed' });
}
