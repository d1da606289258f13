import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { LanternDb } from '../../db/client.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import { AppError } from '../../domain/app-error.js';

/**
 * The settings change rarely (an administrator's decision), and every submission needs them: each
 * process keeps them for a minute, so a change reaches every process within a minute.
 */
const CACHE_MS = 60_000;
const cache = new WeakMap<LanternDb, { at: number; frontDoor: referrals.FrontDoor }>();

export async function requireFrontDoor(db: LanternDb): Promise<referrals.FrontDoor> {
  const cached = cache.get(db);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.frontDoor;
  const frontDoor = await referrals.findFrontDoor(db);
  if (frontDoor) cache.set(db, { at: Date.now(), frontDoor });
  if (!frontDoor) {
    throw new AppError(
      'unavailable',
      'Referrals cannot be taken yet: this area has no single point of access set up.',
    );
  }
  return frontDoor;
}

/** The front door's published rules, for the public pages. */
export async function getFrontDoorRules(ctx: ServiceContext, deps: { db: LanternDb }) {
  await authorise(ctx, 'directory:read');
  const frontDoor = await requireFrontDoor(deps.db);
  return {
    selfReferralMinAge: frontDoor.selfReferralMinAge,
    triageWorkingDays: frontDoor.triageWorkingDays,
    intakeServiceName: frontDoor.serviceName,
  };
}
