import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LanternDb } from '../../db/client.js';
import { testClock } from '../../test-support/session.js';
import { createSessionSweep, type SweptSession, type SweptSocket } from './session-sweep.js';

// The sweep on its own, with resolvers standing in for the database: who is told what, a failing
// database, one sweep at a time, and timers that stop so the process can exit.

const ended = (reason: string): SweptSession => ({ kind: 'ended', reason });
/** Lets every pending promise callback run (setImmediate is left real below). */
const settle = () => new Promise((resolve) => setImmediate(resolve));
const fakeTimers = () =>
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });

function fixture(options: { failStaff?: () => boolean; gate?: Promise<void> } = {}) {
  const clock = testClock('2026-12-01T15:00:00Z');
  const calls: { kind: string; tokens: readonly string[] }[] = [];
  const warnings: object[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const resolver =
    (kind: SweptSocket['kind']) =>
    async (_db: LanternDb, tokens: readonly string[]): Promise<Map<string, SweptSession>> => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      calls.push({ kind, tokens });
      try {
        await options.gate;
        if (kind === 'staff' && options.failStaff?.()) throw new Error('too many clients already');
        return new Map(tokens.map((token) => [token, ended(`${kind}:${token}`)]));
      } finally {
        running -= 1;
      }
    };
  const sweep = createSessionSweep({
    db: {} as LanternDb,
    now: clock.now,
    log: { warn: (details) => warnings.push(details), error: () => {} },
    resolvers: { staff: resolver('staff'), 'young-person': resolver('young-person') },
  });
  const told: Record<string, string[]> = {};
  const open = (name: string, kind: SweptSocket['kind'], token: string) =>
    sweep.register({
      kind,
      token,
      onResolved: (resolved) => {
        told[name] = [...(told[name] ?? []), resolved.kind === 'ended' ? resolved.reason : resolved.kind];
      },
    });
  return { clock, calls, warnings, sweep, told, open, mostAtOnce: () => mostAtOnce };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the session sweep', () => {
  it('resolves every open socket in one call per kind, each token once, and tells each socket', async () => {
    const { sweep, calls, told, open } = fixture();
    open('counsellor', 'staff', 'a');
    open('counsellor, second tab', 'staff', 'a');
    open('duty senior', 'staff', 'b');
    open('young person', 'young-person', 'c');
    await sweep.sweepNow();
    expect(calls).toEqual([
      { kind: 'staff', tokens: ['a', 'b'] },
      { kind: 'young-person', tokens: ['c'] },
    ]);
    expect(told).toEqual({
      counsellor: ['staff:a'],
      'counsellor, second tab': ['staff:a'],
      'duty senior': ['staff:b'],
      'young person': ['young-person:c'],
    });
  });

  it('leaves sockets as they are when the database fails, warns, and checks them next time', async () => {
    let isDatabaseBusy = true;
    const { sweep, warnings, told, open } = fixture({ failStaff: () => isDatabaseBusy });
    open('counsellor', 'staff', 'a');
    open('young person', 'young-person', 'c');
    await sweep.sweepNow();
    expect(told).toEqual({ 'young person': ['young-person:c'] });
    expect(warnings).toEqual([expect.objectContaining({ kind: 'staff', sockets: 1 })]);
    isDatabaseBusy = false;
    await sweep.sweepNow();
    expect(told.counsellor).toEqual(['staff:a']);
  });

  it('tells nobody about a socket that closed meanwhile, and forgets it', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { sweep, calls, told, open } = fixture({ gate });
    const close = open('leaving', 'staff', 'a');
    open('staying', 'staff', 'b');
    const swept = sweep.sweepNow();
    close();
    release();
    await swept;
    expect(told).toEqual({ staying: ['staff:b'] });
    await sweep.sweepNow();
    expect(calls.at(-1)).toEqual({ kind: 'staff', tokens: ['b'] });
  });

  it('runs one sweep at a time', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { sweep, calls, open, mostAtOnce } = fixture({ gate });
    open('counsellor', 'staff', 'a');
    const first = sweep.sweepNow();
    const second = sweep.sweepNow();
    await settle();
    expect(calls).toHaveLength(1);
    release();
    await Promise.all([first, second]);
    expect(calls).toHaveLength(2);
    expect(mostAtOnce()).toBe(1);
  });

  it('sweeps once the app clock has moved 15 seconds, and keeps no timer once the last socket closes', async () => {
    fakeTimers();
    const { sweep, calls, clock, open } = fixture();
    const close = open('counsellor', 'staff', 'a');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(0);
    clock.advance(15_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(1);
    close();
    expect(vi.getTimerCount()).toBe(0);
    await sweep.stop();
  });

  it('spreads the checks: each tick checks the next share in turn, every socket once in 15 seconds', async () => {
    fakeTimers();
    const { sweep, calls, clock, open } = fixture();
    const tokens = Array.from({ length: 30 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    for (const token of tokens) open(token, 'young-person', token);
    for (let second = 0; second < 15; second++) {
      clock.advance(1_000);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(calls.map((call) => call.tokens.length)).toEqual(Array(15).fill(2));
    expect(calls.flatMap((call) => call.tokens)).toEqual(tokens);
    // The next round starts again from the first, which has waited longest.
    clock.advance(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls.at(-1)?.tokens).toEqual(['t00', 't01']);
    await sweep.stop();
  });

  it('still checks a waiting socket within 15 seconds when the sockets checked before it close', async () => {
    fakeTimers();
    const { sweep, calls, clock, open } = fixture();
    const closers = new Map<string, () => void>();
    for (let i = 0; i < 29; i++) closers.set(`t${i}`, open(`t${i}`, 'young-person', `t${i}`));
    open('last', 'young-person', 'last');
    let lastCheckedAt: number | null = null;
    for (let second = 1; second <= 16 && lastCheckedAt === null; second++) {
      clock.advance(1_000);
      await vi.advanceTimersByTimeAsync(1_000);
      // Each socket checked closes (its session had ended), so fewer are left at every tick.
      for (const token of calls.flatMap((call) => call.tokens)) closers.get(token)?.();
      if (calls.some((call) => call.tokens.includes('last'))) lastCheckedAt = second;
    }
    expect(lastCheckedAt).not.toBeNull();
    expect(lastCheckedAt).toBeLessThanOrEqual(15);
    await sweep.stop();
  });

  it('checks a lone socket once in 15 seconds, not at every tick', async () => {
    fakeTimers();
    const { sweep, calls, clock, open } = fixture();
    open('young person', 'young-person', 'a');
    const checkedAt: number[] = [];
    for (let second = 1; second <= 44; second++) {
      clock.advance(1_000);
      await vi.advanceTimersByTimeAsync(1_000);
      if (calls.length > checkedAt.length) checkedAt.push(second);
    }
    expect(checkedAt).toEqual([15, 30]);
    await sweep.stop();
  });

  it('stops: waits for the sweep under way, then sweeps no more', async () => {
    fakeTimers();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { sweep, calls, clock, told, open } = fixture({ gate });
    open('counsellor', 'staff', 'a');
    const swept = sweep.sweepNow();
    let isStopped = false;
    const stopped = sweep.stop().then(() => {
      isStopped = true;
    });
    await settle();
    expect(calls).toHaveLength(1);
    expect(isStopped).toBe(false);
    release();
    await Promise.all([swept, stopped]);
    expect(told.counsellor).toEqual(['staff:a']);
    expect(vi.getTimerCount()).toBe(0);
    clock.advance(60_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(1);
  });
});
