import type { Permission } from '../../access/permissions.js';

// The online-risk routes' rows in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes. Ids are made up, so a
// chat, alert or escalation is not found: that refusal is logged (one row); the phrase list holds no
// young person's data and logs nothing; the board logs one row for the list.
export const permissions: Record<string, Permission | 'public'> = {
  'GET /api/online/risk-phrases': 'online:duty',
  'POST /api/online/risk-phrases': 'online:duty',
  'POST /api/online/risk-phrases/:phraseId/retire': 'online:duty',
  'GET /api/online/chats/:chatId/risk-assessments': 'online:counsel',
  'POST /api/online/chats/:chatId/risk-assessments': 'online:counsel',
  'GET /api/online/chats/:chatId/escalations': 'online:counsel',
  'POST /api/online/chats/:chatId/escalations': 'online:counsel',
  'POST /api/online/escalations/:escalationId/close': 'online:duty',
  'GET /api/online/duty/board': 'online:duty',
  'POST /api/online/alerts/:alertId/acknowledge': 'online:duty',
  'POST /api/online/chats/:chatId/join': 'online:duty',
};
export const bodies: Record<string, object> = {
  'POST /api/online/risk-phrases': { phrase: 'matrix test phrase', category: 'other' },
  'POST /api/online/chats/:chatId/risk-assessments': { level: 'low', notes: 'Talked about exams.' },
  'POST /api/online/chats/:chatId/escalations': {
    reason: 'Said they have taken tablets tonight.',
    identityShared: 'declined',
  },
  'POST /api/online/escalations/:escalationId/close': { outcome: 'Ambulance sent; safe.' },
};
export const rowsWhenAllowed: Record<string, number> = {
  'GET /api/online/chats/:chatId/risk-assessments': 1,
  'POST /api/online/chats/:chatId/risk-assessments': 1,
  'GET /api/online/chats/:chatId/escalations': 1,
  'POST /api/online/chats/:chatId/escalations': 1,
  'POST /api/online/escalations/:escalationId/close': 1,
  'GET /api/online/duty/board': 1,
  'POST /api/online/alerts/:alertId/acknowledge': 1,
  'POST /api/online/chats/:chatId/join': 1,
};
