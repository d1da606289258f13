import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AttendStatus, attendStatuses, milestones, pauseReasons, waitingClocks } from './clocks.js';

// Properties: minutes either side of a received date, so contacts, milestones and pauses fall both
// inside and outside the window that counts.
const base = new Date('2026-01-01T00:00:00Z').getTime();
const instantArb = fc
  .integer({ min: 0, max: 2 * 365 * 1440 })
  .map((minutes) => new Date(base + minutes * 60_000));
const nearArb = (from: Date) =>
  fc
    .integer({ min: -10 * 1440, max: 120 * 1440 })
    .map((minutes) => new Date(from.getTime() + minutes * 60_000));
const statusArb = fc.constantFrom<AttendStatus | null>(null, ...attendStatuses);
const notAttendedArb = fc.constantFrom<AttendStatus | null>(
  null,
  'did-not-attend',
  'cancelled-by-patient',
  'cancelled-by-service',
);

const scenarioArb = instantArb.chain((receivedAt) =>
  fc.record({
    input: fc.record({
      receivedAt: fc.constant(receivedAt),
      contacts: fc.array(fc.record({ at: nearArb(receivedAt), attendStatus: statusArb }), { maxLength: 6 }),
      milestones: fc.array(
        fc.record({ milestone: fc.constantFrom(...milestones), at: nearArb(receivedAt) }),
        {
          maxLength: 8,
        },
      ),
      pauses: fc.array(
        fc.record({
          from: nearArb(receivedAt),
          to: fc.option(nearArb(receivedAt)),
          reason: fc.constantFrom(...pauseReasons),
        }),
        { maxLength: 4 },
      ),
    }),
    now: nearArb(receivedAt),
    extraAt: nearArb(receivedAt),
  }),
);

describe('waitingClocks properties', () => {
  it('never gives negative days, and pauses never exceed the first-contact wait', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, now }) => {
        const clocks = waitingClocks(input, now);
        for (const view of [clocks.firstContact, clocks.secondContact, clocks.clockStop]) {
          expect(view.days).toBeGreaterThanOrEqual(0);
          expect(view.isRunning).toBe(view.stoppedAt === null);
        }
        for (const reason of pauseReasons) {
          expect(clocks.pausedDays[reason]).toBeGreaterThanOrEqual(0);
          expect(clocks.pausedDays[reason]).toBeLessThanOrEqual(clocks.firstContact.days);
        }
        expect(clocks.firstContactLessChosenPauses).toBeGreaterThanOrEqual(0);
        expect(clocks.startedAt).toEqual(input.receivedAt);
      }),
    );
  });

  it('never changes any clock when a did-not-attend, cancelled or booked contact is added', () => {
    fc.assert(
      fc.property(scenarioArb, notAttendedArb, ({ input, now, extraAt }, attendStatus) => {
        const more = { ...input, contacts: [...input.contacts, { at: extraAt, attendStatus }] };
        expect(waitingClocks(more, now)).toEqual(waitingClocks(input, now));
      }),
    );
  });

  it('never makes the first-contact wait longer when an attended contact is added', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom<AttendStatus>('attended', 'late-seen'), (scenario, status) => {
        const { input, now, extraAt } = scenario;
        const more = { ...input, contacts: [...input.contacts, { at: extraAt, attendStatus: status }] };
        expect(waitingClocks(more, now).firstContact.days).toBeLessThanOrEqual(
          waitingClocks(input, now).firstContact.days,
        );
      }),
    );
  });

  it('stops the second-contact clock no earlier than the first', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, now }) => {
        const { firstContact, secondContact } = waitingClocks(input, now);
        if (secondContact.stoppedAt) {
          expect(firstContact.stoppedAt).not.toBeNull();
          expect(secondContact.stoppedAt.getTime()).toBeGreaterThanOrEqual(
            firstContact.stoppedAt?.getTime() ?? 0,
          );
          expect(secondContact.days).toBeGreaterThanOrEqual(firstContact.days);
        }
      }),
    );
  });

  it('stops the clock-stop clock only once all four milestones are recorded in the window', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, now }) => {
        const counted = new Set(
          input.milestones
            .filter((m) => m.at.getTime() >= input.receivedAt.getTime() && m.at.getTime() <= now.getTime())
            .map((m) => m.milestone),
        );
        const { clockStop } = waitingClocks(input, now);
        expect(clockStop.stoppedAt !== null).toBe(counted.size === milestones.length);
      }),
    );
  });

  it('never changes the headline clocks because of pauses', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, now }) => {
        const paused = waitingClocks(input, now);
        const unpaused = waitingClocks({ ...input, pauses: [] }, now);
        expect(paused.firstContact).toEqual(unpaused.firstContact);
        expect(paused.secondContact).toEqual(unpaused.secondContact);
        expect(paused.clockStop).toEqual(unpaused.clockStop);
      }),
    );
  });

  it('does not count a pause twice when it is recorded twice', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, now }) => {
        const doubled = { ...input, pauses: [...input.pauses, ...input.pauses] };
        expect(waitingClocks(doubled, now).pausedDays).toEqual(waitingClocks(input, now).pausedDays);
      }),
    );
  });
});
