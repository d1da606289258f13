import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { londonDate } from '../people/child-details.js';
import { breachRisk, DEFAULT_PACE, teamPace, type WaitingReferral, weekForecast } from './breach-forecast.js';
import { isoDateOfDayNumber, londonDayNumber, londonDaysBetween } from './london-days.js';

const at = (iso: string) => new Date(iso);
const now = at('2026-11-10T12:00:00Z');
const waiting = (receivedAt: string, extra: Partial<WaitingReferral> = {}): WaitingReferral => ({
  referralId: `ref-${receivedAt}`,
  receivedAt: at(receivedAt),
  allocatedAt: null,
  firstContactAt: null,
  nextBookedContactAt: null,
  ...extra,
});

describe('teamPace', () => {
  const history = (days: [number, number | null][]) =>
    days.map(([toAllocate, toContact]) => {
      const receivedAt = at('2026-06-01T09:00:00Z');
      const allocatedAt = new Date(receivedAt.getTime() + toAllocate * 86_400_000);
      const firstContactAt =
        toContact === null ? null : new Date(allocatedAt.getTime() + toContact * 86_400_000);
      return { receivedAt, allocatedAt, firstContactAt };
    });

  it('falls back to the default pace with too little history', () => {
    expect(teamPace([])).toEqual(DEFAULT_PACE);
    expect(
      teamPace(
        history([
          [1, 1],
          [2, 2],
          [3, 3],
          [4, 4],
        ]),
      ),
    ).toEqual(DEFAULT_PACE);
  });

  it('uses medians, falling back field by field', () => {
    const pace = teamPace(
      history([
        [3, null],
        [1, null],
        [2, null],
        [30, 4],
        [4, 5],
      ]),
    );
    expect(pace).toEqual({
      daysToAllocate: 3,
      daysAllocationToFirstContact: DEFAULT_PACE.daysAllocationToFirstContact,
    });
    const even = teamPace(
      history([
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
        [5, 5],
        [6, 6],
      ]),
    );
    expect(even).toEqual({ daysToAllocate: 4, daysAllocationToFirstContact: 4 });
  });

  it('skips referrals not yet allocated', () => {
    const unallocated = { receivedAt: now, allocatedAt: null, firstContactAt: now };
    expect(
      teamPace([
        ...history([
          [2, 2],
          [2, 2],
          [2, 2],
          [2, 2],
        ]),
        unallocated,
      ]),
    ).toEqual(DEFAULT_PACE);
  });
});

describe('breachRisk', () => {
  it('uses the attended first contact, and never calls that a breach', () => {
    const risk = breachRisk(
      waiting('2026-09-01T09:00:00Z', { firstContactAt: at('2026-10-20T09:00:00Z') }),
      DEFAULT_PACE,
      now,
    );
    expect(risk).toMatchObject({
      basis: 'attended',
      willBreach: false,
      likelyFirstContactAt: at('2026-10-20T09:00:00Z'),
    });
  });

  it('puts four weeks at the same London time 28 calendar days on, across the clock change', () => {
    const risk = breachRisk(waiting('2026-10-20T09:00:00Z'), DEFAULT_PACE, now);
    expect(risk.breachAt).toEqual(at('2026-11-17T10:00:00Z'));
    expect(risk.daysLeft).toBe(7);
  });

  it('uses a booking, which is in time on the 28th day but not the 29th', () => {
    const onTheDay = waiting('2026-10-20T09:00:00Z', { nextBookedContactAt: at('2026-11-17T16:00:00Z') });
    expect(breachRisk(onTheDay, DEFAULT_PACE, now)).toMatchObject({ basis: 'booked', willBreach: false });
    const dayAfter = waiting('2026-10-20T09:00:00Z', { nextBookedContactAt: at('2026-11-18T09:00:00Z') });
    expect(breachRisk(dayAfter, DEFAULT_PACE, now)).toMatchObject({ basis: 'booked', willBreach: true });
  });

  it('ignores a booking from an earlier day that did not lead to an attended contact', () => {
    const stale = waiting('2026-10-20T09:00:00Z', { nextBookedContactAt: at('2026-11-05T09:00:00Z') });
    expect(breachRisk(stale, DEFAULT_PACE, now).basis).toBe('unallocated-pace');
  });

  it('adds the team pace to the allocation date, but never before now', () => {
    const recent = breachRisk(
      waiting('2026-10-20T09:00:00Z', { allocatedAt: at('2026-11-01T09:00:00Z') }),
      DEFAULT_PACE,
      now,
    );
    expect(recent).toMatchObject({
      basis: 'allocated-pace',
      willBreach: false,
      likelyFirstContactAt: at('2026-11-11T09:00:00Z'),
    });
    const old = breachRisk(
      waiting('2026-10-20T09:00:00Z', { allocatedAt: at('2026-10-21T09:00:00Z') }),
      DEFAULT_PACE,
      now,
    );
    expect(old.likelyFirstContactAt).toEqual(now);
  });

  it('adds both parts of the pace to a referral not yet allocated', () => {
    const fresh = breachRisk(waiting('2026-11-09T09:00:00Z'), DEFAULT_PACE, now);
    expect(fresh).toMatchObject({
      basis: 'unallocated-pace',
      willBreach: false,
      likelyFirstContactAt: at('2026-11-26T09:00:00Z'),
    });
    const behind = breachRisk(waiting('2026-10-15T09:00:00Z'), DEFAULT_PACE, now);
    expect(behind).toMatchObject({
      willBreach: true,
      likelyFirstContactAt: at('2026-11-20T12:00:00Z'),
      daysLeft: 2,
    });
  });

  it('calls it a breach once the four weeks have passed, booked or not', () => {
    const late = waiting('2026-10-01T09:00:00Z', { nextBookedContactAt: at('2026-11-10T15:00:00Z') });
    expect(breachRisk(late, DEFAULT_PACE, now)).toMatchObject({
      basis: 'booked',
      willBreach: true,
      daysLeft: -12,
    });
  });
});

describe('weekForecast', () => {
  it('lists the referrals reaching four weeks on each of the next seven days', () => {
    const referrals = [
      waiting('2026-10-13T09:00:00Z'),
      waiting('2026-10-16T09:00:00Z', { nextBookedContactAt: at('2026-11-12T09:00:00Z') }),
      waiting('2026-10-16T10:00:00Z', { firstContactAt: at('2026-11-01T09:00:00Z') }),
      waiting('2026-10-25T09:00:00Z'),
      waiting('2026-10-01T09:00:00Z'),
    ];
    const week = weekForecast(referrals, DEFAULT_PACE, now);
    expect(week.map((day) => day.date)).toEqual([
      '2026-11-10',
      '2026-11-11',
      '2026-11-12',
      '2026-11-13',
      '2026-11-14',
      '2026-11-15',
      '2026-11-16',
    ]);
    expect(week[0]).toEqual({
      date: '2026-11-10',
      reaching28Days: ['ref-2026-10-13T09:00:00Z'],
      withBookingInTime: [],
    });
    expect(week[3]).toEqual({
      date: '2026-11-13',
      reaching28Days: ['ref-2026-10-16T09:00:00Z'],
      withBookingInTime: ['ref-2026-10-16T09:00:00Z'],
    });
    expect(week.flatMap((day) => day.reaching28Days)).toHaveLength(2);
  });
});

// Properties over referrals received in the eight weeks before `now`, in any state.
const base = new Date('2026-01-01T00:00:00Z').getTime();
const minutesArb = (min: number, max: number) => fc.integer({ min: min * 1440, max: max * 1440 });
const scenarioArb = minutesArb(0, 700).chain((nowMinutes) => {
  const nowAt = new Date(base + nowMinutes * 60_000);
  const near = (min: number, max: number) =>
    minutesArb(min, max).map((m) => new Date(nowAt.getTime() + m * 60_000));
  const referralArb = fc.record({
    receivedAt: near(-56, 0),
    allocatedAt: fc.option(near(-40, 0)),
    firstContactAt: fc.option(near(-30, 0), { freq: 3 }),
    nextBookedContactAt: fc.option(near(-10, 40)),
  });
  return fc.record({
    now: fc.constant(nowAt),
    pace: fc.record({ daysToAllocate: fc.nat(30), daysAllocationToFirstContact: fc.nat(30) }),
    referrals: fc
      .array(referralArb, { maxLength: 12 })
      .map((rows) => rows.map((row, index): WaitingReferral => ({ referralId: `r${index}`, ...row }))),
  });
});

describe('breach forecast properties', () => {
  it('never calls a referral with an attended contact a breach', () => {
    fc.assert(
      fc.property(scenarioArb, ({ now, pace, referrals }) => {
        for (const referral of referrals.filter((r) => r.firstContactAt)) {
          expect(breachRisk(referral, pace, now).willBreach).toBe(false);
        }
      }),
    );
  });

  it('only calls it a breach when there is no booking from today up to the four weeks', () => {
    fc.assert(
      fc.property(scenarioArb, ({ now, pace, referrals }) => {
        for (const referral of referrals) {
          const risk = breachRisk(referral, pace, now);
          const booked = referral.nextBookedContactAt;
          const bookedInTime =
            booked !== null &&
            londonDayNumber(booked) >= londonDayNumber(now) &&
            londonDayNumber(booked) <= londonDayNumber(risk.breachAt);
          if (risk.willBreach) expect(bookedInTime).toBe(false);
          expect(risk.daysLeft).toBe(londonDaysBetween(now, risk.breachAt));
          expect(londonDaysBetween(referral.receivedAt, risk.breachAt)).toBe(28);
        }
      }),
    );
  });

  it('gives seven days in a row from today, with each referral at most once', () => {
    fc.assert(
      fc.property(scenarioArb, ({ now, pace, referrals }) => {
        const week = weekForecast(referrals, pace, now);
        const today = londonDayNumber(now);
        expect(week.map((day) => day.date)).toEqual(
          [0, 1, 2, 3, 4, 5, 6].map((n) => isoDateOfDayNumber(today + n)),
        );
        expect(week[0]?.date).toBe(londonDate(now));
        const listed = week.flatMap((day) => day.reaching28Days);
        expect(new Set(listed).size).toBe(listed.length);
        for (const day of week) {
          expect(day.withBookingInTime.every((id) => day.reaching28Days.includes(id))).toBe(true);
          for (const id of day.reaching28Days) {
            const referral = referrals.find((r) => r.referralId === id);
            expect(referral?.firstContactAt).toBeNull();
          }
        }
      }),
    );
  });
});
