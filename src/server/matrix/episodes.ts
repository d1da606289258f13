import type { Permission } from '../../access/permissions.js';

// The episodes routes' row in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes (ids are made up).
export const permissions: Record<string, Permission | 'public'> = {
  'GET /api/caseload/:referralId/episode': 'caseload:read',
  'POST /api/caseload/:referralId/episode/assessments': 'episode:record',
  'POST /api/caseload/:referralId/episode/goals': 'episode:record',
  'PUT /api/caseload/:referralId/episode/goals/:goalId': 'episode:record',
  'PUT /api/caseload/:referralId/episode/intervention': 'episode:record',
  'POST /api/caseload/:referralId/episode/closure': 'episode:record',
};
export const bodies: Record<string, object> = {
  'POST /api/caseload/:referralId/episode/assessments': {
    presentingProblems: ['anxiety'],
    summary: 'Worried about exams',
    riskLevel: 'low',
    assessedAt: '2026-01-05T10:00:00Z',
  },
  'POST /api/caseload/:referralId/episode/goals': {
    goal: 'Go to school on Mondays',
    agreedAt: '2026-01-05T10:00:00Z',
  },
  'PUT /api/caseload/:referralId/episode/goals/:goalId': { status: 'achieved' },
  'PUT /api/caseload/:referralId/episode/intervention': { intervention: 'guided-self-help-anxiety' },
  'POST /api/caseload/:referralId/episode/closure': {
    kind: 'discharge',
    reason: 'goals-met',
    outcome: 'improved',
    summary: 'Goals met',
  },
};
export const rowsWhenAllowed: Record<string, number> = {
  'GET /api/caseload/:referralId/episode': 1,
  'POST /api/caseload/:referralId/episode/assessments': 1,
  'POST /api/caseload/:referralId/episode/goals': 1,
  'PUT /api/caseload/:referralId/episode/goals/:goalId': 1,
  'PUT /api/caseload/:referralId/episode/intervention': 1,
  'POST /api/caseload/:referralId/episode/closure': 1,
};
