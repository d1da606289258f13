import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LanternDb } from '../../db/client.js';

/** Episodes of care: assessment, care plan, intervention, step up or down, discharge. */
export const episodeRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (_app, _deps) => {};
