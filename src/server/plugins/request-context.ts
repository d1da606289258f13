import type { FastifyInstance } from 'fastify';
import { anonymousContext, type ServiceContext } from '../../access/authorise.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: ServiceContext;
  }
}

/** Gives every request its service context and echoes its id. */
export function registerRequestContext(app: FastifyInstance, options: { now: () => Date }) {
  app.decorateRequest('ctx', null as unknown as ServiceContext);
  app.addHook('onRequest', async (request, reply) => {
    request.ctx = anonymousContext(request.id, options.now);
    reply.header('x-request-id', request.id);
  });
}

/**
 * Added to the scope that holds every data route. Outside production, a route that answered
 * successfully without any authorise() call fails loudly, whatever kind of body it sends, so a
 * forgotten access check can never pass its tests.
 */
export function requireAuthorisation(scope: FastifyInstance) {
  scope.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode < 400 && request.ctx.authorised.length === 0) {
      throw new Error(`${request.method} ${request.routeOptions.url} answered without calling authorise()`);
    }
    return payload;
  });
}
