import type { Problem } from '../contracts/problem.js';

/** An API answer that was not a success, carrying its problem details. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

/** What went wrong in a sentence: the API's own words for a problem, or `fallback` for anything else. */
export function problemText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? (error.problem.detail ?? error.problem.title ?? fallback) : fallback;
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent with every state-changing request; set from GET /api/session. */
export function rememberCsrfToken(token: string | null) {
  csrfToken = token;
}

async function request<T>(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
    credentials: 'same-origin',
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(
      body ?? { type: 'about:blank', title: 'Something went wrong', status: response.status, requestId: '' },
    );
  }
  return body as T;
}

export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', path, { signal });
}

export function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  return request<T>(method, path, { body, headers });
}
