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
  'waiting-list:read',
  'allocation:manage',
  'team:manage-capacity',
  'caseload:read',
  'contact:record',
  'school-work:read',
  'school-work:record',
  'consultation-line:use',
  'survey:manage',
  'survey:respond',
  'episode:record',
  'note:sign-off',
  'supervision:record',
  'safeguarding:raise',
  'safeguarding:manage',
  'instrument:load',
  'subject-access:export',
  'questionnaire:answer',
  'online:sign-up',
  'self-help:read',
  'online:use',
  'online:counsel',
  'online:duty',
  'online:write-content',
  'online:review-content',
  'online:configure',
  'online:usage',
  'report:read-published',
  'report:read-exact',
  'mhsds:export',
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
  'waiting-list:read':
    "See a Mental Health Support Team's waiting list, allocations, breach alerts and the week's forecast",
  'allocation:manage':
    'Allocate referrals to practitioners or a group, one at a time or in bulk, and reallocate',
  'team:manage-capacity':
    "Set practitioners' caseload capacity, school days and each school's link practitioner",
  'caseload:read': 'See the young people allocated to them',
  'contact:record':
    'Book contacts, record attendance and the milestones that stop the waiting clock; write and correct contact notes',
  'school-work:read':
    "See a school's whole-school plan, advice to staff, group sessions, link meetings, survey results and dashboard",
  'school-work:record': "Record a school's plan actions, advice to staff, group sessions and link meetings",
  'consultation-line:use': "Log calls to the professionals' consultation line and read the log",
  'survey:manage': 'Open a school staff confidence survey and share its anonymous link',
  'survey:respond': 'Answer a school staff confidence survey by its link (anyone with the link)',
  'episode:record':
    'Run an episode of care: assessment and risk, safety plan, care plan goals, intervention, questionnaires, group therapy, step up or down and discharge',
  'note:sign-off': "Sign off practitioners' contact notes as their supervisor",
  'supervision:record': 'Keep the supervision log of the practitioners they supervise',
  'safeguarding:raise': 'Raise a safeguarding concern from a contact',
  'safeguarding:manage':
    "Work the organisation's safeguarding concerns: acknowledge, record actions, refer to social care, close",
  'instrument:load': "Load the organisation's licensed questionnaire definition files, and withdraw them",
  'subject-access:export':
    "Export one child's record for a subject access request, with what the requester may not see withheld",
  'questionnaire:answer': 'Answer a questionnaire by its secure, expiring link (anyone with the link)',
  'online:sign-up':
    'Make an anonymous online support account and sign in to it (any young person in the age range)',
  'self-help:read': "Read the online support service's published self-help articles (anyone)",
  'online:use':
    'A young person signed in to online support: their own chats, bookings, messages, journal, moods and goals',
  'online:counsel':
    'Counsel young people online: the drop-in queue, chats, risk assessments, escalation, bookings and messages',
  'online:duty':
    "Run the duty senior's board: risk alerts and escalations, joining a chat, the risk phrase list",
  'online:write-content': 'Write self-help articles and send them for review',
  'online:review-content': 'Review self-help articles written by someone else, and publish or withdraw them',
  'online:configure': "Set the online service's opening hours, age range, chat limit and alert timing",
  'online:usage': 'See online support usage figures (aggregates only)',
  'report:read-published':
    'See dashboards and board reports with small numbers suppressed and counts rounded, and download them',
  'report:read-exact':
    'See operational dashboards with exact counts (never for sharing beyond authorised staff)',
  'mhsds:export':
    'Download the MHSDS-shaped export for a period: record-level, for the data team (not an accredited submission)',
};
