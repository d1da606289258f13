import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../access/authorise.js';
import { systemScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import * as risk from '../../db/repositories/online-risk.repository.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import { withScope } from '../../db/scoped.js';
import { dueForFurtherEscalation, formatLondonMoment, shortReference } from '../../domain/online/alerts.js';
import type { Hub } from '../../server/realtime/hub.js';
import { recordChange } from '../audit/record-change.js';
import { tellDutyBoard } from './risk-alerts.js';

/** The job's own context for audit rows: no person asked for it. */
function jobContext(now: Date): ServiceContext {
  return {
    requestId: `job:alert-escalation:${randomUUID()}`,
    actor: { kind: 'anonymous' },
    now: () => now,
    authorised: [],
    recordAccess: async () => undefined,
  };
}

/**
 * Alerts nobody acknowledged in time escalate further, once: the alert is marked, and the service's
 * manager on call (`further_escalation_email`) and every duty senior are emailed a reference. Each
 * alert is claimed by a conditional update, so several Lantern processes running this every 30
 * seconds escalate each alert exactly once between them. Returns how many it escalated.
 */
export async function runAlertEscalation(db: LanternDb, hub: Hub, now: Date): Promise<{ escalated: number }> {
  const ctx = jobContext(now);
  const touched = await withScope(
    db,
    systemScope('escalating unacknowledged online support alerts'),
    async (tx) => {
      const due = dueForFurtherEscalation(await risk.overdueAlerts(tx, now), now);
      const services = new Map<string, Awaited<ReturnType<typeof risk.findService>>>();
      const serviceIds = new Set<string>();
      let escalated = 0;
      for (const candidate of due) {
        const alert = await risk.markEscalatedFurther(tx, candidate.id, now);
        if (!alert) continue; // another process took it, or it was acknowledged meanwhile
        if (!services.has(alert.serviceId))
          services.set(alert.serviceId, await risk.findService(tx, alert.serviceId));
        const service = services.get(alert.serviceId);
        if (!service) continue;
        const seniors = await risk.dutySeniorsOf(tx, service.organisationId);
        const recipients = [
          ...new Set(
            [service.furtherEscalationEmail, ...seniors.map((s) => s.email)].filter((e) => e !== null),
          ),
        ];
        await outbox.enqueue(
          tx,
          recipients.map((recipient) => ({
            channel: 'email',
            template: 'online-alert-overdue',
            recipient,
            personalisation: {
              reference: shortReference('ALT', alert.id),
              serviceName: service.name,
              raisedAt: formatLondonMoment(alert.raisedAt),
            },
            referralId: null,
            createdAt: now,
          })),
        );
        await recordChange(tx, ctx, {
          entity: 'online-alert',
          entityId: alert.id,
          action: 'online-alert:escalated-further',
          before: { escalatedFurtherAt: null },
          after: { escalatedFurtherAt: now.toISOString(), emails: recipients.length },
        });
        serviceIds.add(alert.serviceId);
        escalated += 1;
      }
      return { serviceIds: [...serviceIds], escalated };
    },
  );
  for (const serviceId of touched.serviceIds) await tellDutyBoard(hub, serviceId);
  return { escalated: touched.escalated };
}
