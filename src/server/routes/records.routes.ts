import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LanternDb } from '../../db/client.js';

/** Subject access exports and retention review dates. */
export const recordRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (_app, _deps) => {};
