import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OnlineRouteOptions } from './online-route-options.js';

/** Self-help: the service's reviewed articles, and a young person's journal, moods and goals. */
export const selfHelpRoutes: FastifyPluginAsyncZod<OnlineRouteOptions> = async (_app, _options) => {};
