import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cannotTell, estimateWait, placeInQueue, queueOrder, type SeenRecently } from './queue.js';

const seen = fc.array(
  fc.record({ waitMs: fc.nat(3 * 60 * 60_000), placeWhenJoined: fc.integer({ min: 1, max: 30 }) }),
  { minLength: 3, maxLength: 20 },
);

describe('queue order and place', () => {
  it('puts the longest waiting first, and gives every waiting chat a distinct place from 1', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.uuid(), queuedAt: fc.date({ noInvalidDate: true }) }), {
          selector: (c) => c.id,
          maxLength: 30,
        }),
        (waiting) => {
          const ordered = queueOrder(waiting);
          for (let i = 1; i < ordered.length; i++) {
            expect(ordered[i - 1]?.queuedAt.getTime()).toBeLessThanOrEqual(
              ordered[i]?.queuedAt.getTime() ?? 0,
            );
          }
          const places = waiting.map((c) => placeInQueue(waiting, c.id));
          expect(new Set(places).size).toBe(waiting.length);
          for (const place of places) {
            expect(place).toBeGreaterThanOrEqual(1);
            expect(place).toBeLessThanOrEqual(waiting.length);
          }
        },
      ),
    );
  });
  it('has no place for a chat that is not waiting', () => {
    expect(placeInQueue([{ id: 'a', queuedAt: new Date(0) }], 'b')).toBeNull();
  });
});

describe('estimateWait', () => {
  it('cannot tell with fewer than three young people seen today or no counsellor on shift', () => {
    const two: SeenRecently[] = [
      { waitMs: 600_000, placeWhenJoined: 1 },
      { waitMs: 600_000, placeWhenJoined: 1 },
    ];
    expect(estimateWait({ place: 1, seenToday: two, counsellorsOnShift: 3 })).toEqual(cannotTell);
    const three = [...two, { waitMs: 600_000, placeWhenJoined: 1 }];
    expect(estimateWait({ place: 1, seenToday: three, counsellorsOnShift: 0 })).toEqual(cannotTell);
    expect(estimateWait({ place: 1, seenToday: three, counsellorsOnShift: 2 }).minutes).toEqual({
      low: 10,
      high: 10,
    });
  });

  it('gives a range whose low is never above its high, and never a shorter wait further back', () => {
    fc.assert(
      fc.property(
        seen,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 10 }),
        (seenToday, place, c) => {
          const here = estimateWait({ place, seenToday, counsellorsOnShift: c });
          const behind = estimateWait({ place: place + 1, seenToday, counsellorsOnShift: c });
          expect(here.minutes).not.toBeNull();
          expect(here.minutes?.low ?? 0).toBeLessThanOrEqual(here.minutes?.high ?? 0);
          expect(behind.minutes?.high ?? 0).toBeGreaterThanOrEqual(here.minutes?.high ?? 0);
          expect(here.sentence).toMatch(/minutes/);
        },
      ),
    );
  });

  it('uses only the most recent young people seen', () => {
    const old = Array.from({ length: 10 }, () => ({ waitMs: 3 * 60 * 60_000, placeWhenJoined: 1 }));
    const recent = Array.from({ length: 10 }, () => ({ waitMs: 20 * 60_000, placeWhenJoined: 1 }));
    expect(estimateWait({ place: 1, seenToday: [...old, ...recent], counsellorsOnShift: 1 }).minutes).toEqual(
      {
        low: 20,
        high: 20,
      },
    );
  });

  it('says less than 5 minutes for a short queue', () => {
    const quick = Array.from({ length: 5 }, () => ({ waitMs: 60_000, placeWhenJoined: 2 }));
    expect(estimateWait({ place: 1, seenToday: quick, counsellorsOnShift: 1 }).sentence).toBe(
      'Probably less than 5 minutes.',
    );
  });
});
