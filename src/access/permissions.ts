/**
 * Every permission, as `resource:action`. Deny by default: nothing is allowed unless a role in
 * roles.ts grants it (or it is public). Later capabilities add their own.
 */
export const permissions = [
  'directory:read',
  'session:create',
  'session:read-own',
  'user:read',
  'user:manage',
  'user:reset-second-factor',
  'team:read',
  'access-log:read',
  'audit:verify',
  'referral:read',
  'referral:break-glass',
  'referral:submit-public',
  'referral:create',
  'referral:triage',
  'mdt:manage',
  'outbox:read',
] as const;
export type Permission = (typeof permissions)[number];

export const permissionDescriptions: Record<Permission, string> = {
  'directory:read': 'Read the public service directory',
  'session:create': 'Sign in (anyone may try)',
  'session:read-own': 'See and end their own sessions',
  'user:read': 'List staff accounts and their roles',
  'user:manage': 'Create staff accounts, change roles and teams, deactivate and reactivate',
  'user:reset-second-factor': "Reset a person's second factor so they enrol again",
  'team:read': 'List teams and their members',
  'access-log:read': "Read the access log of who opened which child's record",
  'audit:verify': 'Check the access log and audit trail hash chains',
  'referral:read': 'Open a referral within their record scope (outside it the referral answers 404)',
  'referral:break-glass':
    'Open a referral outside their scope in an emergency, giving a reason; the privacy officer is alerted',
  'referral:submit-public':
    'Ask for help on the public pages, as a parent or carer or as a young person (anyone may)',
  'referral:create': 'Refer a child or young person, keep drafts, and follow the referrals they made',
  'referral:triage':
    'Work the single point of access queue: decide on referrals, name lead workers, merge duplicate records',
  'mdt:manage': 'Hold multi-agency (MDT) meetings: agendas, shared decisions and actions',
  'outbox:read': 'See the messages Lantern has queued to send (development only)',
};
