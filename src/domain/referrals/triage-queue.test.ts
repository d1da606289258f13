import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Priority } from './triage-decisions.js';
import { compareQueueEntries, daysWaiting, type QueueEntry, urgencyRank } from './triage-queue.js';

const at = (iso: string) => new Date(iso);
const entry = (priority: Priority | null, isUrgent: boolean, receivedAt: string): QueueEntry => ({
  priority,
  isUrgent,
  receivedAt: at(receivedAt),
});

const dateArb = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});
const entryArb: fc.Arbitrary<QueueEntry> = fc.record({
  priority: fc.constantFrom<Priority | null>(null, 'routine', 'urgent', 'emergency'),
  isUrgent: fc.boolean(),
  receivedAt: dateArb,
});

describe('urgencyRank', () => {
  it('ranks emergency before urgent before routine', () => {
    expect(urgencyRank(entry('emergency', false, '2025-01-01'))).toBeLessThan(
      urgencyRank(entry('urgent', false, '2025-01-01')),
    );
    expect(urgencyRank(entry('urgent', false, '2025-01-01'))).toBeLessThan(
      urgencyRank(entry('routine', false, '2025-01-01')),
    );
  });

  it('ranks a referral marked urgent at intake with urgent until triage sets a priority', () => {
    expect(urgencyRank(entry(null, true, '2025-01-01'))).toBe(
      urgencyRank(entry('urgent', false, '2025-01-01')),
    );
    expect(urgencyRank(entry(null, false, '2025-01-01'))).toBe(
      urgencyRank(entry('routine', false, '2025-01-01')),
    );
  });

  it('lets the priority set at triage override the intake flag', () => {
    expect(urgencyRank(entry('routine', true, '2025-01-01'))).toBe(
      urgencyRank(entry('routine', false, '2025-01-01')),
    );
    expect(urgencyRank(entry('emergency', false, '2025-01-01'))).toBe(
      urgencyRank(entry('emergency', true, '2025-01-01')),
    );
  });
});

describe('compareQueueEntries', () => {
  it('puts emergency before urgent before routine, whatever the waiting time', () => {
    const routineOld = entry('routine', false, '2024-01-01T09:00:00Z');
    const urgentMid = entry('urgent', false, '2025-01-01T09:00:00Z');
    const emergencyNew = entry('emergency', false, '2025-06-01T09:00:00Z');
    const sorted = [routineOld, urgentMid, emergencyNew].sort(compareQueueEntries);
    expect(sorted).toEqual([emergencyNew, urgentMid, routineOld]);
  });

  it('ranks an intake-urgent entry without priority alongside urgent ones, by age', () => {
    const flaggedOld = entry(null, true, '2025-01-01T09:00:00Z');
    const urgentNew = entry('urgent', false, '2025-01-02T09:00:00Z');
    const routineOlder = entry('routine', false, '2024-12-01T09:00:00Z');
    const unflaggedOlder = entry(null, false, '2024-11-01T09:00:00Z');
    const sorted = [routineOlder, urgentNew, unflaggedOlder, flaggedOld].sort(compareQueueEntries);
    expect(sorted).toEqual([flaggedOld, urgentNew, unflaggedOlder, routineOlder]);
  });

  it('puts the longest-waiting first within a rank', () => {
    const older = entry('routine', false, '2025-03-01T08:00:00Z');
    const newer = entry('routine', false, '2025-03-01T08:00:01Z');
    expect(compareQueueEntries(older, newer)).toBeLessThan(0);
    expect(compareQueueEntries(newer, older)).toBeGreaterThan(0);
  });

  it('treats entries of the same rank and time as equal', () => {
    const a = entry('urgent', false, '2025-03-01T08:00:00Z');
    const b = entry(null, true, '2025-03-01T08:00:00Z');
    expect(compareQueueEntries(a, b)).toBe(0);
  });

  it('sorts into non-decreasing rank, and non-decreasing receivedAt within a rank', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 40 }), (entries) => {
        const sorted = [...entries].sort(compareQueueEntries);
        expect(sorted).toHaveLength(entries.length);
        for (let i = 1; i < sorted.length; i++) {
          const prev = sorted[i - 1] as QueueEntry;
          const cur = sorted[i] as QueueEntry;
          expect(urgencyRank(cur)).toBeGreaterThanOrEqual(urgencyRank(prev));
          if (urgencyRank(cur) === urgencyRank(prev)) {
            expect(cur.receivedAt.getTime()).toBeGreaterThanOrEqual(prev.receivedAt.getTime());
          }
        }
      }),
    );
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(entryArb, entryArb, (a, b) => {
        expect(Math.sign(compareQueueEntries(a, b))).toBe(-Math.sign(compareQueueEntries(b, a)) || 0);
      }),
    );
  });
});

describe('daysWaiting', () => {
  it('counts whole days from the received time', () => {
    const received = at('2025-03-01T10:00:00Z');
    expect(daysWaiting(received, at('2025-03-01T10:00:00Z'))).toBe(0);
    expect(daysWaiting(received, at('2025-03-02T09:59:59Z'))).toBe(0);
    expect(daysWaiting(received, at('2025-03-02T10:00:00Z'))).toBe(1);
    expect(daysWaiting(received, at('2025-03-11T10:00:00Z'))).toBe(10);
  });

  it('is zero, not negative, when now is before the received time', () => {
    expect(daysWaiting(at('2025-03-10T10:00:00Z'), at('2025-03-01T10:00:00Z'))).toBe(0);
    expect(daysWaiting(at('2025-03-01T10:00:01Z'), at('2025-03-01T10:00:00Z'))).toBe(0);
  });

  it('is never negative and always a whole number', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (received, now) => {
        const days = daysWaiting(received, now);
        expect(days).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(days)).toBe(true);
      }),
    );
  });

  it('never decreases as time passes', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (received, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        expect(daysWaiting(received, later)).toBeGreaterThanOrEqual(daysWaiting(received, earlier));
      }),
    );
  });
});
