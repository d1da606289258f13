import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LanternDb } from '../../db/client.js';

/** Contact notes, sign-off, the supervision log and safeguarding concerns. */
export const noteRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (_app, _deps) => {};
