import type { Permission } from './permissions.js';

/**
 * Staff roles, from the source documents' own words. A user can hold several. The permissions each
 * role grants are filled in by the identity and access capability; until then only public reads exist.
 */
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
  'senior-mental-health-lead',
  'online-counsellor',
  'online-duty-senior',
  'safeguarding-lead',
  'privacy-officer',
] as const;

export type StaffRole = (typeof staffRoles)[number];

export const roleLabels: Record<StaffRole, string> = {
  'system-administrator': 'System administrator',
  commissioner: 'Commissioner or analyst',
  'service-manager': 'Service manager',
  'spa-clinician': 'Single point of access (triage) clinician',
  'mhst-team-manager': 'MHST team manager',
  'mhst-clinical-lead': 'MHST clinical lead',
  supervisor: 'Supervisor',
  emhp: 'Education Mental Health Practitioner',
  'senior-practitioner': 'MHST senior practitioner',
  'camhs-clinician': 'CAMHS clinician',
  'early-help-worker': 'Early help worker',
  'school-staff-referrer': 'School staff referrer',
  'senior-mental-health-lead': "School's senior mental health lead",
  'online-counsellor': 'Online support counsellor',
  'online-duty-senior': 'Online duty senior',
  'safeguarding-lead': 'Safeguarding lead',
  'privacy-officer': 'Caldicott guardian or privacy officer',
};

/** What anyone may do without signing in. */
export const publicPermissions: readonly Permission[] = ['directory:read'];
