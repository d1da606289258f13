import { describe, expect, it } from 'vitest';
import { sessionOutboxStore } from './chat-outbox-store.js';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => {
    this.items.set(key, value);
  };
  removeItem = (key: string) => {
    this.items.delete(key);
  };
}

describe('sessionOutboxStore', () => {
  const entry = { chatId: 'c1', clientMessageId: 'm1', body: 'hello' };

  it('keeps entries across stores on the same storage and removes the key when empty', () => {
    const storage = new MemoryStorage();
    sessionOutboxStore(storage).save([entry]);
    expect(sessionOutboxStore(storage).load()).toEqual([entry]);
    sessionOutboxStore(storage).save([]);
    expect(storage.items.size).toBe(0);
  });

  it('ignores anything that is not a list of entries', () => {
    const storage = new MemoryStorage();
    storage.setItem('lantern-chat-outbox', '{not json');
    expect(sessionOutboxStore(storage).load()).toEqual([]);
    storage.setItem('lantern-chat-outbox', JSON.stringify([entry, { chatId: 1 }, 'x']));
    expect(sessionOutboxStore(storage).load()).toEqual([entry]);
  });

  it('keeps going when storage refuses to save', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() => sessionOutboxStore(storage).save([entry])).not.toThrow();
  });
});
