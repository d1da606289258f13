import type { ServiceContext } from '../../access/authorise.js';
import type { Permission } from '../../access/permissions.js';

/**
 * Runs work that reads one referral and writes its access-log row whatever happens: allowed on
 * `basis` (or the basis given to it) once the work has called `found()`, otherwise a refusal (the
 * referral was outside the person's scope, or not there). A 412 or 409 after the read still counts
 * as a read.
 */
export async function withReferralAccess<T>(
  ctx: ServiceContext,
  referralId: string,
  action: Permission,
  basis: string,
  work: (found: (basisFound?: string) => void) => Promise<T>,
): Promise<T> {
  let allowedOn: string | null = null;
  try {
    return await work((basisFound = basis) => {
      allowedOn = basisFound;
    });
  } finally {
    await ctx.recordAccess({
      subjectKind: 'referral',
      subjectId: referralId,
      action,
      outcome: allowedOn !== null ? 'allowed' : 'denied',
      basis: allowedOn ?? 'out-of-scope',
    });
  }
}
