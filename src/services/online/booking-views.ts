import type { StaffBooking, YoungPersonBooking } from '../../contracts/online-bookings.js';
import type { BookingWithNames } from '../../db/repositories/online-bookings.repository.js';
import {
  type BookingFacts,
  canCancelBooking,
  canStartBooking,
  describeWhen,
  firstName,
  shownBookingStatus,
} from '../../domain/online/bookings.js';

// Bookings shaped for the young person (first names, plain words) and for staff.

const factsOf = (row: BookingWithNames): BookingFacts => ({
  status: row.booking.status,
  startsAt: row.booking.startsAt,
  minutes: row.booking.minutes,
  hasChat: row.chatId !== null,
});

export function toYoungPersonBooking(row: BookingWithNames, now: Date): YoungPersonBooking {
  const facts = factsOf(row);
  return {
    id: row.booking.id,
    startsAt: row.booking.startsAt.toISOString(),
    minutes: row.booking.minutes,
    when: describeWhen(row.booking.startsAt, now),
    counsellorFirstName: firstName(row.counsellorName),
    status: shownBookingStatus(facts, now),
    canStart: canStartBooking(facts, now),
    canCancel: canCancelBooking(facts, now),
    chatId: row.chatId,
    version: row.booking.version,
  };
}

export function toStaffBooking(row: BookingWithNames, now: Date): StaffBooking {
  return {
    id: row.booking.id,
    accountId: row.booking.accountId,
    username: row.username,
    counsellorUserId: row.booking.counsellorUserId,
    counsellorName: row.counsellorName,
    startsAt: row.booking.startsAt.toISOString(),
    minutes: row.booking.minutes,
    when: describeWhen(row.booking.startsAt, now),
    status: shownBookingStatus(factsOf(row), now),
    chatId: row.chatId,
    chatStatus: row.chatStatus,
    version: row.booking.version,
  };
}
