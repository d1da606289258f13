import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AllocateInput,
  AllocationView,
  BulkAllocated,
  BulkAllocateInput,
  Changed,
  LinkPractitionerInput,
  MhstTeamList,
  PractitionerCapacityInput,
  Preferences,
  TeamCapacity,
  TeamForecast,
  WaitingList,
  WaitingListQuery,
} from '../../contracts/mhst.js';
import { Problem } from '../../contracts/problem.js';
import { ReferralChanged } from '../../contracts/triage.js';
import type { LanternDb } from '../../db/client.js';
import { allocateReferral, bulkAllocate, savePreferences } from '../../services/allocation/allocate.js';
import { getAllocationView } from '../../services/allocation/allocation-view.js';
import { acknowledgeBreachAlert, getTeamForecast } from '../../services/allocation/forecast.js';
import {
  getTeamCapacity,
  savePractitionerCapacity,
  setLinkPractitioner,
} from '../../services/allocation/team-capacity.js';
import { getWaitingList, listMhstTeams } from '../../services/allocation/waiting-list.js';
import { expectedVersion, IdempotencyKey, IfMatch, withEtag } from './headers.js';
import { signedInOperation } from './security.js';

export const errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  412: Problem,
  428: Problem,
};
const TeamParams = z.object({ teamId: z.string().uuid('must be a team id') });
const TeamReferralParams = TeamParams.extend({ referralId: z.string().uuid('must be a referral id') });
const PractitionerParams = TeamParams.extend({ userId: z.string().uuid('must be a practitioner id') });
const SchoolParams = TeamParams.extend({ urn: z.coerce.number().int().positive('must be a school URN') });
const AlertParams = TeamParams.extend({ alertId: z.string().uuid('must be an alert id') });
export const Saved = z.object({ id: z.string() });

/** Mental Health Support Teams: waiting lists, allocation, the week's forecast and team capacity. */
export const mhstRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (app, { db }) => {
  const deps = { db };
  const tags = ['mhst'];
  const op = (summary: string) => ({ summary, tags, ...signedInOperation });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/mhst/teams',
    { schema: { ...op('MHST teams you work in or manage'), response: { 200: MhstTeamList, ...errors } } },
    (request) => listMhstTeams(request.ctx, deps),
  );
  app.get(
    '/api/mhst/teams/:teamId/waiting-list',
    {
      schema: {
        ...op('One tray of a team’s waiting list, longest waiting first, against the four-week standard'),
        params: TeamParams,
        querystring: WaitingListQuery,
        response: { 200: WaitingList, ...errors },
      },
    },
    (request) => getWaitingList(request.ctx, deps, request.params.teamId, request.query),
  );
  app.get(
    '/api/mhst/teams/:teamId/referrals/:referralId',
    {
      schema: {
        ...op('A referral ready to allocate: clocks, ranked practitioner suggestions with reasons, history'),
        params: TeamReferralParams,
        response: { 200: AllocationView, ...errors },
      },
    },
    (request, reply) =>
      getAllocationView(request.ctx, deps, request.params.teamId, request.params.referralId).then((view) => {
        reply.header('etag', `"${view.referral.version}"`);
        return view;
      }),
  );
  app.post(
    '/api/mhst/teams/:teamId/referrals/:referralId/allocations',
    {
      schema: {
        ...op(
          'Allocate (or reallocate) to a practitioner or a group waiting list (If-Match: the referral version)',
        ),
        params: TeamReferralParams,
        headers: IfMatch,
        body: AllocateInput,
        response: { 200: ReferralChanged, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        allocateReferral(
          request.ctx,
          deps,
          request.params.teamId,
          request.params.referralId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
  app.put(
    '/api/mhst/teams/:teamId/referrals/:referralId/preferences',
    {
      schema: {
        ...op('The young person’s wishes about who works with them'),
        params: TeamReferralParams,
        body: Preferences,
        response: { 200: Preferences, ...errors },
      },
    },
    (request) =>
      savePreferences(request.ctx, deps, request.params.teamId, request.params.referralId, request.body),
  );
  app.post(
    '/api/mhst/teams/:teamId/bulk-allocations',
    {
      schema: {
        ...op(
          'Allocate many referrals at once; each to the practitioner chosen or its top suggestion with space',
        ),
        params: TeamParams,
        headers: IdempotencyKey,
        body: BulkAllocateInput,
        response: { 200: BulkAllocated, ...errors },
      },
    },
    (request) => bulkAllocate(request.ctx, deps, request.params.teamId, request.body),
  );
  app.get(
    '/api/mhst/teams/:teamId/forecast',
    {
      schema: {
        ...op('The week ahead: who reaches four weeks each day, and open breach alerts'),
        params: TeamParams,
        response: { 200: TeamForecast, ...errors },
      },
    },
    (request) => getTeamForecast(request.ctx, deps, request.params.teamId),
  );
  app.post(
    '/api/mhst/teams/:teamId/breach-alerts/:alertId/acknowledge',
    {
      schema: {
        ...op('Acknowledge a breach alert'),
        params: AlertParams,
        response: { 200: Saved, ...errors },
      },
    },
    (request) => acknowledgeBreachAlert(request.ctx, deps, request.params.teamId, request.params.alertId),
  );
  app.get(
    '/api/mhst/teams/:teamId/capacity',
    {
      schema: {
        ...op('Practitioners’ caseload against capacity, school days, and each school’s link practitioner'),
        params: TeamParams,
        response: { 200: TeamCapacity, ...errors },
      },
    },
    (request) => getTeamCapacity(request.ctx, deps, request.params.teamId),
  );
  app.put(
    '/api/mhst/teams/:teamId/practitioners/:userId',
    {
      schema: {
        ...op(
          'Set a practitioner’s capacity, languages and school days (If-Match: profile version, "0" if none)',
        ),
        params: PractitionerParams,
        headers: IfMatch,
        body: PractitionerCapacityInput,
        response: { 200: Changed, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        savePractitionerCapacity(
          request.ctx,
          deps,
          request.params.teamId,
          request.params.userId,
          expectedVersion(request.headers['if-match']),
          request.body,
        ),
      ),
  );
  app.put(
    '/api/mhst/teams/:teamId/schools/:urn/link-practitioner',
    {
      schema: {
        ...op('Name the school’s link practitioner'),
        params: SchoolParams,
        body: LinkPractitionerInput,
        response: { 200: z.object({ schoolUrn: z.number(), userId: z.string() }), ...errors },
      },
    },
    (request) =>
      setLinkPractitioner(request.ctx, deps, request.params.teamId, request.params.urn, request.body.userId),
  );
};
