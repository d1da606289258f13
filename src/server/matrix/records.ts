import type { Permission } from '../../access/permissions.js';

// The records routes' row in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes (ids are made up).
export const permissions: Record<string, Permission | 'public'> = {
  'POST /api/subject-access/search': 'subject-access:export',
  'POST /api/subject-access/previews': 'subject-access:export',
  'POST /api/subject-access/exports': 'subject-access:export',
  'GET /api/subject-access/requests': 'subject-access:export',
};
export const bodies: Record<string, object> = {
  'POST /api/subject-access/search': { reference: 'LV-NONE-00' },
  'POST /api/subject-access/previews': {
    childId: '00000000-0000-4000-8000-000000000001',
    requester: 'young-person',
  },
  'POST /api/subject-access/exports': {
    childId: '00000000-0000-4000-8000-000000000001',
    requester: 'young-person',
    receivedOn: '2026-01-05',
    format: 'json',
  },
};
// A child that is not there is logged as a refusal; reading the list of requests is logged too.
export const rowsWhenAllowed: Record<string, number> = {
  'POST /api/subject-access/search': 1,
  'POST /api/subject-access/previews': 1,
  'POST /api/subject-access/exports': 1,
  'GET /api/subject-access/requests': 1,
};
