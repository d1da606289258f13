import type { Permission } from '../../access/permissions.js';

/**
 * Every API route and what it needs: the permission its service checks, or `public` for routes
 * anyone may call (the service may still check a public permission). The route manifest test fails
 * if a route is missing here, and the permission matrix test calls every route as every role.
 */
export const routePermissions: Record<string, Permission | 'public'> = {
  'GET /api/health': 'public',
  'GET /api/ready': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/directory/services': 'public',
  'GET /api/directory/services/:slug': 'public',
  'GET /api/directory/area': 'public',
  'GET /api/directory/schools': 'public',
  'POST /api/session': 'public',
  'POST /api/session/password': 'public',
  'POST /api/session/second-factor': 'public',
  'POST /api/session/second-factor/enrolment': 'public',
  'POST /api/session/second-factor/enrolment/confirm': 'public',
  'GET /api/session': 'public',
  'DELETE /api/session': 'public',
  'GET /api/session/oidc': 'public',
  'GET /api/session/oidc/start': 'public',
  'GET /api/session/oidc/callback': 'public',
  'DELETE /api/sessions': 'session:read-own',
  'GET /api/admin/users': 'user:read',
  'POST /api/admin/users': 'user:manage',
  'POST /api/admin/users/:userId/deactivate': 'user:manage',
  'POST /api/admin/users/:userId/reactivate': 'user:manage',
  'POST /api/admin/users/:userId/reset-second-factor': 'user:reset-second-factor',
  'DELETE /api/admin/users/:userId/roles/:grantId': 'user:manage',
  'GET /api/admin/access-log': 'access-log:read',
  'GET /api/admin/teams': 'team:read',
  'GET /api/admin/audit-chains': 'audit:verify',
  'GET /api/admin/privacy-alerts': 'access-log:read',
  'GET /api/referrals/:referralId': 'referral:read',
  'POST /api/referrals/:referralId/break-glass': 'referral:break-glass',
  'POST /api/admin/users/:userId/roles': 'user:manage',
  'GET /api/front-door/rules': 'public',
  'POST /api/referrals/public': 'public',
  'POST /api/referrals': 'referral:create',
  'GET /api/my-referrals': 'referral:create',
  'POST /api/my-referrals/:referralId/information': 'referral:create',
  'GET /api/referral-drafts': 'referral:create',
  'POST /api/referral-drafts': 'referral:create',
  'GET /api/referral-drafts/:draftId': 'referral:create',
  'PUT /api/referral-drafts/:draftId': 'referral:create',
  'GET /api/triage/queue': 'referral:triage',
  'GET /api/triage/referrals/:referralId': 'referral:triage',
  'POST /api/triage/referrals/:referralId/decisions': 'referral:triage',
  'PUT /api/triage/referrals/:referralId/lead-worker': 'referral:triage',
  'POST /api/children/:childId/merges': 'referral:triage',
  'POST /api/child-links/:linkId/undo': 'referral:triage',
  'GET /api/mdt/meetings': 'mdt:manage',
  'POST /api/mdt/meetings': 'mdt:manage',
  'GET /api/mdt/meetings/:meetingId': 'mdt:manage',
  'POST /api/mdt/meetings/:meetingId/agenda': 'mdt:manage',
  'POST /api/mdt/meetings/:meetingId/agenda/:itemId/outcome': 'mdt:manage',
  'GET /api/dev/outbox': 'outbox:read',
};

/** The API documentation pages that @fastify/swagger-ui adds; public and free of data. */
export function isDocsRoute(url: string): boolean {
  return url === '/api/docs' || url.startsWith('/api/docs/');
}
