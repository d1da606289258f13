import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../access/authorise.js';
import type { RaiseConcernInput, ReferralConcerns } from '../../contracts/safeguarding.js';
import type { LanternDb } from '../../db/client.js';
import * as casework from '../../db/repositories/casework.repository.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import * as safeguarding from '../../db/repositories/safeguarding.repository.js';
import { AppError } from '../../domain/app-error.js';
import { londonDate } from '../../domain/people/child-details.js';
import { formatLongDate } from '../../domain/referrals/what-happens-next.js';
import { recordChange } from '../audit/record-change.js';
import { onCaseRecord } from '../casework/notes.js';
import { concernsOut } from './concern-view.js';

/**
 * Raises a safeguarding concern from a young person's record. It belongs to the organisation
 * responsible for the referral, and each of that organisation's safeguarding leads is emailed
 * (the email names no one: the details are only inside Lantern).
 */
export function raiseConcern(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  input: RaiseConcernInput,
): Promise<{ id: string; version: number }> {
  return onCaseRecord(ctx, deps.db, referralId, 'safeguarding:raise', async (tx, referral, userId, now) => {
    if (input.contactId && !(await casework.findContact(tx, referralId, input.contactId))) {
      throw new AppError('bad-request', 'That appointment is not one of this young person’s.', [
        { name: 'contactId', reason: 'must be an appointment of this young person' },
      ]);
    }
    const id = randomUUID();
    await safeguarding.insertConcern(tx, {
      id,
      referralId,
      contactId: input.contactId ?? null,
      organisationId: referral.organisationId,
      category: input.category,
      concern: input.concern,
      immediateAction: input.immediateAction,
      raisedAt: now,
      raisedBy: userId,
      status: 'raised',
      version: 1,
    });
    const leads = await safeguarding.safeguardingLeads(tx, referral.organisationId);
    await outbox.enqueue(
      tx,
      leads.map((lead) => ({
        channel: 'email',
        template: 'safeguarding-concern',
        recipient: lead.email,
        personalisation: { reference: referral.reference, raisedOn: formatLongDate(londonDate(now)) },
        referralId,
        createdAt: now,
      })),
    );
    await recordChange(tx, ctx, {
      entity: 'safeguarding-concern',
      entityId: id,
      action: 'safeguarding:raised',
      after: {
        referralId,
        category: input.category,
        organisationId: referral.organisationId,
        leadsTold: leads.length,
      },
    });
    return { id, version: 1 };
  });
}

/** The concerns raised about this young person, with their status and what has been done. */
export function concernsOfReferral(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
): Promise<ReferralConcerns> {
  return onCaseRecord(ctx, deps.db, referralId, 'safeguarding:raise', async (tx, referral) => {
    const rows = await safeguarding.concernsOfReferral(tx, referralId);
    const contacts = await casework.contactsOf(tx, [referralId]);
    return {
      reference: referral.reference,
      childName: referral.childName,
      contacts: contacts.map(({ contact }) => ({ id: contact.id, startsAt: contact.startsAt.toISOString() })),
      items: await concernsOut(tx, rows),
    };
  });
}
