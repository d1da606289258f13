import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Answered,
  AnswerInput,
  CreateLinkInput,
  InstrumentLoaded,
  Instruments,
  LinkChanged,
  LinkCreated,
  Links,
  LoadedInstruments,
  LoadInstrumentInput,
  MeasureRecorded,
  Measures,
  PublicQuestionnaire,
  RecordMeasureInput,
} from '../../contracts/measures.js';
import { Problem } from '../../contracts/problem.js';
import type { LanternDb } from '../../db/client.js';
import { answerQuestionnaire, viewQuestionnaire } from '../../services/measures/answer.js';
import {
  listInstruments,
  listLoadedInstruments,
  loadInstrument,
  withdrawInstrument,
} from '../../services/measures/instruments.js';
import { createLink, listLinks, withdrawLink } from '../../services/measures/links.js';
import { getMeasures, recordMeasure } from '../../services/measures/measures.js';
import { expectedVersion, IdempotencyKey, IfMatch, withEtag } from './headers.js';
import { errors, Saved } from './mhst.routes.js';
import { publicOperation, signedInOperation } from './security.js';

const ReferralParams = z.object({ referralId: z.string().uuid('must be a referral id') });
const LinkParams = ReferralParams.extend({ linkId: z.string().uuid('must be a link id') });
const LoadedParams = z.object({ id: z.string().uuid('must be a loaded questionnaire id') });
const SecretParams = z.object({ secret: z.string().min(1).max(100) });

/** A young person answers from their own phone, so the per-address limit is like the survey's. */
const ANSWERS_PER_HOUR = 60;
const VIEWS_PER_HOUR = 300;

/** Questionnaires: licensed definitions, answer links, answers and scores (ADR 0015, 0018). */
export const measureRoutes: FastifyPluginAsyncZod<{ db: LanternDb; publicUrl?: () => string }> = async (
  app,
  { db, publicUrl },
) => {
  const deps = { db };
  const tags = ['measures'];
  const op = (summary: string) => ({ summary, tags, ...signedInOperation });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/instruments',
    {
      schema: {
        ...op('The questionnaires you can use: shipped ones and your organisation’s loaded licensed ones'),
        response: { 200: Instruments, ...errors },
      },
    },
    (request) => listInstruments(request.ctx, deps),
  );
  app.get(
    '/api/instruments/loaded',
    {
      schema: {
        ...op('Every licensed definition your organisation loaded, withdrawn ones too'),
        response: { 200: LoadedInstruments, ...errors },
      },
    },
    (request) => listLoadedInstruments(request.ctx, deps),
  );
  app.post(
    '/api/instruments',
    {
      config: { idempotent: true },
      schema: {
        ...op(
          'Load a licensed instrument definition file (JSON Schema from instrumentJsonSchema); every problem is named',
        ),
        headers: IdempotencyKey,
        body: LoadInstrumentInput,
        response: { 201: InstrumentLoaded, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await loadInstrument(request.ctx, deps, request.body)),
  );
  app.post(
    '/api/instruments/:id/withdraw',
    {
      schema: {
        ...op('Withdraw one loaded version; answers already given keep it'),
        params: LoadedParams,
        response: { 200: Saved, ...errors },
      },
    },
    (request) => withdrawInstrument(request.ctx, deps, request.params.id),
  );

  // Not idempotent through the shared store on purpose: its stored answer would keep the link's
  // secret, and only the secret's hash may be stored (as for survey links). ADR 0018.
  app.post(
    '/api/caseload/:referralId/questionnaire-links',
    {
      schema: {
        ...op('Make a questionnaire link, and send it if asked; the answer shows the secret path once'),
        params: ReferralParams,
        headers: IdempotencyKey,
        body: CreateLinkInput,
        response: { 201: LinkCreated, ...errors },
      },
    },
    async (request, reply) => {
      // Links sent by text or email use the configured public address, never the request's Host header.
      const origin = publicUrl?.() ?? `${request.protocol}://${request.host}`;
      return reply
        .code(201)
        .send(await createLink(request.ctx, { db, origin }, request.params.referralId, request.body));
    },
  );
  app.get(
    '/api/caseload/:referralId/questionnaire-links',
    {
      schema: {
        ...op('Questionnaire links made for this young person, with their status in words'),
        params: ReferralParams,
        response: { 200: Links, ...errors },
      },
    },
    (request) => listLinks(request.ctx, deps, request.params.referralId),
  );
  app.post(
    '/api/caseload/:referralId/questionnaire-links/:linkId/withdraw',
    {
      schema: {
        ...op('Withdraw a link still waiting for answers (If-Match: the link version)'),
        params: LinkParams,
        headers: IfMatch,
        response: { 200: LinkChanged, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        withdrawLink(
          request.ctx,
          deps,
          request.params.referralId,
          request.params.linkId,
          expectedVersion(request.headers['if-match']),
        ),
      ),
  );
  app.get(
    '/api/caseload/:referralId/measures',
    {
      schema: {
        ...op('Scores over sessions per questionnaire and respondent, reliable change and paired comparison'),
        params: ReferralParams,
        response: { 200: Measures, ...errors },
      },
    },
    (request) => getMeasures(request.ctx, deps, request.params.referralId),
  );
  app.post(
    '/api/caseload/:referralId/measures',
    {
      config: { idempotent: true },
      schema: {
        ...op('Enter a questionnaire answered in the session, or Goal Based Outcomes ratings'),
        params: ReferralParams,
        headers: IdempotencyKey,
        body: RecordMeasureInput,
        response: { 201: MeasureRecorded, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordMeasure(request.ctx, deps, request.params.referralId, request.body)),
  );

  app.get(
    '/api/questionnaires/:secret',
    {
      config: { rateLimit: { max: VIEWS_PER_HOUR, timeWindow: 3_600_000 } },
      schema: {
        summary: 'A questionnaire by its link: the questions and answers only, nothing personal',
        tags,
        ...publicOperation,
        params: SecretParams,
        response: { 200: PublicQuestionnaire, 400: Problem, 404: Problem, 429: Problem },
      },
    },
    (request) => viewQuestionnaire(request.ctx, deps, request.params.secret),
  );
  app.post(
    '/api/questionnaires/:secret/answers',
    {
      config: { idempotent: true, rateLimit: { max: ANSWERS_PER_HOUR, timeWindow: 3_600_000 } },
      schema: {
        summary: 'Answer a questionnaire by its link. Send an Idempotency-Key so a retry counts once',
        tags,
        ...publicOperation,
        params: SecretParams,
        headers: IdempotencyKey,
        body: AnswerInput,
        response: { 201: Answered, 400: Problem, 404: Problem, 409: Problem, 422: Problem, 429: Problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await answerQuestionnaire(request.ctx, deps, request.params.secret, request.body)),
  );
};
