import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpeningSession } from '../organisations/opening-hours.js';
import {
  ageNow,
  bookingTimeProblem,
  canCancelBooking,
  canStartBooking,
  describeWhen,
  firstName,
  fitsOpeningHours,
  isMissed,
  overlaps,
  shownBookingStatus,
  waitingForReply,
} from './bookings.js';

const MINUTE = 60_000;
const start = new Date('2026-12-02T18:30:00Z'); // a Wednesday, 6:30pm in London
const booking = { status: 'booked', startsAt: start, minutes: 50, hasChat: false };
const at = (minutesFromStart: number) => new Date(start.getTime() + minutesFromStart * MINUTE);

const lanternOnline: OpeningSession[] = [
  ...[1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, opens: '12:00', closes: '22:00' })),
  ...[6, 7].map((dayOfWeek) => ({ dayOfWeek, opens: '18:00', closes: '22:00' })),
];

describe('starting a booked chat', () => {
  it('opens 10 minutes before the start and closes 15 minutes after', () => {
    expect(canStartBooking(booking, at(-11))).toBe(false);
    expect(canStartBooking(booking, at(-10))).toBe(true);
    expect(canStartBooking(booking, at(0))).toBe(true);
    expect(canStartBooking(booking, at(14))).toBe(true);
    expect(canStartBooking(booking, at(15))).toBe(false);
  });

  it('cannot start a cancelled booking or one already started', () => {
    expect(canStartBooking({ ...booking, status: 'cancelled-by-young-person' }, at(0))).toBe(false);
    expect(canStartBooking({ ...booking, hasChat: true }, at(0))).toBe(false);
  });

  it('never lets a booking be both startable and missed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -24 * 60, max: 24 * 60 }), fc.boolean(), (offset, hasChat) => {
        const facts = { ...booking, hasChat };
        expect(canStartBooking(facts, at(offset)) && isMissed(facts, at(offset))).toBe(false);
      }),
    );
  });
});

describe('the missed rule', () => {
  it('marks a booking not started by 15 minutes after its start as missed', () => {
    expect(isMissed(booking, at(14))).toBe(false);
    expect(isMissed(booking, at(15))).toBe(true);
    expect(shownBookingStatus(booking, at(15))).toBe('missed');
  });

  it('never marks a started or cancelled booking missed', () => {
    expect(shownBookingStatus({ ...booking, hasChat: true }, at(120))).toBe('started');
    expect(shownBookingStatus({ ...booking, status: 'attended' }, at(120))).toBe('started');
    expect(shownBookingStatus({ ...booking, status: 'cancelled-by-service' }, at(120))).toBe('cancelled');
  });

  it('lets a young person cancel only before the start', () => {
    expect(canCancelBooking(booking, at(-1))).toBe(true);
    expect(canCancelBooking(booking, at(0))).toBe(false);
    expect(canCancelBooking({ ...booking, status: 'cancelled-by-young-person' }, at(-60))).toBe(false);
  });
});

describe('booking times', () => {
  it('overlap is symmetric, and a session always overlaps itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        fc.constantFrom(30, 50),
        fc.constantFrom(30, 50),
        (a, b, am, bm) => {
          const first = { startsAt: at(a), minutes: am };
          const second = { startsAt: at(b), minutes: bm };
          expect(overlaps(first, second)).toBe(overlaps(second, first));
          expect(overlaps(first, first)).toBe(true);
        },
      ),
    );
  });

  it('lets one session follow another without overlapping', () => {
    expect(overlaps({ startsAt: at(0), minutes: 50 }, { startsAt: at(50), minutes: 30 })).toBe(false);
    expect(overlaps({ startsAt: at(0), minutes: 50 }, { startsAt: at(49), minutes: 30 })).toBe(true);
  });

  it('needs the whole session inside opening hours', () => {
    // Wednesday 9pm to 9:50pm London: open until 10pm.
    expect(fitsOpeningHours(lanternOnline, new Date('2026-12-02T21:00:00Z'), 50)).toBe(true);
    // Wednesday 9:30pm for 50 minutes runs past 10pm.
    expect(fitsOpeningHours(lanternOnline, new Date('2026-12-02T21:30:00Z'), 50)).toBe(false);
    // Saturday 1pm: closed until 6pm.
    expect(fitsOpeningHours(lanternOnline, new Date('2026-12-05T13:00:00Z'), 30)).toBe(false);
    // Summer time: Wednesday 1 July 2026 at 12:00 London is 11:00 UTC.
    expect(fitsOpeningHours(lanternOnline, new Date('2026-07-01T11:00:00Z'), 30)).toBe(true);
    expect(fitsOpeningHours(lanternOnline, new Date('2026-07-01T10:30:00Z'), 30)).toBe(false);
  });

  it('refuses times in the past, too far ahead or while closed', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(bookingTimeProblem(lanternOnline, new Date('2026-11-30T18:30:00Z'), 50, now)).toBe('in-the-past');
    expect(bookingTimeProblem(lanternOnline, new Date('2027-03-03T18:30:00Z'), 50, now)).toBe(
      'too-far-ahead',
    );
    expect(bookingTimeProblem(lanternOnline, new Date('2026-12-05T13:00:00Z'), 50, now)).toBe('closed');
    expect(bookingTimeProblem(lanternOnline, start, 50, now)).toBeNull();
  });
});

describe('plain words', () => {
  it('says when in London time, as today, tomorrow or the day and date', () => {
    const now = new Date('2026-12-02T09:00:00Z');
    expect(describeWhen(start, now)).toBe('Today at 6:30pm');
    expect(describeWhen(start, new Date('2026-12-01T09:00:00Z'))).toBe('Tomorrow at 6:30pm');
    expect(describeWhen(new Date('2026-12-08T18:00:00Z'), now)).toBe('Tuesday 8 December at 6pm');
    expect(describeWhen(new Date('2026-07-01T17:00:00Z'), new Date('2026-06-01T09:00:00Z'))).toBe(
      'Wednesday 1 July at 6pm',
    );
  });

  it('shows counsellors by first name', () => {
    expect(firstName('Sam Okafor')).toBe('Sam');
    expect(firstName('  Priya  ')).toBe('Priya');
  });

  it('works out age now from the age given at sign-up', () => {
    const signedUp = new Date('2025-01-10T10:00:00Z');
    expect(ageNow(14, signedUp, new Date('2025-12-01T10:00:00Z'))).toBe(14);
    expect(ageNow(14, signedUp, new Date('2026-12-01T10:00:00Z'))).toBe(15);
  });
});

describe('waiting for a reply', () => {
  const m = (direction: string, minute: number) => ({ direction, sentAt: at(minute) });

  it('counts the young person’s messages since the service last wrote', () => {
    expect(waitingForReply([])).toEqual({ count: 0, since: null });
    expect(waitingForReply([m('from-young-person', 1), m('from-young-person', 2)])).toEqual({
      count: 2,
      since: at(1),
    });
    expect(waitingForReply([m('from-young-person', 1), m('to-young-person', 2)])).toEqual({
      count: 0,
      since: null,
    });
    expect(
      waitingForReply([m('from-young-person', 1), m('to-young-person', 2), m('from-young-person', 3)]),
    ).toEqual({ count: 1, since: at(3) });
  });
});
