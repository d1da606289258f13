import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../contracts/problem.js';
import {
  CallLogged,
  ConsultationCallList,
  ConsultationCallsQuery,
  CreateConsultationCallInput,
  CreateGroupSessionInput,
  CreateLinkMeetingInput,
  CreatePlanActionInput,
  CreateStaffConsultationInput,
  OpenSurveyInput,
  PlanAction,
  Recorded,
  SchoolDashboard,
  SchoolList,
  SchoolSurveys,
  SurveyAnswered,
  SurveyAnswerInput,
  SurveyForStaff,
  SurveyOpened,
  UpdatePlanActionInput,
  WholeSchool,
} from '../../contracts/schools.js';
import type { LanternDb } from '../../db/client.js';
import { answerSurvey } from '../../services/schools/answer-survey.js';
import { listConsultationCalls } from '../../services/schools/list-consultation-calls.js';
import { listSchoolsInReach } from '../../services/schools/list-schools.js';
import { listSchoolSurveys } from '../../services/schools/list-surveys.js';
import { logConsultationCall } from '../../services/schools/log-consultation-call.js';
import { openSurvey } from '../../services/schools/open-survey.js';
import { recordGroupSession } from '../../services/schools/record-group-session.js';
import { recordLinkMeeting } from '../../services/schools/record-link-meeting.js';
import { recordPlanAction } from '../../services/schools/record-plan-action.js';
import { recordStaffConsultation } from '../../services/schools/record-staff-consultation.js';
import { getSchoolDashboard } from '../../services/schools/school-dashboard.js';
import { updatePlanAction } from '../../services/schools/update-plan-action.js';
import { viewSurvey } from '../../services/schools/view-survey.js';
import { getWholeSchool } from '../../services/schools/whole-school.js';
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
};
// A URN is checked by the service, after the permission: a malformed one is a school nobody reaches (404).
const SchoolParams = z.object({ urn: z.string().max(20) });
const ActionParams = SchoolParams.extend({ actionId: z.string().uuid('must be a plan action id') });
const SurveyParams = z.object({ secret: z.string().min(1).max(100) });

/**
 * A whole staff room answers from one school network address, so the per-address limit on survey
 * answers is far above the public referral form's.
 */
const SURVEY_ANSWERS_PER_HOUR = 300;

/** Mental Health Support Teams' work with schools, the consultation line, and staff surveys. */
export const schoolsRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (app, { db }) => {
  const tags = ['schools'];
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/schools',
    {
      schema: {
        summary: 'The schools you work with',
        tags,
        ...signedInOperation,
        response: { 200: SchoolList, ...errors },
      },
    },
    (request) => listSchoolsInReach(request.ctx, { db }),
  );

  app.get(
    '/api/schools/:urn/dashboard',
    {
      schema: {
        summary:
          "A school's referrals and their status, waiting times, work delivered and survey (no clinical detail)",
        tags,
        ...signedInOperation,
        params: SchoolParams,
        response: { 200: SchoolDashboard, ...errors },
      },
    },
    (request) => getSchoolDashboard(request.ctx, { db }, request.params.urn),
  );

  app.get(
    '/api/schools/:urn/whole-school',
    {
      schema: {
        summary: "A school's whole-school approach: leads, plan by tier, sessions, advice and link meetings",
        tags,
        ...signedInOperation,
        params: SchoolParams,
        response: { 200: WholeSchool, ...errors },
      },
    },
    (request) => getWholeSchool(request.ctx, { db }, request.params.urn),
  );

  app.post(
    '/api/schools/:urn/plan-actions',
    {
      config: { idempotent: true },
      schema: {
        summary: "Add an action to a school's whole-school plan. Send an Idempotency-Key",
        tags,
        ...signedInOperation,
        params: SchoolParams,
        headers: IdempotencyKey,
        body: CreatePlanActionInput,
        response: { 201: PlanAction, ...errors },
      },
    },
    async (request, reply) => {
      const action = await recordPlanAction(request.ctx, { db }, request.params.urn, request.body);
      return reply.code(201).header('etag', `"${action.version}"`).send(action);
    },
  );

  app.put(
    '/api/schools/:urn/plan-actions/:actionId',
    {
      schema: {
        summary: 'Change a plan action (If-Match: its version; a stale one gets 412)',
        tags,
        ...signedInOperation,
        params: ActionParams,
        headers: IfMatch,
        body: UpdatePlanActionInput,
        response: { 200: PlanAction, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        updatePlanAction(
          request.ctx,
          { db },
          request.params.urn,
          request.params.actionId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );

  app.post(
    '/api/schools/:urn/group-sessions',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Record a workshop, assembly, parent session or staff training: a count, never names',
        tags,
        ...signedInOperation,
        params: SchoolParams,
        headers: IdempotencyKey,
        body: CreateGroupSessionInput,
        response: { 201: Recorded, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordGroupSession(request.ctx, { db }, request.params.urn, request.body)),
  );

  app.post(
    '/api/schools/:urn/consultations',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Record advice given to school staff; link a referral only when a child must be named',
        tags,
        ...signedInOperation,
        params: SchoolParams,
        headers: IdempotencyKey,
        body: CreateStaffConsultationInput,
        response: { 201: Recorded, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordStaffConsultation(request.ctx, { db }, request.params.urn, request.body)),
  );

  app.post(
    '/api/schools/:urn/link-meetings',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Record a School Link meeting between the school and specialist services',
        tags,
        ...signedInOperation,
        params: SchoolParams,
        headers: IdempotencyKey,
        body: CreateLinkMeetingInput,
        response: { 201: Recorded, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordLinkMeeting(request.ctx, { db }, request.params.urn, request.body)),
  );

  app.get(
    '/api/schools/:urn/surveys',
    {
      schema: {
        summary: "A school's staff confidence survey rounds, results and change (held back under 8 answers)",
        tags,
        ...signedInOperation,
        params: SchoolParams,
        response: { 200: SchoolSurveys, ...errors },
      },
    },
    (request) => listSchoolSurveys(request.ctx, { db }, request.params.urn),
  );

  // Not idempotent on purpose: a replayed answer would have to keep the link's secret, and only its
  // hash may be stored. A retried request opens a second round, which costs nothing if unused.
  app.post(
    '/api/schools/:urn/surveys',
    {
      schema: {
        summary: "Open a round of the staff confidence survey; the answer shows the link's secret once",
        tags,
        ...signedInOperation,
        params: SchoolParams,
        body: OpenSurveyInput,
        response: { 201: SurveyOpened, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await openSurvey(request.ctx, { db }, request.params.urn, request.body)),
  );

  app.get(
    '/api/surveys/:secret',
    {
      schema: {
        summary:
          'A staff confidence survey by its link: the school, statements, scale and whether it is open',
        tags,
        ...publicOperation,
        params: SurveyParams,
        response: { 200: SurveyForStaff, 400: Problem, 404: Problem },
      },
    },
    (request) => viewSurvey(request.ctx, { db }, request.params.secret),
  );

  app.post(
    '/api/surveys/:secret/responses',
    {
      config: { idempotent: true, rateLimit: { max: SURVEY_ANSWERS_PER_HOUR, timeWindow: 3_600_000 } },
      schema: {
        summary:
          'Answer a staff confidence survey anonymously. Send an Idempotency-Key so a retry counts once',
        tags,
        ...publicOperation,
        params: SurveyParams,
        headers: IdempotencyKey,
        body: SurveyAnswerInput,
        response: {
          201: SurveyAnswered,
          400: Problem,
          404: Problem,
          409: Problem,
          422: Problem,
          429: Problem,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await answerSurvey(request.ctx, { db }, request.params.secret, request.body)),
  );

  app.get(
    '/api/consultation-line/calls',
    {
      schema: {
        summary:
          "Calls to your teams' consultation line in a range of days (default the last 30), with a summary",
        tags,
        ...signedInOperation,
        querystring: ConsultationCallsQuery,
        response: { 200: ConsultationCallList, ...errors },
      },
    },
    (request) => listConsultationCalls(request.ctx, { db }, request.query),
  );

  app.post(
    '/api/consultation-line/calls',
    {
      config: { idempotent: true },
      schema: {
        summary: "Log a call to the professionals' consultation line. Send an Idempotency-Key",
        tags,
        ...signedInOperation,
        headers: IdempotencyKey,
        body: CreateConsultationCallInput,
        response: { 201: CallLogged, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await logConsultationCall(request.ctx, { db }, request.body)),
  );
};
