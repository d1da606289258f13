import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  GroupCandidates,
  GroupSessionList,
  GroupSessionSaved,
  GroupTeamQuery,
  RecordGroupSessionInput,
} from '../../contracts/group-therapy.js';
import type { LanternDb } from '../../db/client.js';
import {
  groupCandidates,
  listGroupSessions,
  recordGroupSession,
} from '../../services/casework/group-therapy.js';
import { IdempotencyKey } from './headers.js';
import { errors } from './mhst.routes.js';
import { signedInOperation } from './security.js';

/** Group therapy sessions with known attendees. */
export const groupTherapyRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (app, { db }) => {
  const deps = { db };
  const op = (summary: string) => ({ summary, tags: ['group therapy'], ...signedInOperation });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post(
    '/api/group-therapy/sessions',
    {
      config: { idempotent: true },
      schema: {
        ...op('Record a group therapy session: a contact for each young person who was expected'),
        headers: IdempotencyKey,
        body: RecordGroupSessionInput,
        response: { 200: GroupSessionSaved, ...errors },
      },
    },
    (request) => recordGroupSession(request.ctx, deps, request.body),
  );
  app.get(
    '/api/group-therapy/sessions',
    {
      schema: {
        ...op('A team’s recent group therapy sessions (your first team unless teamId is given)'),
        querystring: GroupTeamQuery,
        response: { 200: GroupSessionList, ...errors },
      },
    },
    (request) => listGroupSessions(request.ctx, deps, request.query.teamId),
  );
  app.get(
    '/api/group-therapy/candidates',
    {
      schema: {
        ...op('Young people in the team on the group waiting list or in intervention whom you can see'),
        querystring: GroupTeamQuery,
        response: { 200: GroupCandidates, ...errors },
      },
    },
    (request) => groupCandidates(request.ctx, deps, request.query.teamId),
  );
};
