import type { Permission } from '../../access/permissions.js';

// The board report routes' rows in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes.
export const permissions: Record<string, Permission | 'public'> = {
  'GET /api/reports/board.pdf': 'report:read-published',
};
export const bodies: Record<string, object> = {};
// The route writes one row (aggregates only) as soon as the caller is allowed. When Chromium then
// prints, the board report page it opens reads GET /api/reports/kpis as the caller, which writes
// that route's own row: two rows for a printed PDF. Under inject() nothing listens, so nothing is
// printed (503) and only the route's row is written.
export const rowsWhenAllowed: Record<string, number> = { 'GET /api/reports/board.pdf': 1 };
