import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { OnlineSettings, OnlineSettingsInput } from '../../contracts/online-accounts.js';
import type { LanternDb } from '../../db/client.js';
import * as services from '../../db/repositories/online-services.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { describeOpeningHours } from '../../domain/organisations/opening-hours.js';
import { recordChange } from '../audit/record-change.js';

const notFound = () => new AppError('not-found', 'Your organisation does not run an online support service.');

function settingsOf(row: services.OnlineServiceRow): OnlineSettings {
  return {
    serviceName: row.name,
    openingHours: row.openingHours,
    hours: describeOpeningHours(row.openingHours),
    minAge: row.minAge,
    maxAge: row.maxAge,
    chatLimit: row.chatLimit,
    alertAcknowledgeMinutes: row.alertAcknowledgeMinutes,
    furtherEscalationEmail: row.furtherEscalationEmail,
    version: row.version,
  };
}

/** The settings of the service the duty senior's organisation runs. */
export async function getOnlineSettings(
  ctx: ServiceContext,
  deps: { db: LanternDb },
): Promise<OnlineSettings> {
  await authorise(ctx, 'online:configure');
  const actor = staffOf(ctx);
  const row = await withScope(deps.db, recordScope(actor), (tx) =>
    services.findServiceOfOrganisation(tx, actor.organisationId),
  );
  if (!row) throw notFound();
  return settingsOf(row);
}

/** Changes opening hours, ages, the chat limit and alert timing; 412 if someone changed them first. */
export async function saveOnlineSettings(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: OnlineSettingsInput,
  expectedVersion: number,
): Promise<OnlineSettings> {
  await authorise(ctx, 'online:configure');
  const actor = staffOf(ctx);
  return withScope(deps.db, recordScope(actor), async (tx) => {
    const before = await services.findServiceOfOrganisation(tx, actor.organisationId);
    if (!before) throw notFound();
    const openingHours = [...input.openingHours].sort(
      (a, b) => a.dayOfWeek - b.dayOfWeek || a.opens.localeCompare(b.opens),
    );
    const after = await services.updateServiceIfVersion(tx, before.id, expectedVersion, {
      openingHours,
      minAge: input.minAge,
      maxAge: input.maxAge,
      chatLimit: input.chatLimit,
      alertAcknowledgeMinutes: input.alertAcknowledgeMinutes,
      furtherEscalationEmail: input.furtherEscalationEmail,
    });
    if (!after) {
      throw new AppError(
        'precondition-failed',
        'Someone else changed these settings since you opened them. Reload to see the latest.',
      );
    }
    await recordChange(tx, ctx, {
      entity: 'online-service',
      entityId: before.id,
      action: 'settings-changed',
      before: settingsOf(before),
      after: settingsOf(after),
    });
    return settingsOf(after);
  });
}
