import { getJson, problemText, sendJson } from '../../api.js';
import { newIdempotencyKey } from '../triage/triage-view.js';

// The chat pages' calls to the API (online-chat.routes.ts), in one place. Young people's changes go
// through young-person-session.ts (their own CSRF token); staff's through api.ts.

export const chatPaths = {
  current: '/api/online/chats/current',
  join: '/api/online/chats',
  chat: (chatId: string) => `/api/online/chats/${chatId}`,
  leave: (chatId: string) => `/api/online/chats/${chatId}/leave`,
  end: (chatId: string) => `/api/online/chats/${chatId}/end`,
  feedback: (chatId: string) => `/api/online/chats/${chatId}/feedback`,
  queue: '/api/online/queue',
  take: '/api/online/queue/take',
};

/** A staff POST that creates something, with an idempotency key so a retry never makes two. */
export function staffCreate<T>(path: string, body: unknown = {}): Promise<T> {
  return sendJson<T>('POST', path, body, { 'idempotency-key': newIdempotencyKey() });
}

/** The If-Match header for a versioned chat. */
export function ifMatch(version: number): Record<string, string> {
  return { 'if-match': `"${version}"` };
}

export { getJson, newIdempotencyKey, problemText };
