import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServiceStatus, YoungPersonMe } from '../../../contracts/online-accounts.js';
import type { Problem } from '../../../contracts/problem.js';
import { ApiError, getJson } from '../../api.js';
import { forgetChatOutboxes } from './chat-outbox-store.js';

// The young person's online support session in the browser: who is signed in (GET /api/online/me)
// and the CSRF token every change they make must send. Apart from the staff session's, so the two
// never mix.

export const youngPersonKey = ['online', 'me'] as const;

let csrfToken: string | null = null;

/** Keeps the CSRF token a sign-up or sign-in answered with, for the changes that follow. */
export function rememberYoungPersonCsrf(token: string | null) {
  csrfToken = token;
}

async function fetchMe(signal?: AbortSignal): Promise<YoungPersonMe | null> {
  try {
    const me = await getJson<YoungPersonMe>('/api/online/me', signal);
    rememberYoungPersonCsrf(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 401) {
      rememberYoungPersonCsrf(null);
      return null;
    }
    throw error;
  }
}

/** The query behind useYoungPerson(), for pages that need its loading and error states. */
export function useYoungPersonQuery() {
  return useQuery({ queryKey: youngPersonKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 30_000 });
}

/** The signed-in young person, null when nobody is signed in, undefined while it is being checked. */
export function useYoungPerson(): YoungPersonMe | null | undefined {
  return useYoungPersonQuery().data;
}

/** Forgets the signed-in young person (after signing out), so every page asks again. */
export function useForgetYoungPerson() {
  const client = useQueryClient();
  return () => {
    rememberYoungPersonCsrf(null);
    forgetChatOutboxes(window.sessionStorage);
    client.setQueryData(youngPersonKey, null);
    void client.invalidateQueries({ queryKey: ['online'] });
  };
}

async function send<T>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  if (!csrfToken) await fetchMe();
  const response = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    const fallback: Problem = {
      type: 'about:blank',
      title: 'Something went wrong',
      status: response.status,
      requestId: '',
    };
    throw new ApiError((answer as Problem | null) ?? fallback);
  }
  return answer as T;
}

/** A POST as the signed-in young person, with their CSRF token. */
export function youngPersonPost<T>(
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  return send<T>('POST', path, body, headers);
}

/** A PUT as the signed-in young person, with their CSRF token. */
export function youngPersonPut<T>(
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  return send<T>('PUT', path, body, headers);
}

/** A DELETE as the signed-in young person, with their CSRF token. */
export function youngPersonDelete<T>(path: string, headers?: Record<string, string>): Promise<T> {
  return send<T>('DELETE', path, undefined, headers);
}

/** Whether online support is open now, its hours, ages and help at any hour (public). */
export function useOnlineStatus() {
  return useQuery({
    queryKey: ['online', 'status', 'service'],
    queryFn: ({ signal }) => getJson<ServiceStatus>('/api/online/status', signal),
    staleTime: 60_000,
  });
}
