import { randomInt, randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../access/authorise.js';
import type { EscalationInput } from '../../contracts/online-risk.js';
import type { LanternDb } from '../../db/client.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import { asSystemWithin } from '../../db/scoped.js';
import { recordChange } from '../audit/record-change.js';

// The safeguarding referral an escalation makes in the front door when the young person shared who
// they are: urgent, so the single point of access sees it at the top of the triage queue.

/** Crockford's alphabet without look-alikes, as the front door's own references use. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function newReference(prefix: string): string {
  const part = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${prefix}-${part(4)}-${part(2)}`;
}

export interface ReferralOutcome {
  referral: { id: string; reference: string } | null;
  /** Why none was made, in words for the counsellor and the duty senior. */
  problem: string | null;
}

/** What the front door needs before it can make a child's record: a full name and date of birth. */
export function referralGap(input: EscalationInput): string | null {
  if (input.identityShared !== 'shared') return null;
  if (!input.givenName || !input.familyName || !input.dateOfBirth) {
    return 'No referral was made in the front door: it needs a first name, last name and date of birth. The duty senior must refer by phone.';
  }
  return null;
}

/**
 * Makes the referral inside the escalation's transaction, under a savepoint: if it fails, the
 * escalation, its alert and its emails still go ahead, and the problem is shown and audited.
 */
export async function makeSafeguardingReferral(
  tx: LanternDb,
  ctx: ServiceContext,
  frontDoor: referrals.FrontDoor | null,
  details: { input: EscalationInput; serviceName: string; escalationId: string; userId: string; now: Date },
): Promise<ReferralOutcome> {
  const { input, now } = details;
  if (input.identityShared !== 'shared') return { referral: null, problem: null };
  const gap = referralGap(input);
  const problem =
    gap ??
    (frontDoor
      ? null
      : 'No referral was made: this area has no single point of access set up. The duty senior must refer by phone.');
  const { givenName, familyName, dateOfBirth } = input;
  if (problem || !frontDoor || !givenName || !familyName || !dateOfBirth) {
    await recordChange(tx, ctx, {
      entity: 'online-escalation',
      entityId: details.escalationId,
      action: 'online-escalation:referral-not-made',
      after: { reason: problem },
    });
    return { referral: null, problem };
  }
  const id = randomUUID();
  const reference = newReference(frontDoor.referencePrefix);
  const said = [
    input.schoolName ? `School (as they said): ${input.schoolName}` : null,
    input.location ? `Where they are now: ${input.location}` : null,
  ].filter((line): line is string => line !== null);
  try {
    await tx.transaction((savepoint) =>
      asSystemWithin(savepoint, 'safeguarding referral from an online support escalation', () =>
        referrals.insertReferralWithChild(savepoint, {
          child: {
            id: randomUUID(),
            givenName,
            familyName,
            dateOfBirth,
            postcode: input.postcode ?? null,
            contactRoutes: input.phone ? ['phone'] : [],
            contactPhone: input.phone ?? null,
          },
          schoolUrn: null,
          referral: {
            id,
            reference,
            receivedAt: now,
            // The referral source list has no "online support" yet: it comes from a professional.
            source: 'professional',
            referrerUserId: details.userId,
            organisationId: frontDoor.organisationId,
            serviceId: frontDoor.serviceId,
            teamId: frontDoor.intakeTeamId,
            isUrgent: true,
            needDescription: `Safeguarding referral from online support (${details.serviceName}): ${input.reason}`,
            riskDetails: [input.reason, ...said].join('\n'),
            referrerName: `${details.serviceName} (online support)`,
            referrerRole: 'online support',
            referrerOrganisation: details.serviceName,
          },
        }),
      ),
    );
  } catch {
    const failed = 'The referral could not be saved. The duty senior must refer by phone.';
    await recordChange(tx, ctx, {
      entity: 'online-escalation',
      entityId: details.escalationId,
      action: 'online-escalation:referral-not-made',
      after: { reason: failed },
    });
    return { referral: null, problem: failed };
  }
  await recordChange(tx, ctx, {
    entity: 'referral',
    entityId: id,
    action: 'received',
    after: {
      source: 'online support',
      isUrgent: true,
      escalationId: details.escalationId,
      teamId: frontDoor.intakeTeamId,
    },
  });
  await ctx.recordAccess(
    {
      subjectKind: 'referral',
      subjectId: id,
      action: 'referral:create',
      outcome: 'allowed',
      basis: 'online-escalation',
    },
    tx,
  );
  return { referral: { id, reference }, problem: null };
}
