/** Every permission, as `resource:action`. Deny by default: nothing is allowed unless listed for a role. */
export const permissions = ['directory:read'] as const;
export type Permission = (typeof permissions)[number];
