import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../access/authorise.js';
import type { Permission } from '../../access/permissions.js';
import type { LanternDb } from '../../db/client.js';
import * as casework from '../../db/repositories/casework.repository.js';
import * as episodes from '../../db/repositories/episodes.repository.js';
import * as mhst from '../../db/repositories/mhst.repository.js';
import type * as waiting from '../../db/repositories/waiting.repository.js';
import { AppError } from '../../domain/app-error.js';
import type { Milestone } from '../../domain/waiting/clocks.js';
import { trayStatus } from '../allocation/waiting-list.js';
import { notOnCaseload, withCaseloadReferral } from './caseload-access.js';

// Shared by the episode services: which referrals have an episode to see, the 409 for a closed
// one, making the row for an older allocation on its first change, and milestones recorded once.

/** Referrals with an episode: allocated or being helped, and those whose help has finished. */
export const withEpisode = [
  trayStatus.allocated,
  trayStatus['in-intervention'],
  trayStatus['group-waiting-list'],
  'discharged',
];

export const episodeClosed = () =>
  new AppError('conflict', 'This episode of care has closed, so it cannot be changed.');

export const staleEpisode = () =>
  new AppError('precondition-failed', 'Someone else changed this episode. Reload it to see the latest.');

/** Reads one referral with an episode, authorised, within scope and access-logged. */
export function withEpisodeReferral<T>(
  ctx: ServiceContext,
  db: LanternDb,
  referralId: string,
  permission: Permission,
  work: (tx: LanternDb, row: waiting.WaitingRow, userId: string, now: Date) => Promise<T>,
): Promise<T> {
  return withCaseloadReferral(ctx, db, referralId, permission, work, withEpisode);
}

/**
 * The open episode to change, locked for this transaction so two changes to one young person's
 * episode take turns (and a milestone is recorded once). An older allocation with no row gets one
 * now, opened when the referral was first allocated, by whoever allocated it.
 */
export async function openEpisodeFor(
  tx: LanternDb,
  row: waiting.WaitingRow,
  userId: string,
  now: Date,
): Promise<episodes.EpisodeRow> {
  let episode = await episodes.findEpisode(tx, row.referralId, { lock: true });
  if (!episode) {
    if (row.status === 'discharged') throw episodeClosed();
    const history = await mhst.allocationsOf(tx, [row.referralId]);
    await episodes.openEpisodeIfNone(tx, {
      referralId: row.referralId,
      openedAt: row.allocatedAt ?? now,
      openedBy: history.at(-1)?.allocation.recordedBy ?? userId,
    });
    episode = await episodes.findEpisode(tx, row.referralId, { lock: true });
    if (!episode) throw notOnCaseload();
  }
  if (episode.status !== 'open') throw episodeClosed();
  return episode;
}

/** Records a clock milestone unless one of that kind is already recorded. */
export async function milestoneOnce(
  tx: LanternDb,
  referralId: string,
  milestone: Milestone,
  occurredAt: Date,
  recorded: { at: Date; by: string },
): Promise<boolean> {
  const existing = await casework.milestonesOf(tx, [referralId]);
  if (existing.some((m) => m.milestone === milestone)) return false;
  await casework.insertMilestone(tx, {
    id: randomUUID(),
    referralId,
    milestone,
    occurredAt,
    recordedAt: recorded.at,
    recordedBy: recorded.by,
  });
  return true;
}

/** A date the practitioner gives: not before the referral arrived, and not in the future. */
export function checkPastDate(at: Date, row: waiting.WaitingRow, now: Date, field: string) {
  if (at.getTime() > now.getTime() + 60 * 60_000) {
    throw new AppError('bad-request', 'That date is in the future.', [
      { name: field, reason: 'must be today or earlier' },
    ]);
  }
  if (at < row.receivedAt) {
    throw new AppError('bad-request', 'That is before the referral was received.', [
      { name: field, reason: 'must be on or after the day the referral was received' },
    ]);
  }
}
