import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ServiceContext } from '../../access/authorise.js';
import type {
  AttendanceInput,
  BookContactInput,
  ContactChanged,
  MilestoneInput,
  MoveContactInput,
  PauseInput,
} from '../../contracts/caseload.js';
import type { LanternDb } from '../../db/client.js';
import * as casework from '../../db/repositories/casework.repository.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import * as waiting from '../../db/repositories/waiting.repository.js';
import { AppError } from '../../domain/app-error.js';
import { bookingProblem, type ContactMedium } from '../../domain/casework/appointments.js';
import { isAttended } from '../../domain/waiting/clocks.js';
import { trayStatus } from '../allocation/waiting-list.js';
import { recordChange } from '../audit/record-change.js';
import { withCaseloadReferral } from './caseload-access.js';
import { queueReminder, withdrawReminder } from './reminders.js';

/** The first attended contact, one-to-one or in a group, moves a young person into intervention. */
export const startsIntervention = (status: string) =>
  status === trayStatus.allocated || status === trayStatus['group-waiting-list'];

function notTooFarAhead(at: Date, now: Date, field: string, days: number) {
  if (at.getTime() > now.getTime() + days * 86_400_000) {
    throw new AppError('bad-request', `That date is too far ahead.`, [
      { name: field, reason: `must be within ${days} days from today` },
    ]);
  }
}

/** One of this young person's appointments, or 404. */
async function appointmentOf(tx: LanternDb, referralId: string, contactId: string) {
  const contact = await casework.findContact(tx, referralId, contactId);
  if (!contact) throw new AppError('not-found', 'There is no such appointment for this young person.');
  return contact;
}

const staleAppointment = () =>
  new AppError('precondition-failed', 'Someone else changed this appointment. Reload it to see the latest.');

/**
 * When and where an appointment is, checked: within a year, and in person only on a day the
 * practitioner works at that school (video and phone keep no school).
 */
async function checkedPlace(
  tx: LanternDb,
  userId: string,
  now: Date,
  input: { startsAt: string; schoolUrn: number | null; medium: ContactMedium },
) {
  const startsAt = new Date(input.startsAt);
  notTooFarAhead(startsAt, now, 'startsAt', 366);
  const schoolUrn = input.medium === 'in-person' ? input.schoolUrn : null;
  const practitionerDays = await casework.schoolDaysOf(tx, userId);
  const problem = bookingProblem({ startsAt, medium: input.medium, schoolUrn, practitionerDays });
  if (problem) {
    throw new AppError('bad-request', problem.reason, [{ name: problem.field, reason: problem.reason }]);
  }
  return { startsAt, schoolUrn, medium: input.medium };
}

/** Books an appointment and queues its reminder for the day before, in the same transaction. */
export function bookContact(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  input: z.infer<typeof BookContactInput>,
): Promise<ContactChanged> {
  return withCaseloadReferral(ctx, deps.db, referralId, 'contact:record', async (tx, row, userId, now) => {
    const place = await checkedPlace(tx, userId, now, input);
    const id = randomUUID();
    await casework.insertContact(tx, {
      id,
      referralId,
      practitionerUserId: userId,
      ...place,
      kind: input.kind,
      attendStatus: null,
      recordedAt: now,
      recordedBy: userId,
    });
    await waiting.refreshContactColumns(tx, [referralId]);
    const isReminded = await queueReminder(tx, { referralId, contactId: id, ...place }, now);
    await recordChange(tx, ctx, {
      entity: 'care-contact',
      entityId: id,
      action: 'contact:booked',
      after: { referralId, medium: place.medium, isReminded },
    });
    return { id, version: 1, referralStatus: row.status };
  });
}

/**
 * Moves a booked appointment to a new time or place (If-Match: its version). The reminder for the
 * old time is withdrawn and a new one queued. Once attendance is recorded it can no longer move.
 */
export function moveContact(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  contactId: string,
  expectedVersion: number,
  input: z.infer<typeof MoveContactInput>,
): Promise<ContactChanged> {
  return withCaseloadReferral(ctx, deps.db, referralId, 'contact:record', async (tx, row, userId, now) => {
    const contact = await appointmentOf(tx, referralId, contactId);
    if (contact.attendStatus !== null) {
      throw new AppError('conflict', 'This appointment has already been recorded, so it cannot be moved.');
    }
    const place = await checkedPlace(tx, userId, now, input);
    const version = await casework.moveContact(tx, contactId, expectedVersion, {
      ...place,
      recordedAt: now,
      recordedBy: userId,
    });
    if (version === null) throw staleAppointment();
    await waiting.refreshContactColumns(tx, [referralId]);
    await withdrawReminder(tx, contactId, now);
    const isReminded = await queueReminder(tx, { referralId, contactId, ...place }, now);
    await recordChange(tx, ctx, {
      entity: 'care-contact',
      entityId: contactId,
      action: 'contact:moved',
      before: { startsAt: contact.startsAt.toISOString(), medium: contact.medium, version: contact.version },
      after: { startsAt: place.startsAt.toISOString(), medium: place.medium, version, isReminded },
    });
    return { id: contactId, version, referralStatus: row.status };
  });
}

/**
 * Records whether a contact happened (If-Match: the contact's version). The first attended
 * contact moves the young person into the "in intervention" tray, from their practitioner's
 * caseload or from the group waiting list.
 */
export function recordAttendance(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  referralId: string,
  contactId: string,
  expectedVersion: number,
  input: z.infer<typeof AttendanceInput>,
): Promise<ContactChanged> {
  return withCaseloadReferral(ctx, deps.db, referralId, 'contact:record', async (tx, row, userId, now) => {
    const contact = await appointmentOf(tx, referralId, contactId);
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
    if (version === null) throw staleAppointment();
    await waiting.refreshContactColumns(tx, [referralId]);
    // Whatever happened, the day-before reminder is no longer wanted (cancelled, or already past).
    await withdrawReminder(tx, contactId, now);
    let status = row.status;
    if (isAttended(input.attendStatus) && startsIntervention(row.status)) {
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
  return withCaseloadReferral(ctx, deps.db, referralId, 'contact:record', async (tx, row, userId, now) => {
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
  return withCaseloadReferral(ctx, deps.db, referralId, 'contact:record', async (tx, _row, userId, now) => {
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
