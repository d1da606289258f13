import type { Problem } from '../contracts/problem.js';

/** An API answer that was not a success, carrying its problem details. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(
      body ?? { type: 'about:blank', title: 'Something went wrong', status: response.status, requestId: '' },
    );
  }
  return body as T;
}
