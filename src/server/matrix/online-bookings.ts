import type { Permission } from '../../access/permissions.js';

// The online-bookings routes' rows in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes.
export const permissions: Record<string, Permission | 'public'> = {
  'GET /api/online/bookings': 'online:use',
  'POST /api/online/bookings/:bookingId/cancel': 'online:use',
  'POST /api/online/bookings/:bookingId/start': 'online:use',
  'GET /api/online/messages': 'online:use',
  'POST /api/online/messages': 'online:use',
  'GET /api/online/my-bookings': 'online:counsel',
  'GET /api/online/inbox': 'online:counsel',
  'GET /api/online/young-people/:accountId': 'online:counsel',
  'POST /api/online/young-people/:accountId/bookings': 'online:counsel',
  'GET /api/online/young-people/:accountId/messages': 'online:counsel',
  'POST /api/online/young-people/:accountId/messages': 'online:counsel',
};
export const bodies: Record<string, object> = {
  'POST /api/online/messages': { body: 'Can I talk to someone about exams?' },
  'POST /api/online/young-people/:accountId/bookings': { startsAt: '2026-12-02T18:30:00Z', minutes: 50 },
  'POST /api/online/young-people/:accountId/messages': { body: 'Thanks for writing. How did today go?' },
};
// The inbox and a counsellor's own bookings are logged as read; a made-up young person is refused
// as not found and the refusal logged. Young people's routes are refused to every staff role.
export const rowsWhenAllowed: Record<string, number> = {
  'GET /api/online/my-bookings': 1,
  'GET /api/online/inbox': 1,
  'GET /api/online/young-people/:accountId': 1,
  'POST /api/online/young-people/:accountId/bookings': 1,
  'GET /api/online/young-people/:accountId/messages': 1,
  'POST /api/online/young-people/:accountId/messages': 1,
};
