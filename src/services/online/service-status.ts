import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { CrisisContact, ServiceStatus } from '../../contracts/online-accounts.js';
import type { LanternDb } from '../../db/client.js';
import * as services from '../../db/repositories/online-services.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { isOpenAt, nextClosing, nextOpening, openingSentence } from '../../domain/online/opening.js';
import { describeOpeningHours } from '../../domain/organisations/opening-hours.js';

/** National services a young person can reach at any hour, whether or not we are open. */
export const crisisContacts: CrisisContact[] = [
  { name: 'In an emergency', how: 'Call 999 or go to A&E if your life is in danger', href: 'tel:999' },
  { name: 'NHS 111', how: 'Call 111 and choose the mental health option, any time', href: 'tel:111' },
  { name: 'Childline', how: 'Call 0800 1111, free, any time, if you are under 19', href: 'tel:08001111' },
  { name: 'Shout', how: 'Text SHOUT to 85258, free, any time', href: 'sms:85258' },
];

/** Whether the online service is open now, when it opens, its hours and who it is for. Public. */
export async function serviceStatus(ctx: ServiceContext, deps: { db: LanternDb }): Promise<ServiceStatus> {
  await authorise(ctx, 'online:sign-up');
  const actor = ctx.actor;
  const service = await withScope(deps.db, recordScope(actor), (tx) =>
    actor.kind === 'young-person'
      ? services.findService(tx, actor.serviceId)
      : services.findSignUpService(tx),
  );
  if (!service) throw new AppError('unavailable', 'Online support is not set up here yet.');
  const now = ctx.now();
  const hours = service.openingHours;
  const isOpen = isOpenAt(hours, now);
  const opensAt = isOpen ? null : nextOpening(hours, now);
  const closesAt = isOpen ? nextClosing(hours, now) : null;
  return {
    serviceName: service.name,
    isOpen,
    sentence: openingSentence(hours, now),
    opensAt: opensAt?.toISOString() ?? null,
    closesAt: closesAt?.toISOString() ?? null,
    hours: describeOpeningHours(hours),
    ages: { minAge: service.minAge, maxAge: service.maxAge },
    crisisContacts,
  };
}
