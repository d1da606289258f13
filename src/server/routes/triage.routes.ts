import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../contracts/problem.js';
import {
  AddToAgendaInput,
  CreateMdtMeetingInput,
  LeadWorkerInput,
  MdtMeeting,
  MdtMeetingCreated,
  MdtMeetingList,
  MdtOutcomeInput,
  MergeChildrenInput,
  OutboxList,
  ReferralChanged,
  TriageDecisionInput,
  TriageQueue,
  TriageQueueQuery,
  TriageReferral,
  UndoMergeInput,
} from '../../contracts/triage.js';
import type { LanternDb } from '../../db/client.js';
import { readOutbox } from '../../services/notifications/read-outbox.js';
import { mergeChildren, undoMerge } from '../../services/people/merge-children.js';
import {
  addToMdtAgenda,
  createMdtMeeting,
  getMdtMeeting,
  listMdtMeetings,
  recordMdtOutcome,
} from '../../services/referrals/mdt-meetings.js';
import { nameLeadWorker, recordTriageDecision } from '../../services/referrals/record-decision.js';
import { listTriageQueue } from '../../services/referrals/triage-queue.js';
import { getTriageReferral } from '../../services/referrals/triage-referral.js';
import { expectedVersion, IdempotencyKey, IfMatch, withEtag } from './headers.js';
import { signedInOperation } from './security.js';

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
const ReferralParams = z.object({ referralId: z.string().uuid('must be a referral id') });
const ChildParams = z.object({ childId: z.string().uuid('must be a child record id') });
const LinkParams = z.object({ linkId: z.string().uuid('must be a merge id') });
const MeetingParams = z.object({ meetingId: z.string().uuid('must be a meeting id') });
const ItemParams = MeetingParams.extend({ itemId: z.string().uuid('must be an agenda item id') });
const LinkDone = z.object({ linkId: z.string() });

/** Triage at the single point of access, duplicate records, MDT meetings, and the outbox viewer. */
export const triageRoutes: FastifyPluginAsyncZod<{ db: LanternDb; isProduction: boolean }> = async (
  app,
  { db, isProduction },
) => {
  const tags = ['triage'];
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/triage/queue',
    {
      schema: {
        summary: 'The single point of access queue: most urgent first, then longest waiting',
        tags,
        ...signedInOperation,
        querystring: TriageQueueQuery,
        response: { 200: TriageQueue, ...errors },
      },
    },
    (request) => listTriageQueue(request.ctx, { db }, request.query),
  );

  app.get(
    '/api/triage/referrals/:referralId',
    {
      schema: {
        summary: 'A referral as triage sees it, with decisions, other referrals and possible duplicates',
        tags,
        ...signedInOperation,
        params: ReferralParams,
        response: { 200: TriageReferral, ...errors },
      },
    },
    (request, reply) => withEtag(reply, getTriageReferral(request.ctx, { db }, request.params.referralId)),
  );

  app.post(
    '/api/triage/referrals/:referralId/decisions',
    {
      schema: {
        summary: 'Record a triage decision (If-Match: the referral version; a stale one gets 412)',
        tags,
        ...signedInOperation,
        params: ReferralParams,
        headers: IfMatch,
        body: TriageDecisionInput,
        response: { 200: ReferralChanged, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        recordTriageDecision(
          request.ctx,
          { db },
          request.params.referralId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );

  app.put(
    '/api/triage/referrals/:referralId/lead-worker',
    {
      schema: {
        summary: "Name the family's lead worker, from any agency (If-Match)",
        tags,
        ...signedInOperation,
        params: ReferralParams,
        headers: IfMatch,
        body: LeadWorkerInput,
        response: { 200: ReferralChanged, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        nameLeadWorker(
          request.ctx,
          { db },
          request.params.referralId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );

  app.post(
    '/api/children/:childId/merges',
    {
      schema: {
        summary: 'Merge a duplicate record into this child, with a reason (undoable)',
        tags,
        ...signedInOperation,
        params: ChildParams,
        body: MergeChildrenInput,
        response: { 201: LinkDone, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await mergeChildren(request.ctx, { db }, request.params.childId, request.body)),
  );

  app.post(
    '/api/child-links/:linkId/undo',
    {
      schema: {
        summary: 'Undo a merge, with a reason',
        tags,
        ...signedInOperation,
        params: LinkParams,
        body: UndoMergeInput,
        response: { 200: LinkDone, ...errors },
      },
    },
    (request) => undoMerge(request.ctx, { db }, request.params.linkId, request.body),
  );

  app.get(
    '/api/mdt/meetings',
    {
      schema: {
        summary: 'Multi-agency meetings',
        tags,
        ...signedInOperation,
        response: { 200: MdtMeetingList, ...errors },
      },
    },
    (request) => listMdtMeetings(request.ctx, { db }),
  );

  app.post(
    '/api/mdt/meetings',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Plan a multi-agency meeting with an agenda of referrals',
        tags,
        ...signedInOperation,
        headers: IdempotencyKey,
        body: CreateMdtMeetingInput,
        response: { 201: MdtMeetingCreated, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createMdtMeeting(request.ctx, { db }, request.body)),
  );

  app.get(
    '/api/mdt/meetings/:meetingId',
    {
      schema: {
        summary: 'One meeting, with the agenda items you may see',
        tags,
        ...signedInOperation,
        params: MeetingParams,
        response: { 200: MdtMeeting, ...errors },
      },
    },
    (request) => getMdtMeeting(request.ctx, { db }, request.params.meetingId),
  );

  app.post(
    '/api/mdt/meetings/:meetingId/agenda',
    {
      schema: {
        summary: "Add a referral to a meeting's agenda",
        tags,
        ...signedInOperation,
        params: MeetingParams,
        body: AddToAgendaInput,
        response: { 200: MdtMeeting, ...errors },
      },
    },
    (request) => addToMdtAgenda(request.ctx, { db }, request.params.meetingId, request.body.referralId),
  );

  app.post(
    '/api/mdt/meetings/:meetingId/agenda/:itemId/outcome',
    {
      schema: {
        summary: 'Record the shared decision and actions for one referral',
        tags,
        ...signedInOperation,
        params: ItemParams,
        body: MdtOutcomeInput,
        response: { 200: MdtMeeting, ...errors },
      },
    },
    (request) =>
      recordMdtOutcome(request.ctx, { db }, request.params.meetingId, request.params.itemId, request.body),
  );

  app.get(
    '/api/dev/outbox',
    {
      schema: {
        summary: 'Messages waiting to be sent, or sent (development only)',
        tags,
        ...signedInOperation,
        response: { 200: OutboxList, ...errors },
      },
    },
    (request) => readOutbox(request.ctx, { db, isProduction }),
  );
};
