import type { Permission } from '../../access/permissions.js';

// The mhsds-export routes' rows in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes.
export const permissions: Record<string, Permission | 'public'> = {
  'GET /api/exports/mhsds': 'mhsds:export',
  'GET /api/exports/mhsds/dictionary.csv': 'mhsds:export',
  'GET /api/exports/mhsds/:table.csv': 'mhsds:export',
};
export const bodies: Record<string, object> = {};
// The list reads row counts from children's records: logged once. The dictionary holds no one's
// data: nothing to log. The matrix asks for a made-up table, which answers 404 before anything is
// read, so nothing is logged either; a real table's download writes one row (mhsds export test).
export const rowsWhenAllowed: Record<string, number> = { 'GET /api/exports/mhsds': 1 };
