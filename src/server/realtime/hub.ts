import type { ServerFrame } from '../../contracts/online-chat.js';

/**
 * Fans events out to the sockets that listen for them. In one process a local hub is enough; with
 * REDIS_URL set, every Lantern process publishes through Redis and delivers to its own sockets, so
 * a young person on one node and a counsellor on another talk normally. Publishing happens only
 * after the event's data is committed.
 */
export interface Hub {
  publish(topic: string, frame: ServerFrame): Promise<void>;
  /** Returns the function that stops listening. */
  subscribe(topic: string, listener: (frame: ServerFrame) => void): () => void;
  /**
   * Resolves once frames published on `topic` from now on will reach this process's listeners. A
   * socket awaits it before reading a chat's stored messages, so nothing falls between the two.
   */
  whenSubscribed?(topic: string): Promise<void>;
  close(): Promise<void>;
}

/** Topic names: one per chat, per service queue and duty board, and per person. */
export const topics = {
  chat: (chatId: string) => `chat:${chatId}`,
  queue: (serviceId: string) => `queue:${serviceId}`,
  dutyBoard: (serviceId: string) => `duty:${serviceId}`,
  account: (accountId: string) => `account:${accountId}`,
  staff: (userId: string) => `staff:${userId}`,
};

/** The in-process hub: listeners per topic, called synchronously. */
export function localHub(): Hub {
  const listeners = new Map<string, Set<(frame: ServerFrame) => void>>();
  return {
    async publish(topic, frame) {
      for (const listener of listeners.get(topic) ?? []) listener(frame);
    },
    subscribe(topic, listener) {
      const set = listeners.get(topic) ?? new Set();
      set.add(listener);
      listeners.set(topic, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(topic);
      };
    },
    async close() {
      listeners.clear();
    },
  };
}
