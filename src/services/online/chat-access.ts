import { type Actor, authorise, permissionsOf, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import * as chats from '../../db/repositories/online-chats.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import type { Hub } from '../../server/realtime/hub.js';

// Who may reach a chat: its young person; the counsellor holding it; a duty senior of the service
// (row-level security already keeps staff to their own organisation's young people). Anyone else
// is told there is no such chat.

export interface ChatDeps {
  db: LanternDb;
  hub: Hub;
}

export const noSuchChat = () =>
  new AppError('not-found', 'There is no such chat, or it is not yours to see.');

/** A young person needs `online:use`; staff need `online:counsel`. */
export async function authoriseChatUser(ctx: ServiceContext): Promise<void> {
  await authorise(ctx, ctx.actor.kind === 'young-person' ? 'online:use' : 'online:counsel');
}

export function canReach(actor: Actor, chat: chats.ChatRow): boolean {
  if (actor.kind === 'young-person') return chat.accountId === actor.accountId;
  if (actor.kind !== 'staff') return false;
  return chat.counsellorUserId === actor.userId || permissionsOf(actor).has('online:duty');
}

/** Whether the actor holds the chat (may send in it as its counsellor). */
export function holds(actor: Actor, chat: chats.ChatRow): boolean {
  return actor.kind === 'staff' && chat.counsellorUserId === actor.userId;
}

/** The sender kind of a message from this actor in this chat. */
export function senderKindIn(
  actor: Actor,
  chat: chats.ChatRow,
): 'young-person' | 'counsellor' | 'duty-senior' {
  if (actor.kind === 'young-person') return 'young-person';
  return holds(actor, chat) ? 'counsellor' : 'duty-senior';
}

/** Runs `work` on a chat the caller may reach, locked for a change; anything else is a 404. */
export async function withReachableChat<T>(
  ctx: ServiceContext,
  db: LanternDb,
  chatId: string,
  work: (tx: LanternDb, chat: chats.ChatRow) => Promise<T>,
  options: { lock?: boolean } = {},
): Promise<T> {
  return withScope(db, recordScope(ctx.actor), async (tx) => {
    const chat = options.lock ? await chats.lockChat(tx, chatId) : await chats.findChat(tx, chatId);
    if (!chat || !canReach(ctx.actor, chat)) throw noSuchChat();
    return work(tx, chat);
  });
}

/** A stale If-Match is refused before anything changes. */
export function checkVersion(chat: chats.ChatRow, expected: number) {
  if (chat.version !== expected) {
    throw new AppError(
      'precondition-failed',
      'This chat has changed since you loaded it. Reload and try again.',
    );
  }
}
