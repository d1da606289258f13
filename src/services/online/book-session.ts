import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import type { BookingSaved, BookSessionInput } from '../../contracts/online-bookings.js';
import type { LanternDb } from '../../db/client.js';
import * as repo from '../../db/repositories/online-bookings.repository.js';
import { AppError } from '../../domain/app-error.js';
import { type BookingProblem, bookingTimeProblem, describeWhen } from '../../domain/online/bookings.js';
import { recordChange } from '../audit/record-change.js';
import { noSuchYoungPerson, withYoungPersonRecord } from './booking-access.js';

const timeProblems: Record<BookingProblem, string> = {
  'in-the-past': 'must be in the future',
  'too-far-ahead': 'must be within the next 8 weeks',
  closed: 'must start and end while the service is open',
};

/**
 * A counsellor books a session for a young person they have chatted with, with themselves or a
 * named counsellor of their organisation, while the service is open, and never on top of another
 * booking of that counsellor or that young person.
 */
export async function bookSession(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  accountId: string,
  input: BookSessionInput,
): Promise<BookingSaved> {
  await authorise(ctx, 'online:counsel');
  const staff = staffOf(ctx);
  const now = ctx.now();
  const startsAt = new Date(input.startsAt);
  const minutes = input.minutes ?? 50;
  return withYoungPersonRecord(ctx, deps.db, accountId, 'online:book', async (tx, found, userId) => {
    const counsellorUserId = input.counsellorUserId ?? userId;
    const [counsellor] = await repo.counsellorsOf(tx, staff.organisationId, counsellorUserId);
    if (!counsellor) {
      throw new AppError('unprocessable-content', 'Choose a counsellor of your organisation.', [
        { name: 'counsellorUserId', reason: 'must be an online counsellor of your organisation' },
      ]);
    }
    if (!(await repo.hasChattedWith(tx, accountId, userId))) {
      throw new AppError('conflict', 'You can book a session only for a young person you have chatted with.');
    }
    const service = await repo.findService(tx, found.account.serviceId);
    if (!service) throw noSuchYoungPerson();
    const problem = bookingTimeProblem(service.openingHours, startsAt, minutes, now);
    if (problem) {
      throw new AppError('unprocessable-content', `The start time ${timeProblems[problem]}.`, [
        { name: 'startsAt', reason: timeProblems[problem] },
      ]);
    }
    await repo.lockCounsellorDiary(tx, counsellorUserId);
    const clashes = await repo.clashingBookings(tx, { counsellorUserId, accountId, startsAt, minutes });
    if (clashes.length > 0) {
      const isCounsellors = clashes.some((c) => c.counsellorUserId === counsellorUserId);
      throw new AppError(
        'conflict',
        isCounsellors
          ? 'The counsellor already has a session booked at that time.'
          : 'This young person already has a session booked at that time.',
        [{ name: 'startsAt', reason: 'clashes with another booking' }],
      );
    }
    const row = await repo.insertBooking(tx, {
      accountId,
      counsellorUserId,
      startsAt,
      minutes,
      status: 'booked',
      bookedAt: now,
      bookedBy: userId,
    });
    await recordChange(tx, ctx, {
      entity: 'online-booking',
      entityId: row.id,
      action: 'book',
      after: { accountId, counsellorUserId, startsAt: startsAt.toISOString(), minutes, status: row.status },
    });
    return { id: row.id, version: row.version, when: describeWhen(startsAt, now) };
  });
}
