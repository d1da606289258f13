import type { FastifyInstance } from 'fastify';
import { authorise } from '../../access/authorise.js';
import type { LanternDb } from '../../db/client.js';
import * as requests from '../../db/repositories/requests.repository.js';
import { AppError } from '../../domain/app-error.js';
import { pathOnly } from '../logger.js';
import { routePermissions } from '../routes/route-permissions.js';
import { type IdempotencySeal, idempotencySeal } from './idempotency-seal.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes that create something: an Idempotency-Key header makes a retry return the first answer. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyClaim?: { rowId: string; seal: IdempotencySeal };
  }
}

const KEY = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Idempotency-Key on creating routes (IETF httpapi-idempotency-key-header): the first response is
 * kept per caller and key; a retry with the same request gets it back with `Idempotent-Replayed:
 * true`; the same key on a different request is a 422; a retry while the first is still running is
 * a 409. A key whose first request failed on our side (5xx) is let go so the retry can run.
 * Responses are kept sealed under the caller's key (`idempotency-seal.ts`, ADR 0022).
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
    const owner =
      actor.kind === 'staff'
        ? `user:${actor.userId}`
        : actor.kind === 'young-person'
          ? `account:${actor.accountId}`
          : 'anonymous';
    const seal = idempotencySeal(owner, key);
    const fingerprint = seal.fingerprint(request.method, path, request.body);
    const claim = await requests.claimIdempotencyKey(options.db, {
      owner,
      keyHash: seal.keyHash,
      method: request.method,
      path,
      requestHash: fingerprint,
      at: options.now(),
    });
    if ('claimedId' in claim) {
      request.idempotencyClaim = { rowId: claim.claimedId, seal };
      return;
    }
    const first = claim.existing;
    if (first.requestHash !== fingerprint) {
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
    return reply
      .code(first.statusCode)
      .send(first.sealedResponse === null ? null : seal.open(first.sealedResponse));
  });

  scope.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = undefined;
    if (reply.statusCode >= 500) {
      await requests.releaseIdempotencyKey(options.db, claim.rowId);
      return payload;
    }
    const text = typeof payload === 'string' ? payload : null;
    await requests.completeIdempotencyKey(options.db, claim.rowId, {
      statusCode: reply.statusCode,
      contentType: String(reply.getHeader('content-type') ?? '') || null,
      sealedResponse: text === null ? null : claim.seal.seal(JSON.parse(text)),
    });
    return payload;
  });
}
