import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FREE_FAILURES,
  heldSessionState,
  lockedUntilAfterFailure,
  needsTouch,
  sessionState,
} from './session-rules.js';

const t0 = new Date('2026-11-23T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('sessionState', () => {
  it('is active while used within 30 minutes and 12 hours', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(600), endedAt: null }, at(629))).toBe('active');
  });
  it('times out after 30 idle minutes', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(10), endedAt: null }, at(40))).toBe('idle-timeout');
  });
  it('times out 12 hours after sign-in however busy', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(719), endedAt: null }, at(720))).toBe(
      'absolute-timeout',
    );
  });
  it('stays ended once ended', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0, endedAt: t0 }, t0)).toBe('ended');
  });
  it('is never active past either limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (seen, now) => {
        fc.pre(seen <= now);
        const state = sessionState({ createdAt: t0, lastSeenAt: at(seen), endedAt: null }, at(now));
        expect(state === 'active').toBe(now < 720 && now - seen < 30);
      }),
    );
  });
});

describe('heldSessionState', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const live = { createdAt: new Date('2026-12-01T11:00:00Z'), lastSeenAt: now, endedAt: null };
  it('ends a live session whose holder is deactivated, and keeps the session limits first', () => {
    expect(heldSessionState(live, true, now)).toBe('active');
    expect(heldSessionState(live, false, now)).toBe('deactivated');
    expect(heldSessionState({ ...live, endedAt: now }, false, now)).toBe('ended');
  });
});

describe('needsTouch', () => {
  it('writes last-seen at most once a minute', () => {
    expect(needsTouch(t0, at(0.5))).toBe(false);
    expect(needsTouch(t0, at(1))).toBe(true);
  });
});

describe('lockedUntilAfterFailure', () => {
  it('lets the first five failures through without a wait', () => {
    for (let n = 0; n < FREE_FAILURES; n += 1) expect(lockedUntilAfterFailure(n, t0)).toBeNull();
  });
  it('doubles the wait from 30 seconds up to 15 minutes', () => {
    const wait = (n: number) => ((lockedUntilAfterFailure(n, t0)?.getTime() ?? 0) - t0.getTime()) / 1000;
    expect([5, 6, 7, 8, 9, 10, 11, 50].map(wait)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });
});
