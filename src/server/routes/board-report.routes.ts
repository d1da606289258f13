import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LanternDb } from '../../db/client.js';

/** The quarterly board report printed to PDF by Chromium (issue 8). */
export const boardReportRoutes: FastifyPluginAsyncZod<{ db: LanternDb; now: () => Date }> = async () => {};
