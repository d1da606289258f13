import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LanternDb } from '../../db/client.js';

/** Questionnaires: licensed definitions, answer links, answers and scores. */
export const measureRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (_app, _deps) => {};
