import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConcernActionInput,
  ConcernBoardQuery,
  ConcernChanged,
  ConcernList,
  ConcernOut,
  RaiseConcernInput,
  ReferralConcerns,
} from '../../contracts/safeguarding.js';
import type { LanternDb } from '../../db/client.js';
import { concernBoard, recordConcernAction, viewConcern } from '../../services/safeguarding/lead-board.js';
import { concernsOfReferral, raiseConcern } from '../../services/safeguarding/raise-concern.js';
import { expectedVersion, IdempotencyKey, IfMatch, withEtag } from './headers.js';
import { errors } from './mhst.routes.js';
import { signedInOperation } from './security.js';

const ReferralParams = z.object({ referralId: z.string().uuid('must be a referral id') });
const ConcernParams = z.object({ concernId: z.string().uuid('must be a concern id') });
const Raised = z.object({ id: z.string(), version: z.number().int() });

/** Safeguarding concerns raised from contacts, and the safeguarding lead's board. */
export const safeguardingRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (app, { db }) => {
  const deps = { db };
  const op = (summary: string) => ({ summary, tags: ['safeguarding'], ...signedInOperation });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post(
    '/api/caseload/:referralId/safeguarding-concerns',
    {
      config: { idempotent: true },
      schema: {
        ...op('Raise a safeguarding concern; the organisation’s safeguarding leads are emailed'),
        params: ReferralParams,
        headers: IdempotencyKey,
        body: RaiseConcernInput,
        response: { 200: Raised, ...errors },
      },
    },
    (request, reply) =>
      withEtag(reply, raiseConcern(request.ctx, deps, request.params.referralId, request.body)),
  );
  app.get(
    '/api/caseload/:referralId/safeguarding-concerns',
    {
      schema: {
        ...op('Safeguarding concerns raised about a young person, with status and actions'),
        params: ReferralParams,
        response: { 200: ReferralConcerns, ...errors },
      },
    },
    (request) => concernsOfReferral(request.ctx, deps, request.params.referralId),
  );
  app.get(
    '/api/safeguarding/concerns',
    {
      schema: {
        ...op('Your organisation’s safeguarding concerns, open ones first, newest first'),
        querystring: ConcernBoardQuery,
        response: { 200: ConcernList, ...errors },
      },
    },
    (request) => concernBoard(request.ctx, deps, request.query.status),
  );
  app.get(
    '/api/safeguarding/concerns/:concernId',
    {
      schema: {
        ...op('One safeguarding concern with its actions'),
        params: ConcernParams,
        response: { 200: ConcernOut, ...errors },
      },
    },
    (request, reply) => withEtag(reply, viewConcern(request.ctx, deps, request.params.concernId)),
  );
  app.post(
    '/api/safeguarding/concerns/:concernId/actions',
    {
      schema: {
        ...op('Record an action and the status after it (If-Match: the concern version)'),
        params: ConcernParams,
        headers: IfMatch,
        body: ConcernActionInput,
        response: { 200: ConcernChanged, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        recordConcernAction(
          request.ctx,
          deps,
          request.params.concernId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
};
