import { Redis } from 'ioredis';
import { ServerFrame } from '../../contracts/online-chat.js';
import type { Hub } from './hub.js';

interface Logger {
  warn(details: object, message: string): void;
}

/**
 * A hub shared by every Lantern process through Redis pub/sub: one connection publishes, one
 * subscribes, to each topic only while a socket of this process listens to it (reference counts).
 * Frames are JSON. Redis forgets what it could not deliver, so the hub is only the fast path:
 * stored messages, numbered per chat, and the client's resume make delivery complete.
 */
export function redisHub(url: string, options: { logger?: Logger } = {}): Hub {
  const connection = () =>
    new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null, enableReadyCheck: true });
  const publisher = connection();
  const subscriber = connection();
  const listeners = new Map<string, Set<(frame: ServerFrame) => void>>();
  const subscribed = new Map<string, Promise<void>>();
  const warn = (err: unknown, message: string) =>
    options.logger?.warn({ err: err instanceof Error ? err.message : String(err) }, message);
  publisher.on('error', (err) => warn(err, 'redis publisher error'));
  subscriber.on('error', (err) => warn(err, 'redis subscriber error'));

  subscriber.on('message', (topic: string, data: string) => {
    const set = listeners.get(topic);
    if (!set) return;
    let frame: ServerFrame;
    try {
      frame = ServerFrame.parse(JSON.parse(data));
    } catch (err) {
      warn(err, 'unreadable frame from redis');
      return;
    }
    for (const listener of [...set]) listener(frame);
  });

  return {
    async publish(topic, frame) {
      await publisher.publish(topic, JSON.stringify(frame));
    },
    subscribe(topic, listener) {
      let set = listeners.get(topic);
      if (!set) {
        set = new Set();
        listeners.set(topic, set);
        const done = subscriber.subscribe(topic).then(
          () => undefined,
          (err) => warn(err, 'redis subscribe failed'),
        );
        subscribed.set(topic, done);
      }
      set.add(listener);
      const own = set;
      return () => {
        if (!own.delete(listener) || own.size > 0 || listeners.get(topic) !== own) return;
        listeners.delete(topic);
        subscribed.delete(topic);
        subscriber.unsubscribe(topic).catch((err) => warn(err, 'redis unsubscribe failed'));
      };
    },
    whenSubscribed(topic) {
      return subscribed.get(topic) ?? Promise.resolve();
    },
    async close() {
      listeners.clear();
      subscribed.clear();
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
