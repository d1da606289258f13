import type { OutboxEntry, OutboxStore } from './chat-connection.js';

const KEY_PREFIX = 'lantern-chat-outbox:';

const isEntry = (value: unknown): value is OutboxEntry => {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.chatId === 'string' &&
    typeof entry.clientMessageId === 'string' &&
    typeof entry.body === 'string'
  );
};

/**
 * Messages sent but not yet acknowledged, kept in this tab's session storage so that reloading the
 * page resends them (with the same client id, so the server stores each once) instead of losing
 * them. Each is removed as soon as the server acknowledges or refuses it, and session storage goes
 * when the tab is closed. If storage is blocked or full, messages are kept in memory only. Each
 * signed-in person has their own outbox (`owner`), and signing out empties them all
 * (`forgetChatOutboxes`), so a shared device never sends one person's words as another's.
 */
export function sessionOutboxStore(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  owner: string,
): OutboxStore {
  const KEY = KEY_PREFIX + owner;
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
        return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
      } catch {
        return [];
      }
    },
    save(entries) {
      try {
        if (entries.length === 0) storage.removeItem(KEY);
        else storage.setItem(KEY, JSON.stringify(entries));
      } catch {
        // Storage refused (private mode, full): the outbox still lives in the page's memory.
      }
    },
  };
}

/** Empties every chat outbox in this tab: called when someone signs out. */
export function forgetChatOutboxes(storage: Pick<Storage, 'key' | 'length' | 'removeItem'>): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(KEY_PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Storage blocked: there is nothing kept in it either.
  }
}
