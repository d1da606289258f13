import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssessmentInput,
  Closed,
  ClosureInput,
  EpisodeChanged,
  EpisodeView,
  GoalChanged,
  GoalInput,
  GoalStatusInput,
  InterventionInput,
} from '../../contracts/episodes.js';
import type { LanternDb } from '../../db/client.js';
import { closeEpisode } from '../../services/casework/close-episode.js';
import {
  addGoal,
  changeGoal,
  chooseIntervention,
  getEpisode,
  recordAssessment,
} from '../../services/casework/episodes.js';
import { expectedVersion, IdempotencyKey, IfMatch, withEtag } from './headers.js';
import { errors, Saved } from './mhst.routes.js';
import { signedInOperation } from './security.js';

const ReferralParams = z.object({ referralId: z.string().uuid('must be a referral id') });
const GoalParams = ReferralParams.extend({ goalId: z.string().uuid('must be a goal id') });

/** Episodes of care: assessment, care plan, intervention, step up or down, discharge. */
export const episodeRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (app, { db }) => {
  const deps = { db };
  const op = (summary: string) => ({ summary, tags: ['episodes'], ...signedInOperation });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/caseload/:referralId/episode',
    {
      schema: {
        ...op('The episode of care: assessments, goals, intervention, onward referrals, closing letters'),
        params: ReferralParams,
        response: { 200: EpisodeView, ...errors },
      },
    },
    (request, reply) =>
      getEpisode(request.ctx, deps, request.params.referralId).then((view) => {
        reply.header('etag', `"${view.episode.version}"`);
        return view;
      }),
  );
  app.post(
    '/api/caseload/:referralId/episode/assessments',
    {
      config: { idempotent: true },
      schema: {
        ...op('Record an assessment with risk and, at medium or high risk, a safety plan'),
        params: ReferralParams,
        headers: IdempotencyKey,
        body: AssessmentInput,
        response: { 200: Saved, ...errors },
      },
    },
    (request) => recordAssessment(request.ctx, deps, request.params.referralId, request.body),
  );
  app.post(
    '/api/caseload/:referralId/episode/goals',
    {
      config: { idempotent: true },
      schema: {
        ...op('Add a care-plan goal in the young person’s words'),
        params: ReferralParams,
        headers: IdempotencyKey,
        body: GoalInput,
        response: { 200: GoalChanged, ...errors },
      },
    },
    (request) => addGoal(request.ctx, deps, request.params.referralId, request.body),
  );
  app.put(
    '/api/caseload/:referralId/episode/goals/:goalId',
    {
      schema: {
        ...op('Mark a goal achieved or stopped (If-Match: the goal version)'),
        params: GoalParams,
        headers: IfMatch,
        body: GoalStatusInput,
        response: { 200: GoalChanged, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        changeGoal(
          request.ctx,
          deps,
          request.params.referralId,
          request.params.goalId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
  app.put(
    '/api/caseload/:referralId/episode/intervention',
    {
      schema: {
        ...op('Choose the intervention (If-Match: the episode version)'),
        params: ReferralParams,
        headers: IfMatch,
        body: InterventionInput,
        response: { 200: EpisodeChanged, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        chooseIntervention(
          request.ctx,
          deps,
          request.params.referralId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
  app.post(
    '/api/caseload/:referralId/episode/closure',
    {
      config: { idempotent: true },
      schema: {
        ...op('Close the episode: step up, step down, refer on or discharge; queues the letters (If-Match)'),
        params: ReferralParams,
        headers: IfMatch.extend(IdempotencyKey.shape),
        body: ClosureInput,
        response: { 200: Closed, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        closeEpisode(
          request.ctx,
          deps,
          request.params.referralId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
};
