import type { FastifyInstance } from 'fastify';
import { type AccessRecord, anonymousContext, type ServiceContext } from '../../access/authorise.js';
import type { LanternDb } from '../../db/client.js';
import type { AccessLogEntry } from '../../db/repositories/audit.repository.js';
import { AppError } from '../../domain/app-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: ServiceContext;
  }
}

/** Gives every request its service context, able to write the access log, and echoes its id. */
export function registerRequestContext(
  app: FastifyInstance,
  options: { now: () => Date; appendAccessLog: (entry: AccessLogEntry, tx?: LanternDb) => Promise<void> },
) {
  app.decorateRequest('ctx', null as unknown as ServiceContext);
  app.addHook('onRequest', async (request, reply) => {
    const recordAccess = (record: AccessRecord, tx?: LanternDb) => {
      const actor = request.ctx.actor;
      return options.appendAccessLog(
        {
          ...record,
          occurredAt: options.now(),
          requestId: request.id,
          userId: actor.kind === 'staff' ? actor.userId : null,
          // A young person has no user id: the role marks the row as theirs, the subject names the account.
          roles: actor.kind === 'staff' ? actor.roles : actor.kind === 'young-person' ? ['young-person'] : [],
          organisationId: actor.kind === 'anonymous' ? null : actor.organisationId,
        },
        tx,
      );
    };
    request.ctx = anonymousContext(request.id, recordAccess, options.now);
    reply.header('x-request-id', request.id);
  });
}

/**
 * Operations that declare the session in their OpenAPI security refuse anyone not signed in with
 * 401 before their input is even read, so an anonymous caller learns nothing from validation.
 */
export function refuseAnonymous(scope: FastifyInstance) {
  scope.addHook('onRequest', async (request) => {
    const security = (request.routeOptions.schema as { security?: unknown[] } | undefined)?.security;
    const actor = request.ctx.actor;
    if (security && security.length > 0 && (actor.kind === 'anonymous' || !actor.isSignedIn)) {
      throw new AppError('unauthenticated', 'Sign in to continue.');
    }
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
