import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OnlineRouteOptions } from './online-route-options.js';

/** Booked sessions with a named counsellor, and asynchronous messages between chats. */
export const onlineBookingRoutes: FastifyPluginAsyncZod<OnlineRouteOptions> = async (_app, _options) => {};
