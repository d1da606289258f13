import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AlertTimes,
  acknowledgeDeadline,
  alertTiming,
  compareBoardAlerts,
  dueForFurtherEscalation,
  formatLondonMoment,
  isDueForFurtherEscalation,
  shortReference,
} from './alerts.js';

const base = Date.parse('2026-12-01T18:00:00Z');
const at = (ms: number) => new Date(base + ms);

/** An alert raised some time before `base`, maybe acknowledged, maybe escalated already. */
const alertArb = fc
  .record({
    id: fc.uuid(),
    raisedOffset: fc.integer({ min: -3_600_000, max: 3_600_000 }),
    minutes: fc.integer({ min: 1, max: 60 }),
    ackOffset: fc.option(fc.integer({ min: 0, max: 7_200_000 }), { nil: null }),
    furtherOffset: fc.option(fc.integer({ min: 0, max: 7_200_000 }), { nil: null }),
  })
  .map(({ id, raisedOffset, minutes, ackOffset, furtherOffset }) => {
    const raisedAt = at(raisedOffset);
    return {
      id,
      raisedAt,
      acknowledgeBy: acknowledgeDeadline(raisedAt, minutes),
      acknowledgedAt: ackOffset === null ? null : at(raisedOffset + ackOffset),
      escalatedFurtherAt: furtherOffset === null ? null : at(raisedOffset + furtherOffset),
    } satisfies AlertTimes & { id: string };
  });

describe('alerts escalating further', () => {
  it('are due exactly when unacknowledged, not yet escalated and past their deadline', () => {
    fc.assert(
      fc.property(alertArb, fc.integer({ min: -7_200_000, max: 7_200_000 }), (alert, offset) => {
        const now = at(offset);
        const expected =
          alert.acknowledgedAt === null &&
          alert.escalatedFurtherAt === null &&
          alert.acknowledgeBy.getTime() <= now.getTime();
        expect(isDueForFurtherEscalation(alert, now)).toBe(expected);
      }),
    );
  });

  it('escalate once: after being marked escalated, an alert is never due again, whenever the job runs', () => {
    fc.assert(
      fc.property(alertArb, fc.integer({ min: 0, max: 86_400_000 }), (alert, later) => {
        const now = new Date(alert.acknowledgeBy.getTime() + later);
        const marked = { ...alert, escalatedFurtherAt: now };
        expect(isDueForFurtherEscalation(marked, new Date(now.getTime() + later))).toBe(false);
      }),
    );
  });

  it('never escalate before the deadline, and an acknowledged alert never escalates', () => {
    fc.assert(
      fc.property(
        fc.array(alertArb, { maxLength: 30 }),
        fc.integer({ min: -7_200_000, max: 7_200_000 }),
        (alerts, offset) => {
          const now = at(offset);
          for (const due of dueForFurtherEscalation(alerts, now)) {
            expect(due.acknowledgedAt).toBeNull();
            expect(due.acknowledgeBy.getTime()).toBeLessThanOrEqual(now.getTime());
          }
        },
      ),
    );
  });

  it('escalate at the deadline itself, not a second before', () => {
    const raisedAt = at(0);
    const alert = {
      raisedAt,
      acknowledgeBy: acknowledgeDeadline(raisedAt, 5),
      acknowledgedAt: null,
      escalatedFurtherAt: null,
    };
    expect(isDueForFurtherEscalation(alert, at(5 * 60_000 - 1000))).toBe(false);
    expect(isDueForFurtherEscalation(alert, at(5 * 60_000))).toBe(true);
  });
});

describe('the time an alert has left', () => {
  const alert = {
    raisedAt: at(0),
    acknowledgeBy: at(5 * 60_000),
    acknowledgedAt: null,
    escalatedFurtherAt: null,
  };
  it.each([
    [0, '5 minutes left', false],
    [3 * 60_000 + 30_000, '1 minute left', false],
    [4 * 60_000 + 30_000, 'less than a minute left', false],
    [5 * 60_000, 'overdue', true],
    [60 * 60_000, 'overdue', true],
  ])('%i ms after it was raised: %s', (offset, text, isOverdue) => {
    expect(alertTiming(alert, at(offset))).toMatchObject({ text, isOverdue });
  });

  it('counts down and is never negative', () => {
    fc.assert(
      fc.property(alertArb, fc.integer({ min: -7_200_000, max: 7_200_000 }), (a, offset) => {
        const timing = alertTiming(a, at(offset));
        expect(timing.secondsLeft).toBeGreaterThanOrEqual(0);
        expect(timing.isOverdue && timing.secondsLeft > 0).toBe(false);
      }),
    );
  });
});

describe('the board order', () => {
  it('puts every unacknowledged alert before every acknowledged one, the oldest first', () => {
    fc.assert(
      fc.property(fc.array(alertArb, { maxLength: 30 }), (alerts) => {
        const sorted = [...alerts].sort(compareBoardAlerts);
        const firstAcknowledged = sorted.findIndex((a) => a.acknowledgedAt !== null);
        const open = firstAcknowledged === -1 ? sorted : sorted.slice(0, firstAcknowledged);
        if (firstAcknowledged !== -1) {
          expect(sorted.slice(firstAcknowledged).every((a) => a.acknowledgedAt !== null)).toBe(true);
        }
        for (let i = 1; i < open.length; i++) {
          expect(open[i - 1]?.raisedAt.getTime()).toBeLessThanOrEqual(open[i]?.raisedAt.getTime() ?? 0);
        }
      }),
    );
  });
});

describe('references and times in emails', () => {
  it('makes a short reference from the id alone', () => {
    expect(shortReference('ESC', '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d')).toBe('ESC-0A1B2C3D');
  });
  it('shows London time', () => {
    expect(formatLondonMoment(new Date('2026-07-01T17:05:00Z'))).toBe('18:05 on 1 July');
    expect(formatLondonMoment(new Date('2026-12-01T17:05:00Z'))).toBe('17:05 on 1 December');
  });
});
