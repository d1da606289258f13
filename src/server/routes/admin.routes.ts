import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../access/authorise.js';
import {
  AccessLogPage,
  AccessLogQuery,
  AuditChainReport,
  CreateStaffInput,
  GrantRoleInput,
  RoleGranted,
  RoleGrantParams,
  StaffCreated,
  StaffUserList,
  TeamList,
  UserChanged,
  UserParams,
} from '../../contracts/admin.js';
import { Problem } from '../../contracts/problem.js';
import { PrivacyAlertList } from '../../contracts/referrals.js';
import type { LanternDb } from '../../db/client.js';
import { createStaff } from '../../services/admin/create-staff.js';
import {
  listStaff,
  resetSecondFactor,
  revokeRole,
  setStaffActive,
} from '../../services/admin/manage-users.js';
import { grantRole, listTeams } from '../../services/admin/teams-and-roles.js';
import { checkAuditChains, searchAccessLog } from '../../services/audit/access-log.js';
import { listPrivacyAlerts } from '../../services/audit/privacy-alerts.js';
import { expectedVersion, IdempotencyKey, IfMatch } from './headers.js';
import { signedInOperation } from './security.js';

const errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  412: Problem,
  428: Problem,
};

export const adminRoutes: FastifyPluginAsyncZod<{ db: LanternDb }> = async (app, { db }) => {
  const tags = ['administration'];

  app.get(
    '/api/admin/users',
    {
      schema: {
        summary: 'Staff accounts and their roles',
        tags,
        ...signedInOperation,
        response: { 200: StaffUserList, ...errors },
      },
    },
    async (request) => ({ users: await listStaff(request.ctx, { db }) }),
  );

  // Changes to one account: each needs the version the administrator saw (If-Match) and answers
  // with the new version as the ETag.
  const accountChanges = [
    {
      path: 'deactivate',
      summary: 'Deactivate a staff account: it is refused from its next request',
      change: (ctx: ServiceContext, userId: string, expectedVersion: number) =>
        setStaffActive(ctx, { db }, { userId, expectedVersion, isActive: false }),
    },
    {
      path: 'reactivate',
      summary: 'Reactivate a staff account',
      change: (ctx: ServiceContext, userId: string, expectedVersion: number) =>
        setStaffActive(ctx, { db }, { userId, expectedVersion, isActive: true }),
    },
    {
      path: 'reset-second-factor',
      summary: 'Reset a second factor: the person sets up an authenticator app again at next sign-in',
      change: (ctx: ServiceContext, userId: string, expectedVersion: number) =>
        resetSecondFactor(ctx, { db }, { userId, expectedVersion }),
    },
  ];
  for (const { path, summary, change } of accountChanges) {
    app.post(
      `/api/admin/users/:userId/${path}`,
      {
        schema: {
          summary,
          tags,
          ...signedInOperation,
          params: UserParams,
          headers: IfMatch,
          response: { 200: UserChanged, ...errors },
        },
      },
      async (request, reply) => {
        const version = expectedVersion(request.headers['if-match']);
        const changed = await change(request.ctx, request.params.userId, version);
        reply.header('etag', `"${changed.version}"`);
        return changed;
      },
    );
  }

  app.delete(
    '/api/admin/users/:userId/roles/:grantId',
    {
      schema: {
        summary: 'Remove a role or team membership: it takes effect on the next request',
        tags,
        ...signedInOperation,
        params: RoleGrantParams,
        response: { 200: z.object({ endedSessions: z.number().int() }), ...errors },
      },
    },
    (request) => revokeRole(request.ctx, { db }, request.params),
  );

  app.post(
    '/api/admin/users',
    {
      config: { idempotent: true },
      schema: {
        summary:
          'Add a member of staff with one role; returns a temporary password once. Send an Idempotency-Key so a retry gets the same answer',
        tags,
        ...signedInOperation,
        headers: IdempotencyKey,
        body: CreateStaffInput,
        response: { 200: StaffCreated, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return createStaff(request.ctx, { db }, request.body);
    },
  );

  app.get(
    '/api/admin/audit-chains',
    {
      schema: {
        summary: 'Check the access log and audit trail hash chains (as `lantern audit verify` does)',
        tags,
        ...signedInOperation,
        response: { 200: AuditChainReport, ...errors },
      },
    },
    async (request) => ({ chains: await checkAuditChains(request.ctx, { db }) }),
  );

  app.get(
    '/api/admin/teams',
    {
      schema: {
        summary: 'Teams, their service, schools and members',
        tags,
        ...signedInOperation,
        response: { 200: TeamList, ...errors },
      },
    },
    async (request) => ({ teams: await listTeams(request.ctx, { db }) }),
  );

  app.post(
    '/api/admin/users/:userId/roles',
    {
      schema: {
        summary:
          'Give someone a role, optionally in a team or for a school (holding it already changes nothing)',
        tags,
        ...signedInOperation,
        params: UserParams,
        body: GrantRoleInput,
        response: { 200: RoleGranted, ...errors },
      },
    },
    (request) => grantRole(request.ctx, { db }, request.params.userId, request.body),
  );

  app.get(
    '/api/admin/privacy-alerts',
    {
      schema: {
        summary: 'Break-glass accesses for the privacy officer to review',
        tags,
        ...signedInOperation,
        response: { 200: PrivacyAlertList, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { alerts: await listPrivacyAlerts(request.ctx, { db }) };
    },
  );

  app.get(
    '/api/admin/access-log',
    {
      schema: {
        summary: 'Who opened what, and who was refused (privacy officer)',
        tags,
        ...signedInOperation,
        querystring: AccessLogQuery,
        response: { 200: AccessLogPage, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return searchAccessLog(request.ctx, { db }, request.query);
    },
  );
};
