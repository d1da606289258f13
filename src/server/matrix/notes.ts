import type { Permission } from '../../access/permissions.js';

// The notes and safeguarding routes' rows in the route table: what each needs, a body that passes
// validation for the permission matrix test, and how many access-log rows an allowed call writes (ids
// are made up, so a referral, note or concern read is logged once, as a refusal).
export const permissions: Record<string, Permission | 'public'> = {
  'GET /api/caseload/:referralId/notes': 'caseload:read',
  'POST /api/caseload/:referralId/notes': 'contact:record',
  'POST /api/caseload/:referralId/notes/:noteId/corrections': 'contact:record',
  'GET /api/supervision/notes-to-sign': 'note:sign-off',
  'POST /api/supervision/notes/:noteId/sign-off': 'note:sign-off',
  'POST /api/supervision/sessions': 'supervision:record',
  'GET /api/supervision/sessions': 'supervision:record',
  'GET /api/supervision/sessions/mine': 'caseload:read',
  'POST /api/caseload/:referralId/safeguarding-concerns': 'safeguarding:raise',
  'GET /api/caseload/:referralId/safeguarding-concerns': 'safeguarding:raise',
  'GET /api/safeguarding/concerns': 'safeguarding:manage',
  'GET /api/safeguarding/concerns/:concernId': 'safeguarding:manage',
  'POST /api/safeguarding/concerns/:concernId/actions': 'safeguarding:manage',
};
export const bodies: Record<string, object> = {
  'POST /api/caseload/:referralId/notes': {
    body: 'Met in the library. Talked about sleep.',
    inConfidence: false,
  },
  'POST /api/caseload/:referralId/notes/:noteId/corrections': {
    body: 'Met in the library. Talked about sleep and exams.',
    reason: 'Left out exams',
  },
  'POST /api/supervision/notes/:noteId/sign-off': { comment: '' },
  'POST /api/supervision/sessions': {
    practitionerUserId: '00000000-0000-4000-8000-000000000000',
    heldAt: '2026-11-20T10:00:00Z',
    kind: 'case-management',
    casesDiscussed: 4,
    summary: 'Caseload reviewed',
    actions: '',
  },
  'POST /api/caseload/:referralId/safeguarding-concerns': {
    category: 'neglect',
    concern: 'Arrived hungry three days running',
    immediateAction: 'Told the school DSL',
  },
  'POST /api/safeguarding/concerns/:concernId/actions': {
    action: 'Spoke to the school DSL',
    statusAfter: 'acknowledged',
  },
};
export const rowsWhenAllowed: Record<string, number> = {
  'GET /api/caseload/:referralId/notes': 1,
  'POST /api/caseload/:referralId/notes': 1,
  'POST /api/caseload/:referralId/notes/:noteId/corrections': 1,
  'GET /api/supervision/notes-to-sign': 1,
  'POST /api/supervision/notes/:noteId/sign-off': 1,
  'POST /api/caseload/:referralId/safeguarding-concerns': 1,
  'GET /api/caseload/:referralId/safeguarding-concerns': 1,
  'GET /api/safeguarding/concerns': 1,
  'GET /api/safeguarding/concerns/:concernId': 1,
  'POST /api/safeguarding/concerns/:concernId/actions': 1,
};
