import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '../../contracts/problem.js';
import { BreakGlassInput, ReferralParams, ReferralSummary } from '../../contracts/referrals.js';
import type { LanternDb } from '../../db/client.js';
import { breakGlass, openReferral } from '../../services/referrals/open-referral.js';
import { signedInOperation } from './security.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export const referralRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (app, { db }) => {
  const tags = ['referrals'];

  app.get(
    '/api/referrals/:referralId',
    {
      schema: {
        summary: 'One referral, if it is within your record scope (otherwise 404)',
        tags,
        ...signedInOperation,
        params: ReferralParams,
        response: { 200: ReferralSummary, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return openReferral(request.ctx, { db }, request.params.referralId);
    },
  );

  app.post(
    '/api/referrals/:referralId/break-glass',
    {
      schema: {
        summary:
          'Open a referral outside your scope in an emergency, with a reason; the privacy officer is alerted',
        tags,
        ...signedInOperation,
        params: ReferralParams,
        body: BreakGlassInput,
        response: { 200: ReferralSummary, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return breakGlass(request.ctx, { db }, request.params.referralId, request.body);
    },
  );
};
