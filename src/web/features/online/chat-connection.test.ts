import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, ClientFrame, ServerFrame } from '../../../contracts/online-chat.js';
import {
  backoffDelay,
  type ChatConnection,
  classifySeq,
  createChatConnection,
  newClientMessageId,
  type OutboxEntry,
  SESSION_ENDED_CODE,
  type SocketLike,
  socketUrl,
} from './chat-connection.js';

const chatId = '00000000-0000-4000-8000-000000000001';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: ClientFrame[] = [];
  onopen: ((event: never) => void) | null = null;
  onmessage: ((event: never) => void) | null = null;
  onclose: ((event: never) => void) | null = null;
  onerror: ((event: never) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data) as ClientFrame);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    (this.onopen as ((e: unknown) => void) | null)?.({});
  }
  receive(frame: ServerFrame) {
    (this.onmessage as ((e: { data: string }) => void) | null)?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    (this.onclose as ((e: { code: number }) => void) | null)?.({ code });
  }
}

function message(seq: number): ServerFrame {
  const m: ChatMessage = {
    chatId,
    seq,
    senderKind: 'counsellor',
    senderLabel: 'Counsellor',
    clientMessageId: `client-${seq}`,
    body: `message ${seq}`,
    sentAt: new Date(0).toISOString(),
  };
  return { type: 'message', message: m };
}

describe('classifySeq', () => {
  it('delivers the next number, drops one it has, and sees a gap past the next', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 2000 }), (last, seq) => {
        const verdict = classifySeq(last, seq);
        expect(verdict).toBe(seq <= last ? 'duplicate' : seq === last + 1 ? 'deliver' : 'gap');
      }),
    );
  });
});

describe('backoffDelay', () => {
  it('stays between half the capped delay and the capped delay, and never passes the maximum', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const capped = Math.min(15_000, 500 * 2 ** attempt);
        const delay = backoffDelay(attempt, r);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(capped / 2));
        expect(delay).toBeLessThanOrEqual(15_000);
      }),
    );
  });
  it('grows with the attempt until the cap', () => {
    expect(backoffDelay(0, 1)).toBe(500);
    expect(backoffDelay(3, 1)).toBe(4000);
    expect(backoffDelay(20, 0)).toBe(7500);
  });
});

describe('helpers', () => {
  it('makes distinct client ids long enough for the contract', () => {
    const ids = new Set(Array.from({ length: 50 }, newClientMessageId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
  it('addresses the socket on the page’s own host', () => {
    expect(socketUrl({ protocol: 'https:', host: 'lantern.example' })).toBe(
      'wss://lantern.example/api/online/socket',
    );
    expect(socketUrl({ protocol: 'http:', host: 'localhost:3000' })).toBe(
      'ws://localhost:3000/api/online/socket',
    );
  });
});

describe('createChatConnection', () => {
  let sockets: FakeSocket[];
  let connection: ChatConnection;
  const latest = () => sockets[sockets.length - 1] as FakeSocket;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    connection = createChatConnection({
      url: 'ws://test/api/online/socket',
      createSocket: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      },
      random: () => 0,
    });
  });
  afterEach(() => {
    connection.close();
    vi.useRealTimers();
  });

  it('hands on each message once and in order, asking to resume on a gap', () => {
    const got: number[] = [];
    connection.on('message', (m) => got.push(m.seq));
    connection.follow(chatId, 0);
    latest().open();
    expect(latest().sent).toEqual([{ type: 'resume', chatId, afterSeq: 0 }]);
    latest().receive(message(1));
    latest().receive(message(1));
    latest().receive(message(3));
    expect(latest().sent.at(-1)).toEqual({ type: 'resume', chatId, afterSeq: 1 });
    latest().receive(message(4)); // still the same gap: no second resume
    expect(latest().sent.filter((f) => f.type === 'resume')).toHaveLength(2);
    latest().receive(message(2));
    latest().receive(message(3));
    latest().receive(message(2));
    latest().receive(message(4));
    expect(got).toEqual([1, 2, 3, 4]);
    expect(connection.lastSeq(chatId)).toBe(4);
  });

  it('resends unacknowledged messages with the same client id after reconnecting, and resumes after the last seq', () => {
    connection.follow(chatId, 0);
    latest().open();
    latest().receive(message(1));
    const first = connection.send(chatId, 'hello');
    const second = connection.send(chatId, 'are you there');
    latest().receive({ type: 'ack', chatId, clientMessageId: first, seq: 2 });
    latest().drop();
    expect(connection.status()).toBe('reconnecting');
    vi.advanceTimersByTime(250);
    expect(sockets).toHaveLength(2);
    latest().open();
    expect(latest().sent).toEqual([
      { type: 'resume', chatId, afterSeq: 1 },
      { type: 'send', chatId, clientMessageId: second, body: 'are you there' },
    ]);
    expect(connection.pending(chatId).map((e) => e.clientMessageId)).toEqual([second]);
  });

  it('keeps unacknowledged messages in its outbox store, so a new page resends them once', () => {
    const kept: { entries: readonly OutboxEntry[] } = { entries: [] };
    const store = {
      load: () => [...kept.entries],
      save: (e: readonly OutboxEntry[]) => (kept.entries = [...e]),
    };
    const make = () =>
      createChatConnection({
        url: 'ws://test/api/online/socket',
        createSocket: () => {
          const s = new FakeSocket();
          sockets.push(s);
          return s;
        },
        random: () => 0,
        outboxStore: store,
      });
    const before = make();
    latest().open();
    const id = before.send(chatId, 'sent just before the reload');
    expect(kept.entries).toEqual([{ chatId, clientMessageId: id, body: 'sent just before the reload' }]);
    before.close();
    // The page reloads: the new connection resends the same message with the same client id.
    const after = make();
    latest().open();
    expect(latest().sent).toContainEqual({
      type: 'send',
      chatId,
      clientMessageId: id,
      body: 'sent just before the reload',
    });
    expect(after.pending(chatId).map((e) => e.clientMessageId)).toEqual([id]);
    latest().receive({ type: 'ack', chatId, clientMessageId: id, seq: 7 });
    expect(kept.entries).toEqual([]);
    after.close();
  });

  it('stops resending a message the server refused', () => {
    latest().open();
    const id = connection.send(chatId, 'too late');
    latest().receive({ type: 'error', chatId, clientMessageId: id, detail: 'This chat has ended.' });
    expect(connection.pending()).toEqual([]);
  });

  it('does not reconnect when the session has ended', () => {
    latest().open();
    latest().drop(SESSION_ENDED_CODE);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(connection.status()).toBe('signed-out');
  });

  it('replaces a socket that has gone silent', () => {
    latest().open();
    vi.advanceTimersByTime(25_000); // ping sent
    expect(latest().sent.at(-1)).toEqual({ type: 'ping' });
    vi.advanceTimersByTime(25_000); // nothing heard: dropped
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(2);
  });

  it('re-subscribes to what it watches on every connect', () => {
    connection.watch('queue');
    latest().open();
    latest().drop();
    vi.advanceTimersByTime(1_000);
    latest().open();
    expect(latest().sent).toEqual([{ type: 'watch', what: 'queue' }]);
  });
});
