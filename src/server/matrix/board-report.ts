import type { Permission } from '../../access/permissions.js';

// The board report routes' rows in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes.
export const permissions: Record<string, Permission | 'public'> = {};
export const bodies: Record<string, object> = {};
export const rowsWhenAllowed: Record<string, number> = {};
