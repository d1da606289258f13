import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type {
  AttendanceInput,
  BookContactInput,
  ContactChanged,
  MilestoneInput,
  PauseInput,
} from '../../contracts/caseload.js';
import type { LanternDb } from '../../db/client.js';
import * as casework from '../../db/repositories/casework.repository.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import * as waiting from '../../db/repositories/waiting.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { isAttended } from '../../domain/waiting/clocks.js';
import { trayStatus } from '../allocation/waiting-list.js';
import { recordChange } from '../audit/record-change.js';
import { withReferralAccess } from '../audit/referral-access.js';
import { notOnCaseload } from './caseload.js';

const workable = [trayStatus.allocated, trayStatus['in-intervention'], trayStatus['group-waiting-list']];

/** One change to a young person's casework: authorised, within scope, logged, audited. */
async function changeCasework<T>(
  ctx: ServiceContext,
  db: LanternDb,
  referralId: string,
  work: (tx: LanternDb, row: waiting.WaitingRow, userId: string, now: Date) => Promise<T>,
): Promise<T> {
  await authorise(ctx, 'contact:record');
  const userId = staffOf(ctx).userId;
  const now = ctx.now();
  return withReferralAccess(ctx, referralId, 'contact:record', 'caseload', (found) =>
    withScope(db, recordScope(ctx.actor), async (tx) => {
      const [row] = await waiting.waitingRows(tx, { statuses: workable, referralIds: [referralId] });
      if (!row) throw notOnCaseload();
      found();
      return work(tx, row, userId, now);
    }),
  );
}

function notTooFarAhead(at: Date, now: Date, field: string, days: number) {
  if (at.getTime() > now.getTime() + days * 86_400_000) {
    throw new AppError('bad-request', `That date is too far ahead.`, [
      { name: field, reason: `must be within ${days} days from today` },
    ]);
  }
}

export function bookContact(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  input: z.infer<typeof BookContactInput>,
): Promise<ContactChanged> {
  return changeCasework(ctx, deps.db, referralId, async (tx, row, userId, now) => {
    const startsAt = new Date(input.startsAt);
    notTooFarAhead(startsAt, now, 'startsAt', 366);
    const id = randomUUID();
    await casework.insertContact(tx, {
      id,
      referralId,
      practitionerUserId: userId,
      startsAt,
      schoolUrn: input.schoolUrn,
      kind: input.kind,
      attendStatus: null,
      recordedAt: now,
      recordedBy: userId,
    });
    await waiting.refreshContactColumns(tx, [referralId]);
    await recordChange(tx, ctx, {
      entity: 'care-contact',
      entityId: id,
      action: 'contact:booked',
      after: { referralId },
    });
    return { id, version: 1, referralStatus: row.status };
  });
}

/**
 * Records whether a contact happened (If-Match: the contact's version). The first attended
 * contact moves the young person into the "in intervention" tray.
 */
export function recordAttendance(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  contactId: string,
  expectedVersion: number,
  input: z.infer<typeof AttendanceInput>,
): Promise<ContactChanged> {
  return changeCasework(ctx, deps.db, referralId, async (tx, row, userId, now) => {
    const contact = await casework.findContact(tx, referralId, contactId);
    if (!contact) throw new AppError('not-found', 'There is no such appointment for this young person.');
    if (contact.startsAt > now && isAttended(input.attendStatus)) {
      throw new AppError('bad-request', 'An appointment in the future cannot have been attended yet.', [
        { name: 'attendStatus', reason: 'cannot be attended before the appointment time' },
      ]);
    }
    const version = await casework.recordAttendance(tx, contactId, expectedVersion, {
      attendStatus: input.attendStatus,
      recordedAt: now,
      recordedBy: userId,
    });
    if (version === null) {
      throw new AppError(
        'precondition-failed',
        'Someone else changed this appointment. Reload it to see the latest.',
      );
    }
    await waiting.refreshContactColumns(tx, [referralId]);
    let status = row.status;
    if (isAttended(input.attendStatus) && row.status === trayStatus.allocated) {
      const moved = await referrals.updateReferralIfVersion(tx, referralId, row.version, {
        status: 'in-intervention',
      });
      if (moved !== null) status = 'in-intervention';
    }
    await recordChange(tx, ctx, {
      entity: 'care-contact',
      entityId: contactId,
      action: 'contact:attendance',
      before: { attendStatus: contact.attendStatus, version: contact.version },
      after: { attendStatus: input.attendStatus, version, referralStatus: status },
    });
    return { id: contactId, version, referralStatus: status };
  });
}

export function recordMilestone(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  input: z.infer<typeof MilestoneInput>,
): Promise<{ id: string }> {
  return changeCasework(ctx, deps.db, referralId, async (tx, row, userId, now) => {
    const occurredAt = new Date(input.occurredAt);
    notTooFarAhead(occurredAt, now, 'occurredAt', 1);
    if (occurredAt < row.receivedAt) {
      throw new AppError('bad-request', 'That is before the referral was received.', [
        { name: 'occurredAt', reason: 'must be on or after the day the referral was received' },
      ]);
    }
    const id = randomUUID();
    await casework.insertMilestone(tx, {
      id,
      referralId,
      milestone: input.milestone,
      occurredAt,
      recordedAt: now,
      recordedBy: userId,
    });
    await recordChange(tx, ctx, {
      entity: 'referral',
      entityId: referralId,
      action: `milestone:${input.milestone}`,
      after: { id },
    });
    return { id };
  });
}

export function recordPause(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  input: z.infer<typeof PauseInput>,
): Promise<{ id: string }> {
  return changeCasework(ctx, deps.db, referralId, async (tx, _row, userId, now) => {
    const id = randomUUID();
    await casework.insertPause(tx, {
      id,
      referralId,
      reason: 'young-person-choice',
      startsOn: new Date(input.startsOn),
      endsOn: input.endsOn ? new Date(input.endsOn) : null,
      note: input.note,
      recordedAt: now,
      recordedBy: userId,
    });
    await recordChange(tx, ctx, {
      entity: 'referral',
      entityId: referralId,
      action: 'waiting:paused',
      after: { id },
    });
    return { id };
  });
}
