import { ApiError, sendJson } from '../../api.js';
import type { FieldError } from '../../components/form.js';
import { newIdempotencyKey } from '../triage/triage-view.js';
import { youngPersonPost } from './young-person-session.js';

// What the self-help pages share: the API's paths, creating with an idempotency key, and a failed
// change as form errors. The page frame is in young-person-frame.tsx.

export const selfHelpPaths = {
  articles: '/api/online/articles',
  article: (slug: string) => `/api/online/articles/${encodeURIComponent(slug)}`,
  drafts: '/api/online/articles/drafts',
  draft: (id: string) => `/api/online/articles/drafts/${id}`,
  journal: '/api/online/journal',
  hide: (id: string) => `/api/online/journal/${id}/hide`,
  moods: '/api/online/moods',
  goals: '/api/online/goals',
  goal: (id: string) => `/api/online/goals/${id}`,
  ratings: (id: string) => `/api/online/goals/${id}/ratings`,
};

/** A young person's POST that makes something, with their CSRF token and an idempotency key. */
export function youngPersonCreate<T>(path: string, body: unknown): Promise<T> {
  return youngPersonPost<T>(path, body, { 'idempotency-key': newIdempotencyKey() });
}

/** A member of staff's POST that makes something, with an idempotency key so a retry never makes two. */
export function createJson<T>(path: string, body: unknown): Promise<T> {
  return sendJson<T>('POST', path, body, { 'idempotency-key': newIdempotencyKey() });
}

/** A failed change as errors for the form: each field the API named, or one line for `field`. */
export function errorsFrom(error: unknown, field: string, words: Record<string, string> = {}): FieldError[] {
  if (error instanceof ApiError) {
    const params = error.problem.invalidParams ?? [];
    if (params.length > 0) {
      return params.map((p) => ({ field: p.name, message: words[p.name] ?? `${p.name} ${p.reason}` }));
    }
    return [{ field, message: error.problem.detail ?? error.problem.title }];
  }
  return [{ field, message: 'Something went wrong. Check your connection and try again.' }];
}

/** "23 November", in England's calendar. */
export function dayAndMonth(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'Europe/London',
  });
}

/** "Monday 23 November at 5:04pm". */
export function whenWritten(iso: string): string {
  const at = new Date(iso);
  const day = at.toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'Europe/London',
  });
  const time = at
    .toLocaleTimeString('en-GB', {
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
      timeZone: 'Europe/London',
    })
    .replace(' ', '');
  return `${day} at ${time}`;
}
