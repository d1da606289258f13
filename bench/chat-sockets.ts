import { type ChildProcess, fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import { APP_ROLE, type Database } from '../src/db/client.js';
import { buildApp } from '../src/server/app.js';
import { type Config, testConfig } from '../src/server/config.js';
import { onlineSessionCookie, sessionCookie } from '../src/server/plugins/session.js';
import { GroupCommit } from '../src/services/online/chat-append-batches.js';
import type { ClientCommand, ClientSocketSpec, RunFigures } from './chat-clients.js';
import { type StoreFrame, startRelay } from './chat-relay.js';
import { type BenchPair, makeChatPairs } from './chat-setup.js';

// Online support chat at load (issue 7): `sockets` connected sockets (two per chat) sending
// `rate` messages a second in total for `seconds`, measured by one client harness in its own
// process against (1) a bare relay with no storage and no authentication and (2) Lantern's own
// socket, /api/online/socket, where every message is stored before it is delivered. The target:
// p99 delivery latency of (2) within 5 times that of (1), with nothing lost, repeated or reordered.

export interface SocketRun extends RunFigures {
  label: string;
  opened: number;
  openFailed: number;
  openFailures: string[];
  openMs: number;
  warmMs: number;
  /** Sockets that never heard the other side during the warm-up. */
  deaf: number;
  /** The server process's own pauses while messages were sent (the server runs in this process). */
  serverPauses: ServerPauses;
  /** Growth of the server process per connected, resumed, idle socket, in KiB. */
  rssKiBPerSocket: number;
  heapKiBPerSocket: number;
}

export interface ChatSocketFigures {
  pairs: number;
  setupMs: number;
  bare: SocketRun;
  /** The bare relay storing each frame (one plain table, the same group commit) before forwarding. */
  storingRelay: SocketRun;
  stored: SocketRun | null;
  /** Why the stored run did not happen (no socket endpoint yet), when it did not. */
  storedSkipped: string | null;
}

/** `global.gc`, without asking for --expose-gc on the command line. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return gc ?? (() => {});
}
const gc = collector();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server process's memory once garbage is collected and the heap has settled. */
async function serverMemory() {
  // V8 hands freed pages back to the system over a few seconds: wait until RSS stops moving.
  let previous = 0;
  let steady = 0;
  for (let i = 0; i < 30 && steady < 3; i++) {
    gc();
    await sleep(500);
    const { rss } = process.memoryUsage();
    steady = Math.abs(rss - previous) < 256 * 1024 ? steady + 1 : 0;
    previous = rss;
  }
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heap: heapUsed + external };
}

/** The client process and a way to ask it for one step at a time. */
function startClients(): {
  ask: (command: ClientCommand) => Promise<Record<string, unknown>>;
  child: ChildProcess;
} {
  const child = fork(new URL('./chat-clients.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = (command: ClientCommand) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (message.step !== command.cmd && message.step !== 'failed') return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (message.step === 'failed') reject(new Error(`chat clients failed: ${String(message.error)}`));
        else resolve(message);
      };
      const onExit = (code: number | null) => {
        child.off('message', onMessage);
        reject(new Error(`chat clients exited (${code}) during ${command.cmd}`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(command);
    });
  return { ask, child };
}

/**
 * With CHAT_PROFILE=folder, the server process's CPU profile of the sending phase alone (not the
 * set-up or the opening of sockets) is written there, one file per run, for Chrome's DevTools.
 */
async function startProfile(label: string): Promise<() => Promise<void>> {
  const folder = process.env.CHAT_PROFILE;
  if (!folder) return async () => {};
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    const name = label.replace(/[^a-z]+/gi, '-').toLowerCase();
    await writeFile(`${folder}/${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  };
}

export interface ServerPauses {
  /** How late the server's event loop ran its timers: p99 and worst, in ms. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Garbage collections: minor (scavenges) and major (mark-compact and its incremental steps). */
  minorGcs: number;
  majorGcs: number;
  /** The longest single collection, in ms. */
  longestGcMs: number;
  /** CPU time the server process used (all its threads, user and system), in ms. */
  cpuMs: number;
}

/**
 * Watches this process (where the server runs) while messages are sent: how late its event loop
 * ran, and its garbage collections, so a slow tail can be told apart from a slow database.
 */
function watchServerPauses(): () => ServerPauses {
  const cpuBefore = process.cpuUsage();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const gcs = { minor: 0, major: 0, longest: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // Node's gc kinds: 1 minor (scavenge), 2 major, 4 incremental marking, 8 weak callbacks.
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
      if (kind === 1) gcs.minor++;
      else if (kind === 2 || kind === 4) gcs.major++;
      gcs.longest = Math.max(gcs.longest, entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => {
    delay.disable();
    observer.disconnect();
    return {
      loopDelayP99Ms: delay.percentile(99) / 1e6,
      loopDelayMaxMs: delay.max / 1e6,
      minorGcs: gcs.minor,
      majorGcs: gcs.major,
      longestGcMs: gcs.longest,
      cpuMs: (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpuBefore)),
    };
  };
}

interface Plan {
  rate: number;
  seconds: number;
}

/** One run of the harness against one server: open, measure memory, warm up, send, close. */
async function measure(
  label: string,
  specs: ClientSocketSpec[],
  resume: boolean,
  plan: Plan,
): Promise<SocketRun> {
  const { ask, child } = startClients();
  try {
    const before = await serverMemory();
    const open = await ask({ cmd: 'open', sockets: specs, concurrency: 50, resume });
    const opened = Number(open.opened);
    // Let the server finish each socket's `resume` before taking its memory.
    await sleep(2000);
    const after = await serverMemory();
    const perSocket = (bytes: number) => (opened > 0 ? bytes / opened / 1024 : 0);
    const failures = (open.failures as string[]) ?? [];
    const run: SocketRun = {
      label,
      opened,
      openFailed: Number(open.failed),
      openFailures: failures,
      openMs: Number(open.ms),
      warmMs: 0,
      deaf: 0,
      rssKiBPerSocket: perSocket(after.rss - before.rss),
      heapKiBPerSocket: perSocket(after.heap - before.heap),
      serverPauses: {
        loopDelayP99Ms: 0,
        loopDelayMaxMs: 0,
        minorGcs: 0,
        majorGcs: 0,
        longestGcMs: 0,
        cpuMs: 0,
      },
      sent: 0,
      unsent: 0,
      received: 0,
      lost: 0,
      duplicated: 0,
      reordered: 0,
      errors: 0,
      dropped: 0,
      droppedSample: [],
      errorSample: [],
      perSecond: 0,
      p50ms: 0,
      p95ms: 0,
      p99ms: 0,
      maxms: 0,
      maxSendLagMs: 0,
      worstPerSecondMs: [],
    };
    if (opened === 0) return run;
    const warm = await ask({ cmd: 'warm', rounds: 1, timeoutMs: 120_000 });
    run.warmMs = Number(warm.ms);
    run.deaf = Number(warm.deaf);
    const stopProfile = await startProfile(label);
    const stopWatching = watchServerPauses();
    const result = await ask({ cmd: 'run', rate: plan.rate, seconds: plan.seconds, drainMs: 30_000 });
    run.serverPauses = stopWatching();
    await stopProfile();
    Object.assign(run, result.figures as RunFigures);
    await ask({ cmd: 'close' });
    return run;
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

function relaySpecs(port: number, pairs: BenchPair[]): ClientSocketSpec[] {
  return pairs.flatMap((pair, i) =>
    (['y', 'c'] as const).map((side) => ({
      url: `ws://127.0.0.1:${port}/?pair=${i}&side=${side}`,
      headers: {},
      chatId: pair.chatId,
      pair: i,
      side,
    })),
  );
}

function lanternSpecs(
  port: number,
  pairs: BenchPair[],
  names: { staff: string; online: string; origin: string },
): ClientSocketSpec[] {
  const origin = names.origin;
  const url = `ws://127.0.0.1:${port}/api/online/socket`;
  return pairs.flatMap((pair, i) => [
    {
      url,
      headers: { origin, cookie: `${names.online}=${pair.youngPersonToken}` },
      chatId: pair.chatId,
      pair: i,
      side: 'y' as const,
    },
    {
      url,
      headers: { origin, cookie: `${names.staff}=${pair.counsellorToken}` },
      chatId: pair.chatId,
      pair: i,
      side: 'c' as const,
    },
  ]);
}

/**
 * The least any server storing each message before delivering it must do: one insert per batch
 * into a plain table (no checks, no numbering, no row-level security), batched by Lantern's own
 * group commit, on the same database and connection pool.
 */
async function plainStore(database: Database): Promise<StoreFrame> {
  await database.withOwnerConnection(async (owner) => {
    await owner.execute(sql`create table if not exists bench_relay_messages (id bigserial primary key,
      pair int not null, side text not null, body text not null, stored_at timestamptz not null default now())`);
    await owner.execute(sql.raw(`grant insert on bench_relay_messages to ${APP_ROLE}`));
    await owner.execute(sql.raw(`grant usage on sequence bench_relay_messages_id_seq to ${APP_ROLE}`));
  });
  type Frame = Parameters<StoreFrame>[0];
  const commit = new GroupCommit<Frame, true>(async (frames) => {
    await database.db.execute(sql`insert into bench_relay_messages (pair, side, body)
      select pair, side, body from jsonb_to_recordset(${JSON.stringify(frames)}::jsonb) as f(pair int, side text, body text)`);
    return frames.map(() => true as const);
  });
  return (frame) => commit.append(frame);
}

async function relayRun(label: string, pairs: BenchPair[], plan: Plan, store?: StoreFrame) {
  const relay = await startRelay({ store });
  try {
    return await measure(label, relaySpecs(relay.port, pairs), false, plan);
  } finally {
    await relay.close();
  }
}

export async function benchChatSockets(
  database: Database,
  options: { sockets: number; rate: number; seconds: number },
): Promise<ChatSocketFigures> {
  const pairCount = Math.floor(options.sockets / 2);
  if (pairCount < 1 || pairCount > 5000) throw new Error('--sockets must be between 2 and 10000');
  const plan = { rate: options.rate, seconds: options.seconds };
  const setupStart = performance.now();
  const pairs = await makeChatPairs(database.db, pairCount);
  const setupMs = performance.now() - setupStart;

  const bare = await relayRun('bare relay, no storage, no auth', pairs, plan);
  const storingRelay = await relayRun(
    'bare relay storing each message first (plain table, no checks)',
    pairs,
    plan,
    await plainStore(database),
  );
  // Its table goes, and its writes are flushed now, so they cost Lantern's run nothing.
  await database.withOwnerConnection(async (owner) => {
    await owner.execute(sql`drop table bench_relay_messages`);
    await owner.execute(sql`checkpoint`).catch(() => undefined);
  });

  // LOG_LEVEL=error shows why the server closed a socket, when it did.
  const logLevel = process.env.LOG_LEVEL as Config['LOG_LEVEL'] | undefined;
  const config = testConfig(logLevel ? { LOG_LEVEL: logLevel } : {});
  const app = await buildApp(config, { database, webAppFolder: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    // A browser's Origin on Lantern's own page: the socket refuses other sites.
    const names = {
      staff: sessionCookie(config).name,
      online: onlineSessionCookie(config).name,
      origin: `http://127.0.0.1:${port}`,
    };
    const stored = await measure(
      'Lantern /api/online/socket, stored',
      lanternSpecs(port, pairs, names),
      true,
      plan,
    );
    if (stored.opened === 0) {
      const why = stored.openFailures[0] ?? 'no socket opened';
      return {
        pairs: pairCount,
        setupMs,
        bare,
        storingRelay,
        stored: null,
        storedSkipped: `GET /api/online/socket: ${why}`,
      };
    }
    return { pairs: pairCount, setupMs, bare, storingRelay, stored, storedSkipped: null };
  } finally {
    await app.close();
  }
}
