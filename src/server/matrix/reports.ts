import type { Permission } from '../../access/permissions.js';

// The reports routes' rows in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes.
export const permissions: Record<string, Permission | 'public'> = {
  'GET /api/reports/kpis': 'report:read-published',
  'GET /api/reports/kpis.csv': 'report:read-published',
};
export const bodies: Record<string, object> = {};
// Aggregates only, but counted from children's records: each read is logged once.
export const rowsWhenAllowed: Record<string, number> = {
  'GET /api/reports/kpis': 1,
  'GET /api/reports/kpis.csv': 1,
};
