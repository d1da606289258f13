import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { authorise } from '../../access/authorise.js';
import { registerErrorHandling } from './errors.js';
import { registerRequestContext, requireAuthorisation } from './request-context.js';

async function appWith(handler: 'checks' | 'forgets' | 'forgets-text') {
  const app = Fastify();
  registerErrorHandling(app);
  registerRequestContext(app, { now: () => new Date(), appendAccessLog: async () => undefined });
  await app.register(async (scope) => {
    requireAuthorisation(scope);
    scope.get('/thing', async (request) => {
      if (handler === 'checks') await authorise(request.ctx, 'directory:read');
      return handler === 'forgets-text' ? 'ok' : { ok: true };
    });
  });
  return app;
}

describe('requireAuthorisation', () => {
  it('lets a route that called authorise() answer', async () => {
    const response = await (await appWith('checks')).inject('/thing');
    expect(response.statusCode).toBe(200);
  });

  it.each(['forgets', 'forgets-text'] as const)(
    'fails a route that never called authorise() (%s)',
    async (kind) => {
      const response = await (await appWith(kind)).inject('/thing');
      expect(response.statusCode).toBe(500);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.body).not.toContain('ok');
    },
  );
});
