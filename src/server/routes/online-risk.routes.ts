import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OnlineRouteOptions } from './online-route-options.js';

/** Risk in online support: risk assessments, escalation, the duty senior's board and alerts, the risk phrase list. */
export const onlineRiskRoutes: FastifyPluginAsyncZod<OnlineRouteOptions> = async (_app, _options) => {};
