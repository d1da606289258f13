import type { Permission } from './permissions.js';

/** Staff roles, from the source documents' own words. A user can hold several. */
export const staffRoles = [
  'system-administrator',
  'commissioner',
  'service-manager',
  'spa-clinician',
  'mhst-team-manager',
  'mhst-clinical-lead',
  'supervisor',
  'emhp',
  'senior-practitioner',
  'camhs-clinician',
  'early-help-worker',
  'school-staff-referrer',
  'professional-referrer',
  'senior-mental-health-lead',
  'online-counsellor',
  'online-duty-senior',
  'safeguarding-lead',
  'privacy-officer',
] as const;

export type StaffRole = (typeof staffRoles)[number];

/**
 * Whose children's records a role reaches once clinical records exist: worked out once per request
 * and applied in the repositories. `none` means aggregates only.
 */
export type RecordScopeKind =
  | 'none'
  | 'own-referrals'
  | 'school'
  | 'caseload'
  | 'team'
  | 'service'
  | 'organisation'
  | 'online';

export interface RoleDefinition {
  label: string;
  permissions: readonly Permission[];
  /** Roles that can read clinical records, or change who can, must use a second factor. */
  requiresSecondFactor: boolean;
  recordScope: RecordScopeKind;
}

const signedIn: readonly Permission[] = ['directory:read', 'session:read-own'];

/** The role → permission table. Reviewed like code; docs/security.md shows it, generated from here. */
export const roleDefinitions: Record<StaffRole, RoleDefinition> = {
  'system-administrator': {
    label: 'System administrator',
    permissions: [
      ...signedIn,
      'user:read',
      'user:manage',
      'user:reset-second-factor',
      'team:read',
      'audit:verify',
      'outbox:read',
    ],
    requiresSecondFactor: true,
    recordScope: 'none',
  },
  commissioner: {
    label: 'Commissioner or analyst',
    permissions: [...signedIn, 'online:usage', 'report:read-published'],
    requiresSecondFactor: false,
    recordScope: 'none',
  },
  'service-manager': {
    label: 'Service manager',
    permissions: [
      ...signedIn,
      'user:read',
      'team:read',
      'referral:read',
      'mdt:manage',
      'waiting-list:read',
      'school-work:read',
      'instrument:load',
      'online:usage',
      'report:read-published',
      'report:read-exact',
      'mhsds:export',
    ],
    requiresSecondFactor: true,
    recordScope: 'service',
  },
  'spa-clinician': {
    label: 'Single point of access (triage) clinician',
    permissions: [
      ...signedIn,
      'referral:read',
      'referral:break-glass',
      'referral:create',
      'referral:triage',
      'mdt:manage',
      'consultation-line:use',
    ],
    requiresSecondFactor: true,
    recordScope: 'service',
  },
  'mhst-team-manager': {
    label: 'MHST team manager',
    permissions: [
      ...signedIn,
      'team:read',
      'referral:read',
      'referral:break-glass',
      'mdt:manage',
      'waiting-list:read',
      'allocation:manage',
      'team:manage-capacity',
      'caseload:read',
      'school-work:read',
      'school-work:record',
      'consultation-line:use',
      'survey:manage',
      'report:read-published',
      'report:read-exact',
    ],
    requiresSecondFactor: true,
    recordScope: 'team',
  },
  'mhst-clinical-lead': {
    label: 'MHST clinical lead',
    permissions: [
      ...signedIn,
      'team:read',
      'referral:read',
      'referral:break-glass',
      'waiting-list:read',
      'allocation:manage',
      'caseload:read',
      'contact:record',
      'school-work:read',
      'school-work:record',
      'consultation-line:use',
      'episode:record',
      'safeguarding:raise',
      'note:sign-off',
      'supervision:record',
      'instrument:load',
    ],
    requiresSecondFactor: true,
    recordScope: 'team',
  },
  supervisor: {
    label: 'Supervisor',
    permissions: [
      ...signedIn,
      'referral:read',
      'referral:break-glass',
      'waiting-list:read',
      'caseload:read',
      'contact:record',
      'school-work:read',
      'school-work:record',
      'episode:record',
      'safeguarding:raise',
      'note:sign-off',
      'supervision:record',
    ],
    requiresSecondFactor: true,
    recordScope: 'team',
  },
  emhp: {
    label: 'Education Mental Health Practitioner',
    permissions: [
      ...signedIn,
      'referral:read',
      'referral:break-glass',
      'caseload:read',
      'contact:record',
      'school-work:read',
      'school-work:record',
      'episode:record',
      'safeguarding:raise',
    ],
    requiresSecondFactor: true,
    recordScope: 'caseload',
  },
  'senior-practitioner': {
    label: 'MHST senior practitioner',
    permissions: [
      ...signedIn,
      'referral:read',
      'referral:break-glass',
      'waiting-list:read',
      'caseload:read',
      'contact:record',
      'school-work:read',
      'school-work:record',
      'consultation-line:use',
      'episode:record',
      'safeguarding:raise',
    ],
    requiresSecondFactor: true,
    recordScope: 'team',
  },
  'camhs-clinician': {
    label: 'CAMHS clinician',
    permissions: [
      ...signedIn,
      'referral:read',
      'referral:break-glass',
      'referral:create',
      'mdt:manage',
      'consultation-line:use',
    ],
    requiresSecondFactor: true,
    recordScope: 'team',
  },
  'early-help-worker': {
    label: 'Early help worker',
    permissions: [...signedIn, 'referral:read', 'referral:create', 'mdt:manage'],
    requiresSecondFactor: true,
    recordScope: 'caseload',
  },
  'school-staff-referrer': {
    label: 'School staff referrer',
    permissions: [...signedIn, 'referral:read', 'referral:create'],
    requiresSecondFactor: false,
    recordScope: 'own-referrals',
  },
  'professional-referrer': {
    label: 'Professional referrer (GP, social care, health visitor, youth justice)',
    permissions: [...signedIn, 'referral:read', 'referral:create'],
    requiresSecondFactor: false,
    recordScope: 'own-referrals',
  },
  'senior-mental-health-lead': {
    label: "School's senior mental health lead",
    permissions: [
      ...signedIn,
      'referral:read',
      'referral:create',
      'school-work:read',
      'school-work:record',
      'survey:manage',
    ],
    requiresSecondFactor: false,
    recordScope: 'school',
  },
  'online-counsellor': {
    label: 'Online support counsellor',
    permissions: [...signedIn, 'online:counsel', 'online:write-content'],
    requiresSecondFactor: true,
    recordScope: 'online',
  },
  'online-duty-senior': {
    label: 'Online duty senior',
    permissions: [
      ...signedIn,
      'online:counsel',
      'online:duty',
      'online:write-content',
      'online:review-content',
      'online:configure',
      'online:usage',
    ],
    requiresSecondFactor: true,
    recordScope: 'online',
  },
  'safeguarding-lead': {
    label: 'Safeguarding lead',
    permissions: [
      ...signedIn,
      'referral:read',
      'referral:break-glass',
      'referral:create',
      'mdt:manage',
      'safeguarding:manage',
    ],
    requiresSecondFactor: true,
    recordScope: 'organisation',
  },
  'privacy-officer': {
    label: 'Caldicott guardian or privacy officer',
    permissions: [...signedIn, 'access-log:read', 'audit:verify', 'subject-access:export'],
    requiresSecondFactor: true,
    recordScope: 'none',
  },
};

export const roleLabels = Object.fromEntries(
  staffRoles.map((role) => [role, roleDefinitions[role].label]),
) as Record<StaffRole, string>;

/** What anyone may do without signing in. */
export const publicPermissions: readonly Permission[] = [
  'directory:read',
  'session:create',
  'referral:submit-public',
  'survey:respond',
  'questionnaire:answer',
  'online:sign-up',
  'self-help:read',
];

/** What a young person signed in to online support may do, on top of the public permissions. */
export const youngPersonPermissions: readonly Permission[] = ['online:use'];

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

export function permissionsOfRoles(roles: readonly StaffRole[]): Set<Permission> {
  return new Set(roles.flatMap((role) => roleDefinitions[role].permissions));
}

export function needsSecondFactor(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => roleDefinitions[role].requiresSecondFactor);
}
