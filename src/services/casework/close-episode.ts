import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../access/authorise.js';
import type { Closed, ClosureInput } from '../../contracts/episodes.js';
import type { LanternDb } from '../../db/client.js';
import * as casework from '../../db/repositories/casework.repository.js';
import * as episodes from '../../db/repositories/episodes.repository.js';
import * as mhst from '../../db/repositories/mhst.repository.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import * as waiting from '../../db/repositories/waiting.repository.js';
import { closureOutcome, letterDate, reasonForReferrer } from '../../domain/casework/episode.js';
import { recordChange } from '../audit/record-change.js';
import { staleVersion } from '../referrals/record-decision.js';
import { openEpisodeFor, staleEpisode, withEpisodeReferral } from './episode-access.js';
import { lettersFor, lettersOut } from './episodes.js';
import { withdrawReminder } from './reminders.js';

/**
 * Closes the episode by a step up, a step down, an onward referral or a discharge (If-Match: the
 * episode's version). In one transaction: the episode closes, a step or onward referral is kept as
 * a row, the referral's status becomes 'discharged', the allocation ends, appointments still only
 * booked are cancelled by the service with their reminders withdrawn, and the closing letters are
 * queued. The family letter names neither the young person nor the service ('discharge-family').
 */
export function closeEpisode(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  expectedVersion: number,
  input: ClosureInput,
): Promise<Closed> {
  return withEpisodeReferral(ctx, deps.db, referralId, 'episode:record', async (tx, row, userId, now) => {
    const episode = await openEpisodeFor(tx, row, userId, now);
    if (episode.version !== expectedVersion) throw staleEpisode();
    const { status, reason } = closureOutcome(
      input.kind,
      input.kind === 'discharge' ? input.reason : undefined,
    );
    const version = await episodes.updateEpisodeIfVersion(tx, episode.id, expectedVersion, {
      status,
      closedAt: now,
      closedBy: userId,
      closeReason: reason,
      closeOutcome: input.kind === 'discharge' ? input.outcome : null,
      closeSummary: input.summary,
    });
    if (version === null) throw staleEpisode();
    let onwardId: string | null = null;
    if (input.kind !== 'discharge') {
      onwardId = randomUUID();
      await episodes.insertOnwardReferral(tx, {
        id: onwardId,
        referralId,
        direction: input.kind,
        serviceName: input.serviceName,
        reason: input.reason,
        referredAt: now,
        recordedAt: now,
        recordedBy: userId,
      });
    }
    const referralVersion = await referrals.updateReferralIfVersion(tx, referralId, row.version, {
      status: 'discharged',
    });
    if (referralVersion === null) throw staleVersion();
    await mhst.endCurrentAllocation(tx, referralId, { at: now, by: userId, reason: `episode ${status}` });
    const cancelled = await cancelBookedContacts(tx, referralId, userId, now);

    const letters = await lettersFor(tx, referralId);
    const endedOn = letterDate(now);
    await outbox.enqueue(
      tx,
      letters.recipients.map((r) => ({
        channel: r.channel,
        template: r.template,
        recipient: r.address,
        personalisation:
          r.template === 'discharge-referrer'
            ? { reference: row.reference, reasonText: reasonForReferrer(reason), endedOn }
            : { reference: row.reference, endedOn },
        referralId,
        createdAt: now,
      })),
    );
    await recordChange(tx, ctx, {
      entity: 'episode',
      entityId: episode.id,
      action: `episode:closed:${input.kind}`,
      before: { status: episode.status, version: episode.version, referralStatus: row.status },
      after: {
        status,
        reason,
        version,
        onwardReferralId: onwardId,
        referralStatus: 'discharged',
        cancelledContactIds: cancelled,
        letters: letters.recipients.map((r) => ({ who: r.who, channel: r.channel, template: r.template })),
        notWritten: letters.notWritten.map((n) => n.who),
      },
    });
    return {
      id: episode.id,
      version,
      status,
      referralStatus: 'discharged',
      letters: lettersOut(letters),
    };
  });
}

/**
 * Appointments booked but not yet recorded will not happen once help has ended: each is recorded
 * as cancelled by the service and its reminder withdrawn, so nobody is reminded of them.
 */
async function cancelBookedContacts(tx: LanternDb, referralId: string, userId: string, now: Date) {
  const booked = (await casework.contactsOf(tx, [referralId]))
    .map((row) => row.contact)
    .filter((contact) => contact.attendStatus === null);
  for (const contact of booked) {
    const changes = { attendStatus: 'cancelled-by-service', recordedAt: now, recordedBy: userId };
    if ((await casework.recordAttendance(tx, contact.id, contact.version, changes)) === null) {
      throw staleEpisode();
    }
    await withdrawReminder(tx, contact.id, now);
  }
  if (booked.length > 0) await waiting.refreshContactColumns(tx, [referralId]);
  return booked.map((contact) => contact.id);
}
