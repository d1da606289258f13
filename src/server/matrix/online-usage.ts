import type { Permission } from '../../access/permissions.js';

// The online-usage routes' rows in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes.
export const permissions: Record<string, Permission | 'public'> = {
  'GET /api/online/usage': 'online:usage',
};
export const bodies: Record<string, object> = {};
// Aggregates only, but they are counted from children's records: each read is logged once.
export const rowsWhenAllowed: Record<string, number> = { 'GET /api/online/usage': 1 };
