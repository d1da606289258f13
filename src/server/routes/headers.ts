import { z } from 'zod';
import { AppError } from '../../domain/app-error.js';

export const IfMatch = z.object({ 'if-match': z.string().optional() });
export const IdempotencyKey = z.object({ 'idempotency-key': z.string().optional() });

/** The version a client changed, from `If-Match: "3"` (or W/"3"). Changes without one are refused. */
export function expectedVersion(ifMatch: string | undefined): number {
  if (!ifMatch) {
    throw new AppError('precondition-required', 'Send If-Match with the version you are changing.', [
      { name: 'If-Match', reason: 'is required' },
    ]);
  }
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
  if (!match) {
    throw new AppError('bad-request', 'If-Match must be a version such as "3".', [
      { name: 'If-Match', reason: 'must be a version such as "3"' },
    ]);
  }
  return Number(match[1]);
}

/** Sends a changed resource with its new version as the ETag, for the next If-Match. */
export async function withEtag<T extends { version: number }>(
  reply: { header: (name: string, value: string) => unknown },
  changed: Promise<T>,
): Promise<T> {
  const done = await changed;
  reply.header('etag', `"${done.version}"`);
  return done;
}
