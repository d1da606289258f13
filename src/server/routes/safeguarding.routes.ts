import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LanternDb } from '../../db/client.js';

/** Safeguarding concerns raised from contacts, and the safeguarding lead's board. */
export const safeguardingRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (_app, _deps) => {};
