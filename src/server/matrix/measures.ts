import type { Permission } from '../../access/permissions.js';

// The measures routes' row in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes (ids are made up).
export const permissions: Record<string, Permission | 'public'> = {
  'GET /api/instruments': 'caseload:read',
  'GET /api/instruments/loaded': 'instrument:load',
  'POST /api/instruments': 'instrument:load',
  'POST /api/instruments/:id/withdraw': 'instrument:load',
  'POST /api/caseload/:referralId/questionnaire-links': 'episode:record',
  'GET /api/caseload/:referralId/questionnaire-links': 'caseload:read',
  'POST /api/caseload/:referralId/questionnaire-links/:linkId/withdraw': 'episode:record',
  'GET /api/caseload/:referralId/measures': 'caseload:read',
  'POST /api/caseload/:referralId/measures': 'episode:record',
  'GET /api/questionnaires/:secret': 'public',
  'POST /api/questionnaires/:secret/answers': 'public',
};
export const bodies: Record<string, object> = {
  // Passes the route's check (an object); the service then names what the file lacks (400).
  'POST /api/instruments': { kind: 'questionnaire' },
  'POST /api/caseload/:referralId/questionnaire-links': {
    instrumentId: 'gad-7',
    respondent: 'self',
    expiresInDays: 7,
    send: false,
  },
  'POST /api/caseload/:referralId/measures': {
    instrumentId: 'gad-7',
    respondent: 'self',
    completedAt: '2026-11-20T10:00:00Z',
    answers: {},
  },
  'POST /api/questionnaires/:secret/answers': { answers: {} },
};
export const rowsWhenAllowed: Record<string, number> = {
  'POST /api/caseload/:referralId/questionnaire-links': 1,
  'GET /api/caseload/:referralId/questionnaire-links': 1,
  'POST /api/caseload/:referralId/questionnaire-links/:linkId/withdraw': 1,
  'GET /api/caseload/:referralId/measures': 1,
  'POST /api/caseload/:referralId/measures': 1,
};
