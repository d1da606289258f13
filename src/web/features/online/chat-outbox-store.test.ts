import { describe, expect, it } from 'vitest';
import { forgetChatOutboxes, sessionOutboxStore } from './chat-outbox-store.js';

class MemoryStorage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key = (index: number) => [...this.items.keys()][index] ?? null;
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
    sessionOutboxStore(storage, 'young-person:sky').save([entry]);
    expect(sessionOutboxStore(storage, 'young-person:sky').load()).toEqual([entry]);
    sessionOutboxStore(storage, 'young-person:sky').save([]);
    expect(storage.items.size).toBe(0);
  });

  it('ignores anything that is not a list of entries', () => {
    const storage = new MemoryStorage();
    storage.setItem('lantern-chat-outbox:young-person:sky', '{not json');
    expect(sessionOutboxStore(storage, 'young-person:sky').load()).toEqual([]);
    storage.setItem('lantern-chat-outbox:young-person:sky', JSON.stringify([entry, { chatId: 1 }, 'x']));
    expect(sessionOutboxStore(storage, 'young-person:sky').load()).toEqual([entry]);
  });

  it('keeps going when storage refuses to save', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() => sessionOutboxStore(storage, 'young-person:sky').save([entry])).not.toThrow();
  });

  it('keeps one outbox per person, and empties them all on signing out', () => {
    const storage = new MemoryStorage();
    sessionOutboxStore(storage, 'young-person:sky').save([entry]);
    expect(sessionOutboxStore(storage, 'staff:u1').load()).toEqual([]);
    storage.setItem('something-else', 'kept');
    forgetChatOutboxes(storage);
    expect(sessionOutboxStore(storage, 'young-person:sky').load()).toEqual([]);
    expect(storage.getItem('something-else')).toBe('kept');
  });
});
