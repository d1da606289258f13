import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OnlineRouteOptions } from './online-route-options.js';

/** Drop-in and booked chats: the queue, taking a chat, ending it, feedback; the chat socket. */
export const onlineChatRoutes: FastifyPluginAsyncZod<OnlineRouteOptions> = async (_app, _options) => {};
