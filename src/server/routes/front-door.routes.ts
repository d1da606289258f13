import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../contracts/problem.js';
import {
  Draft,
  DraftInput,
  DraftList,
  FrontDoorRules,
  SubmitReferralInput,
  SubmittedReferral,
} from '../../contracts/referral-form.js';
import { MoreInformationInput, MyReferralList, ReferralChanged } from '../../contracts/triage.js';
import type { LanternDb } from '../../db/client.js';
import { getFrontDoorRules } from '../../services/referrals/front-door.js';
import { giveMoreInformation } from '../../services/referrals/give-more-information.js';
import { listMyReferrals } from '../../services/referrals/my-referrals.js';
import {
  createReferralDraft,
  getReferralDraft,
  listReferralDrafts,
  saveReferralDraft,
} from '../../services/referrals/referral-drafts.js';
import { submitPublicReferral, submitStaffReferral } from '../../services/referrals/submit-referral.js';
import { expectedVersion, IdempotencyKey, IfMatch, withEtag } from './headers.js';
import { publicOperation, signedInOperation } from './security.js';

const errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  412: Problem,
  422: Problem,
  428: Problem,
  503: Problem,
};
const ReferralParams = z.object({ referralId: z.string().uuid('must be a referral id') });
const DraftParams = z.object({ draftId: z.string().uuid('must be a draft id') });

/** The front door: asking for help (public), referring (staff), drafts, and the referrer's view. */
export const frontDoorRoutes: FastifyPluginAsyncZod<{ db: LanternDb; publicPerHour: number }> = async (
  app,
  { db, publicPerHour },
) => {
  const tags = ['front door'];

  app.get(
    '/api/front-door/rules',
    {
      schema: {
        summary: 'Who may ask for help themselves, and how soon triage looks',
        tags,
        ...publicOperation,
        response: { 200: FrontDoorRules, 503: Problem },
      },
    },
    (request) => getFrontDoorRules(request.ctx, { db }),
  );

  app.post(
    '/api/referrals/public',
    {
      config: { idempotent: true, rateLimit: { max: publicPerHour, timeWindow: 3_600_000 } },
      schema: {
        summary:
          'A parent or carer, or a young person for themselves, asks for help. Send an Idempotency-Key so a retry cannot make a second request',
        tags,
        ...publicOperation,
        headers: IdempotencyKey,
        body: SubmitReferralInput,
        response: { 201: SubmittedReferral, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await submitPublicReferral(request.ctx, { db }, request.body));
    },
  );

  app.post(
    '/api/referrals',
    {
      config: { idempotent: true },
      schema: {
        summary:
          'School staff or another professional refers a child or young person. Send an Idempotency-Key',
        tags,
        ...signedInOperation,
        headers: IdempotencyKey,
        body: SubmitReferralInput,
        response: { 201: SubmittedReferral, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await submitStaffReferral(request.ctx, { db }, request.body));
    },
  );

  app.get(
    '/api/my-referrals',
    {
      schema: {
        summary: 'Referrals you made, where each has got to, and who is helping (no clinical detail)',
        tags,
        ...signedInOperation,
        response: { 200: MyReferralList, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listMyReferrals(request.ctx, { db });
    },
  );

  app.post(
    '/api/my-referrals/:referralId/information',
    {
      schema: {
        summary: 'Answer the question triage asked about a referral you made; it goes back to the queue',
        tags,
        ...signedInOperation,
        params: ReferralParams,
        body: MoreInformationInput,
        response: { 200: ReferralChanged, ...errors },
      },
    },
    (request) => giveMoreInformation(request.ctx, { db }, request.params.referralId, request.body),
  );

  app.get(
    '/api/referral-drafts',
    {
      schema: {
        summary: 'Your unfinished referral forms',
        tags,
        ...signedInOperation,
        response: { 200: DraftList, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listReferralDrafts(request.ctx, { db });
    },
  );

  app.post(
    '/api/referral-drafts',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Start a referral draft',
        tags,
        ...signedInOperation,
        headers: IdempotencyKey,
        body: DraftInput,
        response: { 201: Draft, ...errors },
      },
    },
    async (request, reply) => {
      const draft = await createReferralDraft(request.ctx, { db }, request.body);
      return reply.code(201).header('etag', `"${draft.version}"`).send(draft);
    },
  );

  app.get(
    '/api/referral-drafts/:draftId',
    {
      schema: {
        summary: 'One of your referral drafts',
        tags,
        ...signedInOperation,
        params: DraftParams,
        response: { 200: Draft, ...errors },
      },
    },
    async (request, reply) => {
      const draft = await getReferralDraft(request.ctx, { db }, request.params.draftId);
      reply.header('cache-control', 'no-store').header('etag', `"${draft.version}"`);
      return draft;
    },
  );

  app.put(
    '/api/referral-drafts/:draftId',
    {
      schema: {
        summary: 'Save a referral draft (If-Match: its version)',
        tags,
        ...signedInOperation,
        params: DraftParams,
        headers: IfMatch,
        body: DraftInput,
        response: { 200: Draft, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        saveReferralDraft(
          request.ctx,
          { db },
          request.params.draftId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
};
