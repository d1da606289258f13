import { authorise, type ServiceContext } from '../../access/authorise.js';
import { systemScope } from '../../access/scope.js';
import type { OutboxList } from '../../contracts/triage.js';
import type { LanternDb } from '../../db/client.js';
import * as organisations from '../../db/repositories/organisations.repository.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { render, type TemplateName } from '../../domain/notifications/templates.js';

/**
 * The outbox viewer, for the fictional demo area only: it shows recipients and message bodies, so
 * anywhere else, and in production, it answers 404 whatever the caller's role.
 */
export async function readOutbox(
  ctx: ServiceContext,
  deps: { db: LanternDb; isProduction: boolean },
): Promise<OutboxList> {
  await authorise(ctx, 'outbox:read');
  // Only for the fictional demo area outside production: a real area's outbox holds real people's
  // phone numbers and email addresses, whatever NODE_ENV says.
  const area = await organisations.findArea(deps.db);
  if (deps.isProduction || !area?.isFictional) {
    throw new AppError('not-found', 'The outbox viewer is only there for the demo area.');
  }
  const rows = await withScope(deps.db, systemScope('development outbox viewer'), (tx) =>
    outbox.recentMessages(tx, 100),
  );
  await ctx.recordAccess({
    subjectKind: 'outbox',
    subjectId: null,
    action: 'outbox:read',
    outcome: 'allowed',
    basis: 'development',
  });
  return {
    messages: rows.map((m) => ({
      id: m.id,
      channel: m.channel,
      template: m.template,
      recipient: m.recipient,
      body: render(m.template as TemplateName, m.personalisation as Record<string, string>).body,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      attempts: m.attempts,
      lastError: m.lastError,
    })),
  };
}
