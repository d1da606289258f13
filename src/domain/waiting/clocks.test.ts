import { describe, expect, it } from 'vitest';
import {
  type AttendStatus,
  attendStatuses,
  type ClockContact,
  type ClockInput,
  type ClockPause,
  type ClockView,
  daysLeft,
  FOUR_WEEKS_DAYS,
  isAttended,
  type Milestone,
  ragFor,
  waitingClocks,
} from './clocks.js';

const at = (iso: string) => new Date(iso);
const contact = (iso: string, attendStatus: AttendStatus | null = 'attended'): ClockContact => ({
  at: at(iso),
  attendStatus,
});
const input = (receivedAt: string, extra: Partial<Omit<ClockInput, 'receivedAt'>> = {}): ClockInput => ({
  receivedAt: at(receivedAt),
  contacts: [],
  milestones: [],
  pauses: [],
  ...extra,
});
const running = (days: number): ClockView => ({ stoppedAt: null, days, isRunning: true });
const stopped = (days: number): ClockView => ({
  stoppedAt: at('2026-01-01T00:00:00Z'),
  days,
  isRunning: false,
});

describe('isAttended', () => {
  it('counts only attended and late-but-seen contacts', () => {
    expect(attendStatuses.filter(isAttended)).toEqual(['attended', 'late-seen']);
    expect(isAttended(null)).toBe(false);
  });
});

describe('waitingClocks examples', () => {
  const now = at('2027-01-15T12:00:00Z');

  it('counts London calendar days across the October clock change', () => {
    const clocks = waitingClocks(
      input('2026-10-20T09:00:00Z', { contacts: [contact('2026-11-17T10:00:00Z')] }),
      now,
    );
    expect(clocks.firstContact).toEqual({
      stoppedAt: at('2026-11-17T10:00:00Z'),
      days: 28,
      isRunning: false,
    });
    expect(ragFor(clocks.firstContact)).toBe('green');
    expect(daysLeft(clocks.firstContact)).toBe(0);
  });

  it('uses the London date, not the UTC date, of a referral received just after midnight in summer', () => {
    // 23:30 UTC on 19 October is 00:30 on 20 October in London.
    const clocks = waitingClocks(
      input('2026-10-19T23:30:00Z', { contacts: [contact('2026-11-17T09:00:00Z')] }),
      now,
    );
    expect(clocks.firstContact.days).toBe(28);
  });

  it('keeps running through did-not-attend and cancelled contacts', () => {
    const clocks = waitingClocks(
      input('2026-12-01T09:00:00Z', {
        contacts: [
          contact('2026-12-05T09:00:00Z', 'did-not-attend'),
          contact('2026-12-08T09:00:00Z', 'cancelled-by-patient'),
          contact('2026-12-09T09:00:00Z', 'cancelled-by-service'),
          contact('2026-12-10T09:00:00Z', null),
        ],
      }),
      now,
    );
    expect(clocks.firstContact).toEqual({ stoppedAt: null, days: 45, isRunning: true });
    expect(ragFor(clocks.firstContact)).toBe('red');
  });

  it('stops the first and second contact clocks at the first and second attended contacts', () => {
    const clocks = waitingClocks(
      input('2026-12-01T09:00:00Z', {
        contacts: [
          contact('2026-12-20T09:00:00Z', 'late-seen'),
          contact('2026-12-10T09:00:00Z'),
          contact('2026-12-15T09:00:00Z', 'did-not-attend'),
        ],
      }),
      now,
    );
    expect(clocks.firstContact.days).toBe(9);
    expect(clocks.secondContact).toEqual({
      stoppedAt: at('2026-12-20T09:00:00Z'),
      days: 19,
      isRunning: false,
    });
  });

  it('ignores contacts before the referral was received or after now', () => {
    const clocks = waitingClocks(
      input('2026-12-01T09:00:00Z', {
        contacts: [contact('2026-11-30T09:00:00Z'), contact('2027-01-20T09:00:00Z')],
      }),
      now,
    );
    expect(clocks.firstContact.isRunning).toBe(true);
    expect(clocks.firstContact.days).toBe(45);
  });

  it('stops the clock-stop clock when the last of the four milestones is recorded', () => {
    const recorded = (milestone: Milestone, iso: string) => ({ milestone, at: at(iso) });
    const three = [
      recorded('assessment', '2026-12-03T09:00:00Z'),
      recorded('assessment', '2026-12-02T09:00:00Z'),
      recorded('care-plan', '2026-12-10T09:00:00Z'),
      recorded('baseline-measure', '2026-12-04T09:00:00Z'),
    ];
    const withThree = waitingClocks(input('2026-12-01T09:00:00Z', { milestones: three }), now);
    expect(withThree.clockStop).toEqual({ stoppedAt: null, days: 45, isRunning: true });

    const all = [...three, recorded('intervention', '2026-12-14T09:00:00Z')];
    const withAll = waitingClocks(input('2026-12-01T09:00:00Z', { milestones: all }), now);
    expect(withAll.clockStop).toEqual({ stoppedAt: at('2026-12-14T09:00:00Z'), days: 13, isRunning: false });

    const early = [...three, recorded('intervention', '2026-11-14T09:00:00Z')];
    expect(waitingClocks(input('2026-12-01T09:00:00Z', { milestones: early }), now).clockStop.isRunning).toBe(
      true,
    );
  });

  it('reports pauses beside the headline wait and never takes them off it', () => {
    const pauses: ClockPause[] = [
      { from: at('2026-12-02T09:00:00Z'), to: at('2026-12-07T09:00:00Z'), reason: 'more-information' },
      { from: at('2026-12-05T09:00:00Z'), to: at('2026-12-09T09:00:00Z'), reason: 'more-information' },
      { from: at('2026-12-12T09:00:00Z'), to: null, reason: 'young-person-choice' },
    ];
    const clocks = waitingClocks(
      input('2026-12-01T09:00:00Z', { contacts: [contact('2026-12-22T09:00:00Z')], pauses }),
      now,
    );
    expect(clocks.firstContact.days).toBe(21);
    // 2 to 9 December once, not 5 + 4: overlapping asks are not counted twice.
    expect(clocks.pausedDays['more-information']).toBe(7);
    // The open pause is cut off at the first contact.
    expect(clocks.pausedDays['young-person-choice']).toBe(10);
    expect(clocks.firstContactLessChosenPauses).toBe(11);
  });

  it('never goes below zero when now is before the referral was received', () => {
    const clocks = waitingClocks(input('2027-02-01T09:00:00Z'), now);
    expect(clocks.firstContact.days).toBe(0);
    expect(clocks.pausedDays).toEqual({ 'more-information': 0, 'young-person-choice': 0 });
  });
});

describe('ragFor and daysLeft', () => {
  it.each([
    [0, 'green'],
    [20, 'green'],
    [21, 'amber'],
    [27, 'amber'],
    [28, 'red'],
    [60, 'red'],
  ])('a running clock at %i days is %s', (days, rag) => {
    expect(ragFor(running(days))).toBe(rag);
  });

  it.each([
    [0, 'green'],
    [27, 'green'],
    [28, 'green'],
    [29, 'red'],
  ])('a stopped clock at %i days is %s', (days, rag) => {
    expect(ragFor(stopped(days))).toBe(rag);
  });

  it('counts down from four weeks and goes negative after', () => {
    expect(daysLeft(running(0))).toBe(FOUR_WEEKS_DAYS);
    expect(daysLeft(running(30))).toBe(-2);
  });
});
