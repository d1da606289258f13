import type { Permission } from '../../access/permissions.js';

// The appointments routes' row in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes (ids are made up).
export const permissions: Record<string, Permission | 'public'> = {
  'PUT /api/caseload/:referralId/contacts/:contactId': 'contact:record',
  'POST /api/group-therapy/sessions': 'contact:record',
  'GET /api/group-therapy/sessions': 'caseload:read',
  'GET /api/group-therapy/candidates': 'contact:record',
};
export const bodies: Record<string, object> = {
  // Video needs no school, so the made-up referral is what answers (404).
  'POST /api/caseload/:referralId/contacts': {
    startsAt: '2026-12-02T10:00:00Z',
    schoolUrn: null,
    medium: 'video',
  },
  'PUT /api/caseload/:referralId/contacts/:contactId': {
    startsAt: '2026-12-03T10:00:00Z',
    schoolUrn: null,
    medium: 'phone',
  },
  'POST /api/group-therapy/sessions': {
    teamId: '00000000-0000-4000-8000-000000000000',
    programme: 'Managing worry',
    startsAt: '2026-11-20T10:00:00Z',
    attendees: [{ referralId: '00000000-0000-4000-8000-000000000001', attendStatus: 'attended' }],
  },
};
// A made-up referral or team is refused as not found, and the refusal logged: one row each.
export const rowsWhenAllowed: Record<string, number> = {
  'PUT /api/caseload/:referralId/contacts/:contactId': 1,
  'POST /api/group-therapy/sessions': 1,
  'GET /api/group-therapy/sessions': 1,
  'GET /api/group-therapy/candidates': 1,
};
