import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OnlineRouteOptions } from './online-route-options.js';

/** Young people's online support accounts (sign up, sign in, sign out, their account), whether the service is open, and its settings. */
export const onlineAccountRoutes: FastifyPluginAsyncZod<OnlineRouteOptions> = async (_app, _options) => {};
