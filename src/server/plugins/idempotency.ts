import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { authorise } from '../../access/authorise.js';
import type { LanternDb } from '../../db/client.js';
import * as requests from '../../db/repositories/requests.repository.js';
import { AppError } from '../../domain/app-error.js';
import { pathOnly } from '../logger.js';
import { routePermissions } from '../routes/route-permissions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes that create something: an Idempotency-Key header makes a retry return the first answer. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyRowId?: string;
  }
}

const KEY = /^[A-Za-z0-9_-]{8,128}$/;

function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

/**
 * Idempotency-Key on creating routes (IETF httpapi-idempotency-key-header): the first response is
 * kept per caller and key; a retry with the same request gets it back with `Idempotent-Replayed:
 * true`; the same key on a different request is a 422; a retry while the first is still running is
 * a 409. A key whose first request failed on our side (5xx) is let go so the retry can run.
 */
export function registerIdempotency(scope: FastifyInstance, options: { db: LanternDb; now: () => Date }) {
  scope.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config?.idempotent) return;
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new AppError(
        'bad-request',
        'Idempotency-Key must be 8 to 128 letters, digits, - or _, such as a UUID.',
        [{ name: 'Idempotency-Key', reason: 'must be 8 to 128 letters, digits, - or _' }],
      );
    }
    const actor = request.ctx.actor;
    const path = pathOnly(request.url);
    const claim = await requests.claimIdempotencyKey(options.db, {
      owner:
        actor.kind === 'staff'
          ? `user:${actor.userId}`
          : actor.kind === 'young-person'
            ? `account:${actor.accountId}`
            : 'anonymous',
      key,
      method: request.method,
      path,
      requestHash: requestHash(request.method, path, request.body),
      at: options.now(),
    });
    if ('claimedId' in claim) {
      request.idempotencyRowId = claim.claimedId;
      return;
    }
    const first = claim.existing;
    if (first.requestHash !== requestHash(request.method, path, request.body)) {
      throw new AppError('unprocessable-content', 'This Idempotency-Key was used for a different request.', [
        { name: 'Idempotency-Key', reason: 'was already used for a different request' },
      ]);
    }
    if (first.statusCode === null) {
      throw new AppError(
        'conflict',
        'The first request with this Idempotency-Key is still being handled. Try again shortly.',
      );
    }
    // The stored answer is given only to a caller who may still make this request now.
    const permission = routePermissions[`${request.method} ${request.routeOptions.url}`];
    if (!permission)
      throw new Error(`${request.method} ${request.routeOptions.url} is not in the route manifest`);
    await authorise(request.ctx, permission === 'public' ? 'session:create' : permission);
    reply.header('idempotent-replayed', 'true');
    if (first.contentType) reply.type(first.contentType);
    return reply.code(first.statusCode).send(first.responseBody);
  });

  scope.addHook('onSend', async (request, reply, payload) => {
    const id = request.idempotencyRowId;
    if (!id) return payload;
    request.idempotencyRowId = undefined;
    if (reply.statusCode >= 500) {
      await requests.releaseIdempotencyKey(options.db, id);
      return payload;
    }
    const text = typeof payload === 'string' ? payload : null;
    await requests.completeIdempotencyKey(options.db, id, {
      statusCode: reply.statusCode,
      contentType: String(reply.getHeader('content-type') ?? '') || null,
      body: text === null ? null : JSON.parse(text),
    });
    return payload;
  });
}
