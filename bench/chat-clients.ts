import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

// The chat benchmark's clients, in their own process (forked by bench/chat-sockets.ts) so the
// load generator never shares the server's event loop. The parent drives it over IPC, one step at a
// time, so it can measure the server's memory between steps:
//   open  -> connect every socket (cookies in the upgrade request) and send `resume`;
//   warm  -> every pair exchanges a message each way, until each side has heard the other;
//   run   -> open-loop, paced sending at a fixed total rate, then a drain; replies with figures;
//   close -> close every socket and exit.
// Open loop: messages go out on a fixed timetable whatever the server does (a send never waits for
// a reply), so a slow server cannot slow the senders down and hide its own delay. Latency is from
// the moment of sending (in the message's body) to its arrival at the other socket of the pair; how
// late the timetable ran in this process is reported on its own (`maxSendLagMs`).

export interface ClientSocketSpec {
  url: string;
  headers: Record<string, string>;
  chatId: string;
  pair: number;
  side: 'y' | 'c';
}

export type ClientCommand =
  | { cmd: 'open'; sockets: ClientSocketSpec[]; concurrency: number; resume: boolean }
  | { cmd: 'warm'; rounds: number; timeoutMs: number }
  | { cmd: 'run'; rate: number; seconds: number; drainMs: number }
  | { cmd: 'close' };

export interface RunFigures {
  sent: number;
  unsent: number;
  received: number;
  lost: number;
  duplicated: number;
  reordered: number;
  errors: number;
  dropped: number;
  /** The close code and reason of the first few sockets the server closed. */
  droppedSample: string[];
  errorSample: string[];
  perSecond: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
  maxms: number;
  /** How late the sender's timer was at worst, so a starved load generator shows. */
  maxSendLagMs: number;
  /** The slowest delivery in each second of the run, in order: shows whether the tail is spread or in bursts. */
  worstPerSecondMs: number[];
}

interface Client {
  spec: ClientSocketSpec;
  socket: WebSocket | null;
  sentN: number;
  seen: Set<number>;
  maxSeen: number;
  warmSeen: Set<number>;
}

const clients: Client[] = [];
let latencies = new Float64Array(0);
/** When each measured message arrived, for the worst delivery second by second. */
let arrivals = new Float64Array(0);
let received = 0;
let duplicated = 0;
let reordered = 0;
let errors = 0;
/** Sockets the server closed before the harness did (a failed frame, an ended session). */
let dropped = 0;
const droppedSample: string[] = [];
let isClosing = false;
let lastArrival = 0;
const errorSample: string[] = [];

function reply(message: object) {
  process.send?.(message);
}

/** The body and chat of a chat message, from Lantern's `message` frame or the relay's forwarded `send`. */
function messageOf(frame: Record<string, unknown>): { chatId: unknown; body: unknown } | null {
  if (frame.type === 'message' && frame.message && typeof frame.message === 'object') {
    const message = frame.message as Record<string, unknown>;
    return { chatId: message.chatId, body: message.body };
  }
  if (frame.type === 'send') return { chatId: frame.chatId, body: frame.body };
  if (frame.type === 'error') {
    errors++;
    if (errorSample.length < 5) errorSample.push(String(frame.detail));
  }
  return null;
}

function onFrame(client: Client, data: WebSocket.RawData) {
  const now = performance.now();
  const message = messageOf(JSON.parse(data.toString()));
  if (!message || message.chatId !== client.spec.chatId || typeof message.body !== 'string') return;
  // Body: "<w|m> <side> <n> <scheduled ms>"; a socket ignores its own messages echoed back.
  const [kind, side, nText, atText] = message.body.split(' ');
  if (side === client.spec.side) return;
  const n = Number(nText);
  if (kind === 'w') {
    client.warmSeen.add(n);
    return;
  }
  if (client.seen.has(n)) {
    duplicated++;
    return;
  }
  client.seen.add(n);
  if (n < client.maxSeen) reordered++;
  client.maxSeen = Math.max(client.maxSeen, n);
  if (received < latencies.length) {
    latencies[received] = now - Number(atText);
    arrivals[received] = now;
  }
  received++;
  lastArrival = now;
}

function send(client: Client, kind: 'w' | 'm', n: number, at: number): boolean {
  const socket = client.socket;
  if (!socket || socket.readyState !== WebSocket.OPEN) return false;
  const { chatId, pair, side } = client.spec;
  const body = `${kind} ${side} ${n} ${at.toFixed(3)}`;
  socket.send(
    JSON.stringify({ type: 'send', chatId, clientMessageId: `bench-${kind}-${pair}-${side}-${n}`, body }),
  );
  return true;
}

function connect(spec: ClientSocketSpec, resume: boolean): Promise<string | null> {
  return new Promise((resolve) => {
    const client: Client = {
      spec,
      socket: null,
      sentN: 0,
      seen: new Set(),
      maxSeen: -1,
      warmSeen: new Set(),
    };
    const socket = new WebSocket(spec.url, { headers: spec.headers, perMessageDeflate: false });
    socket.on('message', (data) => onFrame(client, data));
    socket.on('close', (code, reason) => {
      if (!client.socket || isClosing) return;
      dropped++;
      if (droppedSample.length < 3) droppedSample.push(`${code} ${reason.toString()}`);
    });
    socket.once('open', () => {
      client.socket = socket;
      clients.push(client);
      if (resume) socket.send(JSON.stringify({ type: 'resume', chatId: spec.chatId, afterSeq: 0 }));
      resolve(null);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(`HTTP ${response.statusCode}`);
      socket.terminate();
    });
    socket.on('error', (error) => resolve(error.message));
  });
}

async function open(command: Extract<ClientCommand, { cmd: 'open' }>) {
  const start = performance.now();
  const failures: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: command.concurrency }, async () => {
      while (next < command.sockets.length) {
        const spec = command.sockets[next++];
        if (!spec) break;
        const failure = await connect(spec, command.resume);
        if (failure) failures.push(failure);
      }
    }),
  );
  reply({
    step: 'open',
    opened: clients.length,
    failed: failures.length,
    failures: failures.slice(0, 5),
    ms: performance.now() - start,
  });
}

async function until(done: () => boolean, timeoutMs: number) {
  const end = performance.now() + timeoutMs;
  while (!done() && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
  return done();
}

async function warm(command: Extract<ClientCommand, { cmd: 'warm' }>) {
  const start = performance.now();
  let ready = true;
  for (let round = 0; round < command.rounds; round++) {
    for (const client of clients) send(client, 'w', round, performance.now());
    ready = await until(() => clients.every((client) => client.warmSeen.has(round)), command.timeoutMs);
  }
  const deaf = clients.filter((client) => !client.warmSeen.has(command.rounds - 1)).length;
  reply({ step: 'warm', ready, deaf, ms: performance.now() - start });
}

function worstPerSecond(start: number, count: number): number[] {
  const worst: number[] = [];
  for (let i = 0; i < count; i++) {
    const second = Math.max(0, Math.floor(((arrivals[i] ?? start) - start) / 1000));
    worst[second] = Math.max(worst[second] ?? 0, latencies[i] ?? 0);
  }
  return Array.from(worst, (ms) => ms ?? 0);
}

async function run(command: Extract<ClientCommand, { cmd: 'run' }>) {
  const total = Math.round(command.rate * command.seconds);
  const interval = 1000 / command.rate;
  const byPair = new Map<number, { y?: Client; c?: Client }>();
  for (const client of clients) {
    const pair = byPair.get(client.spec.pair) ?? {};
    pair[client.spec.side] = client;
    byPair.set(client.spec.pair, pair);
  }
  const pairs = [...byPair.values()].filter((pair) => pair.y && pair.c) as { y: Client; c: Client }[];
  latencies = new Float64Array(total);
  arrivals = new Float64Array(total);
  received = 0;
  let sent = 0;
  let unsent = 0;
  let maxSendLagMs = 0;
  const start = performance.now() + 50;
  await new Promise<void>((resolve) => {
    let k = 0;
    const tick = () => {
      const now = performance.now();
      while (k < total && start + k * interval <= now) {
        const at = start + k * interval;
        maxSendLagMs = Math.max(maxSendLagMs, now - at);
        // Message k goes from pair k mod P; the pair's two sides take turns, round by round.
        const pairIndex = k % pairs.length;
        const pair = pairs[pairIndex];
        const round = Math.floor(k / pairs.length);
        const sender = pair ? ((round + pairIndex) % 2 === 0 ? pair.y : pair.c) : undefined;
        if (sender && send(sender, 'm', sender.sentN, performance.now())) {
          sender.sentN++;
          sent++;
        } else unsent++;
        k++;
      }
      if (k < total) setTimeout(tick, Math.max(0, start + k * interval - performance.now()));
      else resolve();
    };
    setTimeout(tick, 50);
  });
  await until(() => received + duplicated >= sent, command.drainMs);
  const measured = Array.from(latencies.subarray(0, Math.min(received, latencies.length))).sort(
    (a, b) => a - b,
  );
  const at = (q: number) => measured[Math.min(measured.length - 1, Math.floor(measured.length * q))] ?? 0;
  const figures: RunFigures = {
    sent,
    unsent,
    received,
    lost: sent - received,
    duplicated,
    reordered,
    errors,
    dropped,
    droppedSample,
    errorSample,
    perSecond: received > 0 ? (received * 1000) / (lastArrival - start) : 0,
    p50ms: at(0.5),
    p95ms: at(0.95),
    p99ms: at(0.99),
    maxms: measured.at(-1) ?? 0,
    maxSendLagMs,
    worstPerSecondMs: worstPerSecond(start, Math.min(received, latencies.length)),
  };
  reply({ step: 'run', figures });
}

async function close() {
  isClosing = true;
  await Promise.all(
    clients.map(
      (client) =>
        new Promise<void>((resolve) => {
          const socket = client.socket;
          if (!socket || socket.readyState === WebSocket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.close();
          setTimeout(() => {
            socket.terminate();
            resolve();
          }, 2000);
        }),
    ),
  );
  reply({ step: 'close' });
  process.disconnect?.();
  process.exit(0);
}

process.on('message', (command: ClientCommand) => {
  const step =
    command.cmd === 'open'
      ? open(command)
      : command.cmd === 'warm'
        ? warm(command)
        : command.cmd === 'run'
          ? run(command)
          : close();
  step.catch((error: unknown) => {
    reply({ step: 'failed', error: String(error) });
  });
});
