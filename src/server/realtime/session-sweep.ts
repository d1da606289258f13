import type { LanternDb } from '../../db/client.js';
import { type Resolved, resolveActors } from '../../services/identity/resolve-actor.js';
import { type ResolvedYoungPerson, resolveYoungPeople } from '../../services/online/young-person-session.js';

// Every open chat socket's session is checked again while it stays open (ADR 0021), so a sign-out,
// a timeout or a deactivation closes it. One sweep per app checks them in bulk: thousands of
// sockets each checking on its own timer cost a transaction apiece and crowded out the chat itself.
// The sweep is spread out: each tick (a second) checks the next slice of sockets in turn, sized so
// every socket is checked once every SWEEP_EVERY_MS, and never fewer than those already due (when
// sockets close, the slices shrink, but a socket still waiting is not left behind). Checking all 5,000 sockets of the chat
// benchmark at once took about 300 ms of the server's time and held chat messages up by 40 ms.

/** How often every open socket's session is checked again. */
export const SWEEP_EVERY_MS = 15_000;

export type SweptSession = Resolved | ResolvedYoungPerson;

export interface SweptSocket {
  kind: 'staff' | 'young-person';
  /** The socket's session cookie ('' when it had none: resolved as no session). */
  token: string;
  /** Told what each sweep found; not told when the sweep could not reach the database. */
  onResolved(resolved: SweptSession): void;
}

export interface SessionSweep {
  /** Checks the socket once every SWEEP_EVERY_MS until the returned function is called (when it closes). */
  register(socket: SweptSocket): () => void;
  /** Checks every open socket now (after any sweep under way): for tests, which cannot wait for the clock. */
  sweepNow(): Promise<void>;
  /** No more sweeps; resolves once the one under way is done, before the database closes. */
  stop(): Promise<void>;
}

type BulkResolver = (
  db: LanternDb,
  tokens: readonly string[],
  now: Date,
) => Promise<Map<string, SweptSession>>;

export interface SessionSweepOptions {
  db: LanternDb;
  /** The app's clock: each tick checks the share of sockets due for the time it has moved. */
  now: () => Date;
  log: { warn(details: object, message: string): void; error(details: object, message: string): void };
  /** How often (real time) the clock is looked at; a second is precise enough. */
  tickMs?: number;
  /** For tests: resolvers that fail or count, in place of the database's. */
  resolvers?: Partial<Record<SweptSocket['kind'], BulkResolver>>;
}

export function createSessionSweep(options: SessionSweepOptions): SessionSweep {
  const { db, now, log } = options;
  const resolvers: Record<SweptSocket['kind'], BulkResolver> = {
    staff: resolveActors,
    'young-person': resolveYoungPeople,
    ...options.resolvers,
  };
  // In the order they are next due, with when (app clock, ms): a checked socket goes to the back.
  const sockets = new Map<SweptSocket, number>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let lastTickAt = 0;
  /**
   * Checks owed for the time gone by, in socket-milliseconds (whole numbers, so nothing drifts): a
   * socket is owed one check per SWEEP_EVERY_MS; less than one is carried over to the next tick.
   */
  let owed = 0;
  // Sweeps run one after another, never side by side: a slow one delays the next.
  let chain: Promise<void> = Promise.resolve();
  let waiting = 0;
  let isStopped = false;

  async function resolveKind(kind: SweptSocket['kind'], swept: SweptSocket[], at: Date) {
    const tokens = [...new Set(swept.filter((socket) => socket.kind === kind).map((socket) => socket.token))];
    if (tokens.length === 0) return new Map<string, SweptSession>();
    try {
      return await resolvers[kind](db, tokens, at);
    } catch (err) {
      // A busy database keeps healthy sockets open: they are checked again when next due, and
      // every stored message still goes through the database.
      log.warn({ err, kind, sockets: tokens.length }, 'chat socket session sweep failed; will try again');
      return new Map<string, SweptSession>();
    }
  }

  /** The next `count` sockets in turn, moved to the back: they are due again last. */
  function takeNext(count: number): SweptSocket[] {
    const taken: SweptSocket[] = [];
    for (const socket of sockets.keys()) {
      if (taken.length >= count) break;
      taken.push(socket);
    }
    const dueAgain = now().getTime() + SWEEP_EVERY_MS;
    for (const socket of taken) {
      sockets.delete(socket);
      sockets.set(socket, dueAgain);
    }
    return taken;
  }

  /** How many sockets at the front are due by `at`. */
  function dueBy(at: number): number {
    let due = 0;
    for (const dueAt of sockets.values()) {
      if (dueAt > at) break;
      due++;
    }
    return due;
  }

  async function sweep(swept: SweptSocket[]) {
    if (swept.length === 0) return;
    const at = now();
    const found = {
      staff: await resolveKind('staff', swept, at),
      'young-person': await resolveKind('young-person', swept, at),
    };
    for (const socket of swept) {
      const resolved = found[socket.kind].get(socket.token);
      // A socket that closed while its session was being checked has nobody left to tell.
      if (!resolved || !sockets.has(socket)) continue;
      try {
        socket.onResolved(resolved);
      } catch (err) {
        log.error({ err }, 'chat socket could not act on its session check');
      }
    }
  }

  /** Queues a check of the sockets `choose` picks when its turn comes. */
  function enqueue(choose: () => SweptSocket[]): Promise<void> {
    waiting += 1;
    chain = chain
      .then(() => sweep(choose()))
      .catch((err) => log.error({ err }, 'chat socket session sweep failed'))
      .finally(() => {
        waiting -= 1;
      });
    return chain;
  }

  function tick() {
    const at = now().getTime();
    owed = Math.min(sockets.size * SWEEP_EVERY_MS, owed + sockets.size * Math.max(0, at - lastTickAt));
    lastTickAt = at;
    // A slow check delays the next slice (what is owed keeps growing meanwhile).
    if (waiting > 0) return;
    const count = Math.max(Math.floor(owed / SWEEP_EVERY_MS), dueBy(at));
    if (count < 1) return;
    owed = Math.max(0, owed - count * SWEEP_EVERY_MS);
    void enqueue(() => takeNext(count));
  }

  function startTimer() {
    if (timer || isStopped) return;
    lastTickAt = now().getTime();
    owed = 0;
    timer = setInterval(tick, options.tickMs ?? 1_000);
    // Open sockets keep the process alive; the sweep on its own does not.
    timer.unref();
  }

  function stopTimer() {
    clearInterval(timer);
    timer = undefined;
  }

  return {
    register(socket) {
      const entry = { ...socket };
      sockets.set(entry, now().getTime() + SWEEP_EVERY_MS);
      startTimer();
      return () => {
        sockets.delete(entry);
        if (sockets.size === 0) stopTimer();
      };
    },
    sweepNow: () => enqueue(() => takeNext(sockets.size)),
    async stop() {
      isStopped = true;
      stopTimer();
      await chain;
    },
  };
}
