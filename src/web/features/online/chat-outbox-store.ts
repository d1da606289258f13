import type { OutboxEntry, OutboxStore } from './chat-connection.js';

const KEY = 'lantern-chat-outbox';

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
 * when the tab is closed. If storage is blocked or full, messages are kept in memory only.
 */
export function sessionOutboxStore(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
): OutboxStore {
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
