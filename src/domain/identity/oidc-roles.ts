import { type StaffRole, staffRoles } from '../../access/roles.js';

/** How long someone has between leaving for their organisation's sign-in page and coming back. */
export const OIDC_LOGIN_MINUTES = 10;

/**
 * The values of a role claim. Providers send one string or a list of strings; NHS CIS2's
 * `nhsid_nrbac_roles` is a list of objects, each contributing its `role_code`.
 */
export function claimValues(claim: unknown): string[] {
  const items = Array.isArray(claim) ? claim : [claim];
  return items.flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (item && typeof item === 'object' && 'role_code' in item && typeof item.role_code === 'string') {
      return [item.role_code];
    }
    return [];
  });
}

/** The Lantern roles a role claim gives under the operator's map; values it does not name give none. */
export function mappedRoles(claim: unknown, roleMap: Readonly<Record<string, StaffRole>>): StaffRole[] {
  const wanted = new Set(
    claimValues(claim).flatMap((value) =>
      Object.hasOwn(roleMap, value) ? [roleMap[value] as StaffRole] : [],
    ),
  );
  return staffRoles.filter((role) => wanted.has(role));
}

export interface HeldGrant {
  id: string;
  role: string;
}

/**
 * What makes a person's roles exactly `wanted`: a grant across the organisation for each role they
 * lack, and a revocation of every grant of any other role. A role they already hold, in a team or
 * for a school, is left as it is.
 */
export function planRoleChanges(
  held: readonly HeldGrant[],
  wanted: readonly StaffRole[],
): { toGrant: StaffRole[]; toRevoke: HeldGrant[] } {
  const heldRoles = new Set(held.map((grant) => grant.role));
  const wantedRoles = new Set<string>(wanted);
  return {
    toGrant: wanted.filter((role) => !heldRoles.has(role)),
    toRevoke: held.filter((grant) => !wantedRoles.has(grant.role)),
  };
}
