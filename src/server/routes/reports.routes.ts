import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LanternDb } from '../../db/client.js';

/** Dashboards and board reports (issue 8): KPIs from the rollup tables, CSV. */
export const reportRoutes: FastifyPluginAsyncZod<{ db: LanternDb; now: () => Date }> = async () => {};
