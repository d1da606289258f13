import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { LanternDb } from '../../db/client.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import { AppError } from '../../domain/app-error.js';

export async function requireFrontDoor(db: LanternDb): Promise<referrals.FrontDoor> {
  const frontDoor = await referrals.findFrontDoor(db);
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
