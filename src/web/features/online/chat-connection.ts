import type { ChatMessage, ClientFrame, ServerFrame } from '../../../contracts/online-chat.js';

// The chat socket's client, for the web pages and for tests in Node (ADR 0021). It keeps, per chat,
// the highest message number (`seq`) it has handed on, and an outbox of messages not yet
// acknowledged. On every (re)connect it resumes each chat after that number and resends the outbox
// with the same client ids, so the server stores each message once. It hands on every message once
// and in order: a number it already has is dropped; a number past a gap asks the server to resume.

/** The parts of a WebSocket this client uses: the browser's, or the `ws` package's in Node. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
}

const OPEN = 1;
/** The server closes the socket with this code when the session has ended: sign in again. */
export const SESSION_ENDED_CODE = 4401;

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'signed-out' | 'closed';

export interface OutboxEntry {
  chatId: string;
  clientMessageId: string;
  body: string;
}

export interface ChatConnectionEvents {
  message: ChatMessage;
  ack: { chatId: string; clientMessageId: string; seq: number };
  status: ConnectionStatus;
  'chat-changed': Extract<ServerFrame, { type: 'chat-changed' }>;
  'queue-changed': Extract<ServerFrame, { type: 'queue-changed' }>;
  'duty-board-changed': Extract<ServerFrame, { type: 'duty-board-changed' }>;
  error: Extract<ServerFrame, { type: 'error' }>;
}

export interface ChatConnectionOptions {
  url: string;
  /** A WebSocket constructor (`window.WebSocket`)… */
  WebSocket?: new (
    url: string,
  ) => SocketLike;
  /** …or a function that opens one (in Node: `(url) => new WebSocket(url, { headers })` from `ws`). */
  createSocket?: (url: string) => SocketLike;
  /** Backoff between reconnects: first delay and the most it grows to, in milliseconds. */
  backoff?: { initialMs: number; maxMs: number };
  /** A socket silent this long (no frame, not even a pong) is treated as dead and replaced. */
  heartbeatMs?: number;
  random?: () => number;
  /** Where unacknowledged messages are kept, so a page reload resends them (`chat-outbox-store.ts`). */
  outboxStore?: OutboxStore;
}

/** Keeps the outbox beyond the page: loaded once, saved on every change. */
export interface OutboxStore {
  load(): OutboxEntry[];
  save(entries: readonly OutboxEntry[]): void;
}

// ---- Pure parts -------------------------------------------------------------------------------

/** What to do with a message numbered `seq` when the highest number held is `lastSeq`. */
export function classifySeq(lastSeq: number, seq: number): 'deliver' | 'duplicate' | 'gap' {
  if (seq <= lastSeq) return 'duplicate';
  return seq === lastSeq + 1 ? 'deliver' : 'gap';
}

/** Exponential backoff with jitter: half the capped delay for certain, the other half random. */
export function backoffDelay(attempt: number, random: number, initialMs = 500, maxMs = 15_000): number {
  const capped = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(capped / 2 + (capped / 2) * Math.min(Math.max(random, 0), 1));
}

/** A random client id: works where `crypto.randomUUID` is missing (plain http off localhost). */
export function newClientMessageId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The socket's address for a page at `location` (ws: on http, wss: on https). */
export function socketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/online/socket`;
}

// ---- The connection ---------------------------------------------------------------------------

type Listener<K extends keyof ChatConnectionEvents> = (value: ChatConnectionEvents[K]) => void;

export interface ChatConnection {
  /** Starts (or keeps) following a chat: messages after `afterSeq` (the highest you hold) and live ones. */
  follow(chatId: string, afterSeq?: number): void;
  unfollow(chatId: string): void;
  /** Counsellors and duty seniors: hear when the queue or the duty board changes. */
  watch(what: 'queue' | 'duty-board'): void;
  /** Queues a message; it is sent now if connected and resent on every reconnect until acknowledged. */
  send(chatId: string, body: string): string;
  lastSeq(chatId: string): number;
  pending(chatId?: string): OutboxEntry[];
  status(): ConnectionStatus;
  on<K extends keyof ChatConnectionEvents>(type: K, listener: Listener<K>): () => void;
  close(): void;
}

export function createChatConnection(options: ChatConnectionOptions): ChatConnection {
  const open =
    options.createSocket ??
    ((url: string) => {
      if (!options.WebSocket) throw new Error('give createChatConnection a WebSocket or createSocket');
      return new options.WebSocket(url);
    });
  const random = options.random ?? Math.random;
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const lastSeqs = new Map<string, number>();
  /** Per chat, the seq a resume was last asked after: no second resume until it moves on. */
  const resumedAfter = new Map<string, number>();
  const watches = new Set<'queue' | 'duty-board'>();
  const outbox: OutboxEntry[] = options.outboxStore?.load() ?? [];
  const saveOutbox = () => options.outboxStore?.save(outbox);
  const listeners = new Map<keyof ChatConnectionEvents, Set<(value: never) => void>>();
  let socket: SocketLike | null = null;
  let state: ConnectionStatus = 'connecting';
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  let heardSinceBeat = true;

  function emit<K extends keyof ChatConnectionEvents>(type: K, value: ChatConnectionEvents[K]) {
    for (const listener of listeners.get(type) ?? []) (listener as Listener<K>)(value);
  }
  function setStatus(next: ConnectionStatus) {
    if (state === next) return;
    state = next;
    emit('status', next);
  }
  function transmit(frame: ClientFrame) {
    if (socket && socket.readyState === OPEN) socket.send(JSON.stringify(frame));
  }
  function resume(chatId: string) {
    const after = lastSeqs.get(chatId) ?? 0;
    resumedAfter.set(chatId, after);
    transmit({ type: 'resume', chatId, afterSeq: after });
  }

  function onFrame(frame: ServerFrame) {
    switch (frame.type) {
      case 'message': {
        const { chatId, seq } = frame.message;
        if (!lastSeqs.has(chatId)) return; // not following it (any more)
        const last = lastSeqs.get(chatId) ?? 0;
        const verdict = classifySeq(last, seq);
        if (verdict === 'duplicate') return;
        if (verdict === 'gap') {
          if (resumedAfter.get(chatId) !== last) resume(chatId);
          return;
        }
        lastSeqs.set(chatId, seq);
        resumedAfter.delete(chatId);
        emit('message', frame.message);
        return;
      }
      case 'ack': {
        const index = outbox.findIndex(
          (e) => e.chatId === frame.chatId && e.clientMessageId === frame.clientMessageId,
        );
        if (index >= 0) outbox.splice(index, 1);
        saveOutbox();
        emit('ack', { chatId: frame.chatId, clientMessageId: frame.clientMessageId, seq: frame.seq });
        return;
      }
      case 'error': {
        // A refused message (chat ended, not yours, too long) is refused for good: stop resending it.
        if (frame.clientMessageId) {
          const index = outbox.findIndex((e) => e.clientMessageId === frame.clientMessageId);
          if (index >= 0) outbox.splice(index, 1);
          saveOutbox();
        }
        emit('error', frame);
        return;
      }
      case 'pong':
        return;
      default:
        emit(frame.type, frame as never);
    }
  }

  function stopTimers() {
    if (heartbeatTimer) clearInterval(heartbeatTimer);
    heartbeatTimer = null;
    if (reconnectTimer) clearTimeout(reconnectTimer);
    reconnectTimer = null;
  }

  function detach(s: SocketLike) {
    s.onopen = null;
    s.onmessage = null;
    s.onclose = null;
    s.onerror = null;
  }

  function scheduleReconnect() {
    stopTimers();
    setStatus('reconnecting');
    const delay = backoffDelay(attempt, random(), options.backoff?.initialMs, options.backoff?.maxMs);
    attempt += 1;
    reconnectTimer = setTimeout(connect, delay);
  }

  /** Drops a socket that has failed or gone silent, and tries again after a while. */
  function drop(s: SocketLike) {
    detach(s);
    try {
      s.close();
    } catch {
      // already closed
    }
    if (socket === s) socket = null;
    scheduleReconnect();
  }

  function connect() {
    reconnectTimer = null;
    let s: SocketLike;
    try {
      s = open(options.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = s;
    s.onopen = (() => {
      attempt = 0;
      heardSinceBeat = true;
      setStatus('open');
      resumedAfter.clear();
      for (const chatId of lastSeqs.keys()) resume(chatId);
      for (const what of watches) transmit({ type: 'watch', what });
      for (const entry of outbox) transmit({ type: 'send', ...entry });
      heartbeatTimer = setInterval(() => {
        if (!heardSinceBeat) return drop(s);
        heardSinceBeat = false;
        transmit({ type: 'ping' });
      }, heartbeatMs);
    }) as (event: never) => void;
    s.onmessage = ((event: { data: unknown }) => {
      heardSinceBeat = true;
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame;
      } catch {
        return;
      }
      onFrame(frame);
    }) as (event: never) => void;
    s.onerror = (() => {
      // A close event follows; reconnecting is decided there.
    }) as (event: never) => void;
    s.onclose = ((event: { code?: number }) => {
      detach(s);
      if (socket === s) socket = null;
      stopTimers();
      if (state === 'closed') return;
      if (event.code === SESSION_ENDED_CODE) return setStatus('signed-out');
      scheduleReconnect();
    }) as (event: never) => void;
  }

  connect();

  return {
    follow(chatId, afterSeq = 0) {
      const held = lastSeqs.get(chatId);
      if (held !== undefined && held >= afterSeq) return;
      lastSeqs.set(chatId, afterSeq);
      resume(chatId);
    },
    unfollow(chatId) {
      lastSeqs.delete(chatId);
      resumedAfter.delete(chatId);
    },
    watch(what) {
      watches.add(what);
      transmit({ type: 'watch', what });
    },
    send(chatId, body) {
      const entry = { chatId, clientMessageId: newClientMessageId(), body };
      outbox.push(entry);
      saveOutbox();
      transmit({ type: 'send', ...entry });
      return entry.clientMessageId;
    },
    lastSeq: (chatId) => lastSeqs.get(chatId) ?? 0,
    pending: (chatId) =>
      outbox.filter((e) => chatId === undefined || e.chatId === chatId).map((e) => ({ ...e })),
    status: () => state,
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      set.add(listener as (value: never) => void);
      listeners.set(type, set);
      return () => set.delete(listener as (value: never) => void);
    },
    close() {
      state = 'closed';
      stopTimers();
      if (socket) {
        detach(socket);
        socket.close(1000);
        socket = null;
      }
      emit('status', 'closed');
    },
  };
}
