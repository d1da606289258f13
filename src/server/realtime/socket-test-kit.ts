import WebSocket from 'ws';
import type { ServerFrame } from '../../contracts/online-chat.js';
import type { LanternDb } from '../../db/client.js';
import { type ChatConnection, createChatConnection } from '../../web/features/online/chat-connection.js';

// For the socket tests only: raw frame clients and chat-connection clients over `ws`.

export interface CookieAuth {
  cookie: string;
  origin: string;
}

/** A raw socket that records every frame and can wait for one. */
export class FrameClient {
  readonly frames: ServerFrame[] = [];
  closeCode: number | null = null;
  private waiters: { test: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(frame)) return true;
        w.resolve(frame);
        return false;
      });
    });
    socket.on('close', (code) => {
      this.closeCode = code;
    });
  }

  static open(url: string, auth: CookieAuth): Promise<FrameClient> {
    const socket = new WebSocket(url, { headers: { cookie: auth.cookie, origin: auth.origin } });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new FrameClient(socket)));
      socket.once('unexpected-response', (req, res) => {
        // With a listener here, ws leaves the refused request open: end it.
        res.resume();
        req.destroy();
        reject(new Error(`refused with ${res.statusCode}`));
      });
      socket.once('error', reject);
    });
  }

  send(frame: object) {
    this.socket.send(JSON.stringify(frame));
  }

  /** The first frame (already here or still to come) that passes `test`. */
  next(test: (f: ServerFrame) => boolean, timeoutMs = 15_000): Promise<ServerFrame> {
    const found = this.frames.find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such frame came')), timeoutMs);
      this.waiters.push({
        test,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  }

  messages(chatId: string) {
    return this.frames.flatMap((f) =>
      f.type === 'message' && f.message.chatId === chatId ? [f.message] : [],
    );
  }

  closed(): Promise<number> {
    if (this.closeCode !== null) return Promise.resolve(this.closeCode);
    return new Promise((resolve) => this.socket.once('close', (code) => resolve(code)));
  }

  close() {
    this.socket.close();
  }
}

/** The reconnecting client, over `ws`, with short backoff for tests. */
export function connectionOver(
  url: string,
  auth: CookieAuth,
  onSocket: (socket: WebSocket) => void = () => {},
): ChatConnection {
  return createChatConnection({
    url,
    createSocket: (address) => {
      const socket = new WebSocket(address, { headers: { cookie: auth.cookie, origin: auth.origin } });
      onSocket(socket);
      return socket;
    },
    backoff: { initialMs: 50, maxMs: 500 },
  });
}

/** Waits until `check` holds, polling; for conditions reached through several frames. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('the condition never held');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * The database with every query it is asked for counted: each select, insert, update, delete and
 * raw statement, and each transaction (its begin and commit) as one.
 */
export function countingQueries(db: LanternDb, counter: { queries: number }): LanternDb {
  return new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      if (property === 'transaction') {
        return (work: (tx: LanternDb) => Promise<unknown>, config?: unknown) => {
          counter.queries += 1;
          return target.transaction((tx) => work(countingQueries(tx as LanternDb, counter)), config as never);
        };
      }
      if (['select', 'selectDistinct', 'insert', 'update', 'delete', 'execute'].includes(String(property))) {
        return (...args: unknown[]) => {
          counter.queries += 1;
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
}
