import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OnlineUsage, OnlineUsageQuery } from '../../contracts/online-usage.js';
import { onlineUsage } from '../../services/online/usage.js';
import { errors } from './mhst.routes.js';
import type { OnlineRouteOptions } from './online-route-options.js';
import { signedInOperation } from './security.js';

/** Online support usage figures (aggregates only). */
export const onlineUsageRoutes: FastifyPluginAsyncZod<OnlineRouteOptions> = async (app, { db }) => {
  const deps = { db };
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  app.get(
    '/api/online/usage',
    {
      schema: {
        summary:
          'Online support usage figures for a period (this month unless from and to are given): aggregates only, exact counts',
        tags: ['online support'],
        ...signedInOperation,
        querystring: OnlineUsageQuery,
        response: { 200: OnlineUsage, ...errors },
      },
    },
    (request) => onlineUsage(request.ctx, deps, request.query),
  );
};
