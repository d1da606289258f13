import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OnlineRouteOptions } from './online-route-options.js';

/** Online support usage figures (aggregates only). */
export const onlineUsageRoutes: FastifyPluginAsyncZod<OnlineRouteOptions> = async (_app, _options) => {};
