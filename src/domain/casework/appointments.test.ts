import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bookingProblem,
  listWords,
  londonWeekday,
  reminderNotBefore,
  reminderPersonalisation,
  reminderRoute,
} from './appointments.js';

const URN = 100001;
const OTHER = 100002;
// Monday and Thursday at URN; Wednesday at OTHER.
const days = [
  { schoolUrn: URN, weekday: 1 },
  { schoolUrn: URN, weekday: 4 },
  { schoolUrn: OTHER, weekday: 3 },
];
// 1 December 2026 is a Tuesday.
const tuesday = new Date('2026-12-01T10:00:00Z');

describe('the school-day rule', () => {
  it('refuses an in-person appointment on a day the practitioner is not at that school, naming their days', () => {
    expect(
      bookingProblem({ startsAt: tuesday, medium: 'in-person', schoolUrn: URN, practitionerDays: days }),
    ).toEqual({
      field: 'startsAt',
      reason: 'You are not at that school on Tuesdays. Your days there are Monday and Thursday.',
    });
  });

  it('allows an in-person appointment on one of the practitioner’s days there', () => {
    const monday = new Date('2026-11-30T09:00:00Z');
    expect(
      bookingProblem({ startsAt: monday, medium: 'in-person', schoolUrn: URN, practitionerDays: days }),
    ).toBeNull();
  });

  it('uses the London weekday, not the UTC one, across midnight in summer', () => {
    // 23:30 UTC on Sunday 28 June 2026 is 00:30 on Monday in London.
    const lateSunday = new Date('2026-06-28T23:30:00Z');
    expect(londonWeekday(lateSunday)).toBe(1);
    expect(
      bookingProblem({ startsAt: lateSunday, medium: 'in-person', schoolUrn: URN, practitionerDays: days }),
    ).toBeNull();
  });

  it('says "day there is" for a single day', () => {
    const problem = bookingProblem({
      startsAt: tuesday,
      medium: 'in-person',
      schoolUrn: OTHER,
      practitionerDays: days,
    });
    expect(problem?.reason).toBe('You are not at that school on Tuesdays. Your day there is Wednesday.');
  });

  it('names the school when the practitioner never works there', () => {
    const problem = bookingProblem({
      startsAt: tuesday,
      medium: 'in-person',
      schoolUrn: 999999,
      practitionerDays: days,
    });
    expect(problem?.field).toBe('schoolUrn');
  });

  it('needs a school for an in-person appointment', () => {
    expect(
      bookingProblem({ startsAt: tuesday, medium: 'in-person', schoolUrn: null, practitionerDays: days })
        ?.field,
    ).toBe('schoolUrn');
  });

  it('does not hold a practitioner whose school days are not recorded yet', () => {
    expect(
      bookingProblem({ startsAt: tuesday, medium: 'in-person', schoolUrn: URN, practitionerDays: [] }),
    ).toBeNull();
  });

  it('never refuses video or phone, whatever the day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }),
        fc.constantFrom('video' as const, 'phone' as const),
        (startsAt, medium) => {
          expect(bookingProblem({ startsAt, medium, schoolUrn: null, practitionerDays: days })).toBeNull();
        },
      ),
    );
  });

  it('allows an in-person appointment at a school exactly when it falls on one of the days there', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }),
        (startsAt) => {
          const problem = bookingProblem({
            startsAt,
            medium: 'in-person',
            schoolUrn: URN,
            practitionerDays: days,
          });
          expect(problem === null).toBe([1, 4].includes(londonWeekday(startsAt)));
        },
      ),
    );
  });

  it('lists words in plain English', () => {
    expect(listWords(['Monday'])).toBe('Monday');
    expect(listWords(['Monday', 'Tuesday', 'Friday'])).toBe('Monday, Tuesday and Friday');
  });
});

describe('when a reminder is sent', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  it('is 24 hours before the appointment', () => {
    expect(reminderNotBefore(new Date('2026-12-03T10:00:00Z'), now)?.toISOString()).toBe(
      '2026-12-02T10:00:00.000Z',
    );
  });
  it('is at once when the appointment is less than a day away', () => {
    expect(reminderNotBefore(new Date('2026-12-01T15:00:00Z'), now)).toEqual(now);
  });
  it('is never for an appointment that has started', () => {
    expect(reminderNotBefore(new Date('2026-12-01T09:00:00Z'), now)).toBeNull();
  });
  it('is never after the appointment, nor before now', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 * 24 * 60 }), (minutes) => {
        const startsAt = new Date(now.getTime() + minutes * 60_000);
        const at = reminderNotBefore(startsAt, now);
        expect(at).not.toBeNull();
        expect((at as Date).getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect((at as Date).getTime()).toBeLessThan(startsAt.getTime());
      }),
    );
  });
});

describe('who gets a reminder', () => {
  const child = {
    contactRoutes: ['text', 'email'],
    contactPhone: '07700 900123',
    contactEmail: 'sam@example.org',
  };
  it('texts the young person’s chosen number first', () => {
    expect(reminderRoute({ child, carers: [], isSelfReferral: false })).toEqual({
      channel: 'sms',
      recipient: '07700 900123',
    });
  });
  it('uses email when that is the only route chosen', () => {
    const emailOnly = { ...child, contactRoutes: ['email'] };
    expect(reminderRoute({ child: emailOnly, carers: [], isSelfReferral: false })).toEqual({
      channel: 'email',
      recipient: 'sam@example.org',
    });
  });
  it('sends nothing when no text or email route was chosen', () => {
    expect(
      reminderRoute({
        child: { ...child, contactRoutes: ['phone', 'letter'] },
        carers: [],
        isSelfReferral: false,
      }),
    ).toEqual({ channel: null, why: 'no-route' });
  });
  it('never uses a number belonging to a carer marked do not share', () => {
    const carers = [{ phone: '07700900123', email: null, doNotShare: true }];
    expect(reminderRoute({ child, carers, isSelfReferral: false })).toEqual({
      channel: 'email',
      recipient: 'sam@example.org',
    });
    const both = [{ phone: '07700900123', email: 'SAM@example.org', doNotShare: true }];
    expect(reminderRoute({ child, carers: both, isSelfReferral: false })).toEqual({
      channel: null,
      why: 'not-safe',
    });
  });
  it('uses a carer’s route for a family referral when they may be told', () => {
    const carers = [{ phone: '07700 900123', email: null, doNotShare: false }];
    expect(reminderRoute({ child, carers, isSelfReferral: false }).channel).toBe('sms');
  });
  it('for a self-referral, never a route that belongs to any carer', () => {
    const carers = [{ phone: '07700 900123', email: 'sam@example.org', doNotShare: false }];
    expect(reminderRoute({ child, carers, isSelfReferral: true })).toEqual({
      channel: null,
      why: 'not-safe',
    });
    expect(reminderRoute({ child, carers: [], isSelfReferral: true }).channel).toBe('sms');
  });
});

describe('the reminder’s words', () => {
  it('say the day, time and place in London time, and nothing else', () => {
    const words = reminderPersonalisation(new Date('2026-06-02T09:30:00Z'), 'video', 'MH-1234');
    expect(words).toEqual({ day: 'Tuesday 2 June', time: '10:30', place: 'by video', reference: 'MH-1234' });
    expect(reminderPersonalisation(new Date('2026-12-02T09:30:00Z'), 'in-person', 'R').place).toBe(
      'at school',
    );
  });
});
