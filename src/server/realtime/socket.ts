import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { type Actor, authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import { type ChatMessage, ClientFrame, type ServerFrame } from '../../contracts/online-chat.js';
import type { LanternDb } from '../../db/client.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { authoriseChatUser, withReachableChat } from '../../services/online/chat-access.js';
import { storedMessagesAfter } from '../../services/online/chat-detail.js';
import { messageFor, viewerOf } from '../../services/online/chat-view.js';
import { publishChatMessage, storeChatMessage } from '../../services/online/send-chat-message.js';
import { serviceOfStaff } from '../../services/online/take-chat.js';
import type { SessionCookie } from '../plugins/session.js';
import { type Hub, topics } from './hub.js';
import type { SessionSweep, SweptSession } from './session-sweep.js';

// The chat socket (ADR 0021): one per signed-in person, authenticated by the session cookie at
// upgrade. Frames from a client are handled one at a time, in order. `resume` listens to the chat
// first (holding live messages back), sends every stored message after the client's number, then
// lets the held ones through: nothing falls between the stored and the live. The app's session sweep
// re-checks the socket's session while it is open, and closes it (4401) once the session has ended.

export const SESSION_ENDED_CODE = 4401;

export interface ChatSocketOptions {
  db: LanternDb;
  hub: Hub;
  onlineCookie: SessionCookie;
  /** The app's one sweep that re-checks every open socket's session. */
  sessionSweep: SessionSweep;
}

interface ChatFollow {
  unsubscribe: () => void;
  /** Live messages held back while stored ones are being sent. */
  held: ChatMessage[] | null;
  lastSent: number;
  /**
   * Live messages that came before one numbered lower: two messages stored one after the other can
   * be published the other way round (their commits reach the server over different connections,
   * or different nodes). They wait here for the gap to fill; if it does not fill soon, the missing
   * ones are read from the database.
   */
  early: Map<number, ChatMessage>;
  gapTimer: ReturnType<typeof setTimeout> | undefined;
}

/** How long a gap in the live messages may last before the missing ones are read from the database. */
const GAP_WAIT_MS = 300;

/** Browsers always send Origin with a socket: one from another site is refused. */
export function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  const parsed = URL.parse(origin);
  return parsed !== null && parsed.host === request.host;
}

/** Before the upgrade: signed in (the session hook has said who), same site, allowed to chat. */
export async function authoriseSocket(request: FastifyRequest): Promise<void> {
  if (!isSameOrigin(request))
    throw new AppError('forbidden', 'Connections from other websites are not accepted.');
  await authoriseChatUser(request.ctx);
}

export function handleChatSocket(socket: WebSocket, request: FastifyRequest, options: ChatSocketOptions) {
  const { db, hub } = options;
  let actor: Actor = request.ctx.actor;
  const staffCookie = options.onlineCookie.isSecure ? '__Host-lantern_session' : 'lantern_session';
  const token =
    actor.kind === 'staff' ? request.cookies[staffCookie] : request.cookies[options.onlineCookie.name];
  const follows = new Map<string, ChatFollow>();
  const listening = new Map<string, () => void>();
  let isClosed = false;
  let chain: Promise<void> = Promise.resolve();

  const frameCtx = (): ServiceContext => ({ ...request.ctx, actor, authorised: [] });
  const send = (frame: ServerFrame) => {
    if (!isClosed && socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  /** Sends a chat's messages once each and in order, holding any that arrive ahead of a gap. */
  const sendMessage = (chatId: string, follow: ChatFollow, message: ChatMessage) => {
    if (message.seq <= follow.lastSent) return;
    if (message.seq > follow.lastSent + 1) {
      follow.early.set(message.seq, message);
      follow.gapTimer ??= setTimeout(() => fillGap(chatId, follow), GAP_WAIT_MS);
      return;
    }
    let next: ChatMessage | undefined = message;
    while (next) {
      follow.early.delete(next.seq);
      follow.lastSent = next.seq;
      send({ type: 'message', message: messageFor(viewerOf(actor), next) });
      next = follow.early.get(follow.lastSent + 1);
    }
    for (const seq of follow.early.keys()) if (seq <= follow.lastSent) follow.early.delete(seq);
    if (follow.early.size === 0 && follow.gapTimer) {
      clearTimeout(follow.gapTimer);
      follow.gapTimer = undefined;
    }
  };
  /** A gap that did not fill: the stored messages after the last one sent are read and sent. */
  const fillGap = (chatId: string, follow: ChatFollow) => {
    follow.gapTimer = undefined;
    chain = chain.then(async () => {
      if (isClosed || follows.get(chatId) !== follow || follow.early.size === 0) return;
      try {
        await resume(chatId, follow.lastSent);
      } catch (err) {
        if (err instanceof AppError) {
          // No longer theirs to follow (ended, handed on): said as for any frame, nothing closed.
          follow.early.clear();
          send({ type: 'error', chatId, detail: err.message });
          return;
        }
        request.log.error({ err }, 'chat socket could not fill a gap');
        socket.close(1011, 'Something went wrong. Reconnecting.');
      }
    });
  };
  const listen = (topic: string) => {
    if (!listening.has(topic)) listening.set(topic, hub.subscribe(topic, send));
  };

  /**
   * What the sweep found: an ended session (or a staff one no longer signed in) closes the socket
   * with 4401, and nothing more is handled for it; a live one brings the actor up to date, so a
   * removed role bites from the sweep that finds it (within about 15 s).
   */
  function onSessionChecked(resolved: SweptSession) {
    if (isClosed) return;
    if (resolved.kind !== 'active' || (resolved.actor.kind === 'staff' && !resolved.actor.isSignedIn)) {
      isClosed = true;
      socket.close(SESSION_ENDED_CODE, 'Your session has ended. Sign in again.');
      return;
    }
    actor = resolved.actor;
  }

  async function resume(chatId: string, afterSeq: number) {
    const ctx = frameCtx();
    await authoriseChatUser(ctx);
    let follow = follows.get(chatId);
    const isNewFollow = !follow;
    if (!follow) {
      const created: ChatFollow = {
        unsubscribe: () => {},
        held: [],
        lastSent: 0,
        early: new Map(),
        gapTimer: undefined,
      };
      created.unsubscribe = hub.subscribe(topics.chat(chatId), (frame) => {
        if (frame.type !== 'message') return send(frame);
        if (created.held) created.held.push(frame.message);
        else sendMessage(chatId, created, frame.message);
      });
      follow = created;
      follows.set(chatId, follow);
      await hub.whenSubscribed?.(topics.chat(chatId));
    } else {
      follow.held = [];
    }
    const current = follow;
    try {
      const { accountId, stored } = await withReachableChat(ctx, db, chatId, async (tx, chat) => ({
        accountId: chat.accountId,
        stored: await storedMessagesAfter(tx, chat, afterSeq),
      }));
      // Logged on its own once the read has committed, before anything is sent: the access log's
      // lock lasts one statement, not a transaction's round trips (socket reconnects come in crowds).
      if (actor.kind === 'staff') {
        await ctx.recordAccess({
          subjectKind: 'online-account',
          subjectId: accountId,
          action: 'read-chat',
          outcome: 'allowed',
          basis: 'online',
        });
      }
      current.lastSent = afterSeq;
      for (const message of stored) sendMessage(chatId, current, message);
    } catch (err) {
      if (isNewFollow) {
        // Not theirs to follow: what was held back is thrown away unseen.
        current.unsubscribe();
        follows.delete(chatId);
        current.held = [];
      }
      throw err;
    } finally {
      const held = current.held ?? [];
      current.held = null;
      for (const message of held.sort((a, b) => a.seq - b.seq)) sendMessage(chatId, current, message);
    }
  }

  async function watch(what: 'queue' | 'duty-board') {
    const ctx = frameCtx();
    await authorise(ctx, what === 'queue' ? 'online:counsel' : 'online:duty');
    if (actor.kind !== 'staff') return;
    const organisationId = actor.organisationId;
    const service = await withScope(db, recordScope(actor), (tx) => serviceOfStaff(tx, organisationId));
    if (!service) return;
    listen(what === 'queue' ? topics.queue(service.id) : topics.dutyBoard(service.id));
  }

  async function handle(frame: ClientFrame) {
    if (frame.type === 'ping') return send({ type: 'pong' });
    if (frame.type === 'resume') return resume(frame.chatId, frame.afterSeq);
    if (frame.type === 'watch') return watch(frame.what);
    const deps = { db, hub };
    const sent = await storeChatMessage(frameCtx(), deps, frame);
    send({ type: 'ack', chatId: frame.chatId, clientMessageId: frame.clientMessageId, seq: sent.seq });
    await publishChatMessage(deps, sent);
  }

  function onRaw(data: unknown) {
    let frame: ClientFrame;
    try {
      frame = ClientFrame.parse(JSON.parse(String(data)));
    } catch {
      send({ type: 'error', detail: 'That frame could not be read.' });
      return;
    }
    chain = chain.then(async () => {
      if (isClosed) return;
      try {
        await handle(frame);
      } catch (err) {
        if (err instanceof AppError) {
          const about = 'chatId' in frame ? { chatId: frame.chatId } : {};
          const id = frame.type === 'send' ? { clientMessageId: frame.clientMessageId } : {};
          send({ type: 'error', ...about, ...id, detail: err.message });
          return;
        }
        // Not the client's fault: close, so it reconnects, resumes and resends.
        request.log.error({ err }, 'chat socket frame failed');
        socket.close(1011, 'Something went wrong. Reconnecting.');
      }
    });
  }

  if (actor.kind === 'young-person') {
    listen(topics.account(actor.accountId));
    listen(topics.queue(actor.serviceId));
  } else if (actor.kind === 'staff') {
    listen(topics.staff(actor.userId));
  }
  const unregister = options.sessionSweep.register({
    kind: actor.kind === 'staff' ? 'staff' : 'young-person',
    token: token ?? '',
    onResolved: onSessionChecked,
  });
  socket.on('message', onRaw);
  socket.on('close', () => {
    isClosed = true;
    unregister();
    for (const follow of follows.values()) {
      follow.unsubscribe();
      clearTimeout(follow.gapTimer);
    }
    for (const stop of listening.values()) stop();
    follows.clear();
    listening.clear();
  });
}
