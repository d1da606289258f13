import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../access/authorise.js';
import type { EscalationInput, EscalationList, EscalationRaised } from '../../contracts/online-risk.js';
import * as risk from '../../db/repositories/online-risk.repository.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import type { FrontDoor } from '../../db/repositories/referrals.repository.js';
import { AppError } from '../../domain/app-error.js';
import { acknowledgeDeadline, formatLondonMoment, shortReference } from '../../domain/online/alerts.js';
import { dateOfBirthProblem, londonDate } from '../../domain/people/child-details.js';
import { recordChange } from '../audit/record-change.js';
import { requireFrontDoor } from '../referrals/front-door.js';
import { makeSafeguardingReferral } from './escalation-referral.js';
import { escalationOut } from './escalation-view.js';
import { tellDutyBoard } from './risk-alerts.js';
import { type RiskDeps, withRiskChat } from './risk-chat-access.js';

/** The front door, or null when the area has none: an escalation goes ahead without a referral. */
async function frontDoorOrNull(deps: RiskDeps): Promise<FrontDoor | null> {
  try {
    return await requireFrontDoor(deps.db);
  } catch {
    return null;
  }
}

/**
 * A counsellor escalates a chat: the escalation, an alert the duty seniors must acknowledge in time,
 * an email to each of them (a reference, never who), and, when the young person shared who they
 * are, an urgent safeguarding referral in the front door. All in one transaction; each step is
 * audited; the duty board hears once it has committed.
 */
export async function escalateChat(
  ctx: ServiceContext,
  deps: RiskDeps,
  chatId: string,
  input: EscalationInput,
): Promise<EscalationRaised> {
  if (input.identityShared === 'shared' && input.dateOfBirth) {
    const problem = dateOfBirthProblem(input.dateOfBirth, londonDate(ctx.now()));
    if (problem)
      throw new AppError('bad-request', 'Check the date of birth.', [
        { name: 'dateOfBirth', reason: problem },
      ]);
  }
  // Read before the transaction: PGlite has one connection, and the settings are cached anyway.
  const frontDoor = await frontDoorOrNull(deps);
  const shared = input.identityShared === 'shared';
  const raised = await withRiskChat(ctx, deps.db, chatId, 'online:counsel', async (tx, chat, userId, now) => {
    const service = await risk.findService(tx, chat.serviceId);
    if (!service) throw new Error('chat without a service');
    const escalationId = randomUUID();
    const reference = shortReference('ESC', escalationId);
    const made = await makeSafeguardingReferral(tx, ctx, frontDoor, {
      input,
      serviceName: service.name,
      escalationId,
      userId,
      now,
    });
    const row = await risk.insertEscalation(tx, {
      id: escalationId,
      chatId,
      accountId: chat.accountId,
      raisedAt: now,
      raisedBy: userId,
      reason: input.reason,
      identityShared: input.identityShared,
      givenName: shared ? (input.givenName ?? null) : null,
      familyName: shared ? (input.familyName ?? null) : null,
      dateOfBirth: shared ? (input.dateOfBirth ?? null) : null,
      postcode: shared ? (input.postcode ?? null) : null,
      schoolName: shared ? (input.schoolName ?? null) : null,
      phone: shared ? (input.phone ?? null) : null,
      location: shared ? (input.location ?? null) : null,
      status: made.referral ? 'referred' : 'raised',
      referralId: made.referral?.id ?? null,
    });
    await recordChange(tx, ctx, {
      entity: 'online-escalation',
      entityId: escalationId,
      action: 'online-escalation:raised',
      after: { chatId, identityShared: input.identityShared, referralId: made.referral?.id ?? null },
    });
    const alert = await risk.insertAlert(tx, {
      serviceId: chat.serviceId,
      chatId,
      accountId: chat.accountId,
      kind: 'escalation',
      escalationId,
      raisedAt: now,
      acknowledgeBy: acknowledgeDeadline(now, service.alertAcknowledgeMinutes),
    });
    await recordChange(tx, ctx, {
      entity: 'online-alert',
      entityId: alert.id,
      action: 'online-alert:raised',
      after: { kind: 'escalation', escalationId, acknowledgeBy: alert.acknowledgeBy.toISOString() },
    });
    const seniors = await risk.dutySeniorsOf(tx, chat.organisationId);
    // With no duty senior to tell, the manager on call hears at once rather than after the deadline.
    const recipients =
      seniors.length > 0
        ? seniors.map((s) => s.email)
        : [service.furtherEscalationEmail].filter((e) => e !== null);
    await outbox.enqueue(
      tx,
      recipients.map((recipient) => ({
        channel: 'email',
        template: 'online-escalation',
        recipient,
        personalisation: {
          reference,
          serviceName: service.name,
          raisedAt: formatLondonMoment(now),
          minutes: String(service.alertAcknowledgeMinutes),
        },
        referralId: made.referral?.id ?? null,
        createdAt: now,
      })),
    );
    await recordChange(tx, ctx, {
      entity: 'online-escalation',
      entityId: escalationId,
      action: 'online-escalation:duty-seniors-emailed',
      after: { emails: recipients.length, toManagerOnCall: seniors.length === 0 },
    });
    const [named] = (await risk.escalationsOfChat(tx, chatId)).filter((e) => e.row.id === row.id);
    if (!named) throw new Error('escalation not readable after it was stored');
    return {
      serviceId: chat.serviceId,
      result: {
        escalation: escalationOut(named),
        alertId: alert.id,
        dutySeniorsTold: seniors.length,
        referralProblem: made.problem,
      },
    };
  });
  await tellDutyBoard(deps.hub, raised.serviceId);
  return raised.result;
}

export function listEscalations(
  ctx: ServiceContext,
  deps: RiskDeps,
  chatId: string,
): Promise<EscalationList> {
  return withRiskChat(
    ctx,
    deps.db,
    chatId,
    'online:counsel',
    async (tx) => ({ items: (await risk.escalationsOfChat(tx, chatId)).map(escalationOut) }),
    { lock: false },
  );
}
