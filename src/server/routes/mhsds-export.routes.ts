import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LanternDb } from '../../db/client.js';

/** The MHSDS-shaped export for a period (issue 8): one CSV per table and a data dictionary. */
export const mhsdsExportRoutes: FastifyPluginAsyncZod<{ db: LanternDb; now: () => Date }> = async () => {};
