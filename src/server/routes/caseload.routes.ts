import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceInput,
  BookContactInput,
  Caseload,
  CaseloadReferral,
  ContactChanged,
  MilestoneInput,
  MoveContactInput,
  PauseInput,
} from '../../contracts/caseload.js';
import type { LanternDb } from '../../db/client.js';
import { getCaseload, getCaseloadReferral } from '../../services/casework/caseload.js';
import {
  bookContact,
  moveContact,
  recordAttendance,
  recordMilestone,
  recordPause,
} from '../../services/casework/record-contact.js';
import { expectedVersion, IdempotencyKey, IfMatch, withEtag } from './headers.js';
import { errors, Saved } from './mhst.routes.js';
import { signedInOperation } from './security.js';

const ReferralParams = z.object({ referralId: z.string().uuid('must be a referral id') });
const ContactParams = ReferralParams.extend({ contactId: z.string().uuid('must be an appointment id') });

/** A practitioner's caseload: the young people allocated to them, their appointments and clock milestones. */
export const caseloadRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (app, { db }) => {
  const deps = { db };
  const op = (summary: string) => ({ summary, tags: ['caseload'], ...signedInOperation });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/caseload',
    { schema: { ...op('The young people allocated to you'), response: { 200: Caseload, ...errors } } },
    (request) => getCaseload(request.ctx, deps),
  );
  app.get(
    '/api/caseload/:referralId',
    {
      schema: {
        ...op('One young person on your caseload: every clock view, contacts, milestones'),
        params: ReferralParams,
        response: { 200: CaseloadReferral, ...errors },
      },
    },
    (request) => getCaseloadReferral(request.ctx, deps, request.params.referralId),
  );
  app.post(
    '/api/caseload/:referralId/contacts',
    {
      config: { idempotent: true },
      schema: {
        ...op('Book a contact'),
        params: ReferralParams,
        headers: IdempotencyKey,
        body: BookContactInput,
        response: { 200: ContactChanged, ...errors },
      },
    },
    (request) => bookContact(request.ctx, deps, request.params.referralId, request.body),
  );
  app.put(
    '/api/caseload/:referralId/contacts/:contactId',
    {
      schema: {
        ...op('Move a booked appointment to a new time or place (If-Match: the contact version)'),
        params: ContactParams,
        headers: IfMatch,
        body: MoveContactInput,
        response: { 200: ContactChanged, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        moveContact(
          request.ctx,
          deps,
          request.params.referralId,
          request.params.contactId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
  app.put(
    '/api/caseload/:referralId/contacts/:contactId/attendance',
    {
      schema: {
        ...op('Record whether a contact happened (If-Match: the contact version)'),
        params: ContactParams,
        headers: IfMatch,
        body: AttendanceInput,
        response: { 200: ContactChanged, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        recordAttendance(
          request.ctx,
          deps,
          request.params.referralId,
          request.params.contactId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
  app.post(
    '/api/caseload/:referralId/milestones',
    {
      config: { idempotent: true },
      schema: {
        ...op(
          'Record an assessment, care plan, intervention or baseline measure (they stop the clock together)',
        ),
        params: ReferralParams,
        headers: IdempotencyKey,
        body: MilestoneInput,
        response: { 200: Saved, ...errors },
      },
    },
    (request) => recordMilestone(request.ctx, deps, request.params.referralId, request.body),
  );
  app.post(
    '/api/caseload/:referralId/pauses',
    {
      config: { idempotent: true },
      schema: {
        ...op('Record a time the young person asked to wait (shown beside the wait, never taken off it)'),
        params: ReferralParams,
        headers: IdempotencyKey,
        body: PauseInput,
        response: { 200: Saved, ...errors },
      },
    },
    (request) => recordPause(request.ctx, deps, request.params.referralId, request.body),
  );
};
