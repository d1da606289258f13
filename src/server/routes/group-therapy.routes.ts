import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LanternDb } from '../../db/client.js';

/** Group therapy sessions with known attendees. */
export const groupTherapyRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (_app, _deps) => {};
