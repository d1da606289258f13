import type { Permission } from '../../access/permissions.js';

// The online-accounts routes' rows in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes.
export const permissions: Record<string, Permission | 'public'> = {
  'POST /api/online/accounts': 'public',
  'POST /api/online/session': 'public',
  'DELETE /api/online/session': 'public',
  'POST /api/online/account-recovery': 'public',
  'POST /api/online/account-recovery/password': 'public',
  'GET /api/online/status': 'public',
  'GET /api/online/me': 'online:use',
  'GET /api/online/settings': 'online:configure',
  'PUT /api/online/settings': 'online:configure',
};
export const bodies: Record<string, object> = {
  // The demo service's own settings, so the one allowed call (a duty senior's) changes nothing else.
  'PUT /api/online/settings': {
    openingHours: [
      ...[1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, opens: '12:00', closes: '22:00' })),
      ...[6, 7].map((dayOfWeek) => ({ dayOfWeek, opens: '18:00', closes: '22:00' })),
    ],
    minAge: 11,
    maxAge: 19,
    chatLimit: 3,
    alertAcknowledgeMinutes: 5,
    furtherEscalationEmail: 'on-call-manager@demo.lantern.example',
  },
};
// Settings and a young person's own account hold no other child's data: no access-log rows.
export const rowsWhenAllowed: Record<string, number> = {};
