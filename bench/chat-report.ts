import type { ChatSocketFigures, SocketRun } from './chat-sockets.js';

// Prints the chat benchmark's figures (bench/chat-sockets.ts) and its verdict against the issue's
// target: stored p99 within 5 times the bare relay's p99, nothing lost, duplicated or reordered.

export const P99_RATIO_TARGET = 5;

const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

function line(run: SocketRun) {
  return [
    `${run.label}`,
    `  sockets ${run.opened} open (${run.openFailed} failed${run.openFailures.length ? `: ${run.openFailures.join(', ')}` : ''}) in ${(run.openMs / 1000).toFixed(1)} s; warm-up ${(run.warmMs / 1000).toFixed(1)} s, ${run.deaf} sockets never heard the other side`,
    `  messages sent ${run.sent} (not sent ${run.unsent}), delivered ${run.received}, ${run.perSecond.toFixed(0)}/s`,
    `  latency p50 ${ms(run.p50ms)}   p95 ${ms(run.p95ms)}   p99 ${ms(run.p99ms)}   max ${ms(run.maxms)}   (sender timer lag at worst ${run.maxSendLagMs.toFixed(1)} ms)`,
    `  slowest delivery in each second (ms): ${run.worstPerSecondMs.map((v) => v.toFixed(0)).join(' ')}`,
    `  lost (not delivered 30 s after sending stopped) ${run.lost}, duplicated ${run.duplicated}, reordered ${run.reordered}, sockets dropped by the server ${run.dropped}${run.droppedSample.length ? ` (${run.droppedSample.join('; ')})` : ''}, error frames ${run.errors}${run.errorSample.length ? ` (${run.errorSample.join('; ')})` : ''}`,
    `  server while sending: event loop late by p99 ${run.serverPauses.loopDelayP99Ms.toFixed(1)} ms, at worst ${run.serverPauses.loopDelayMaxMs.toFixed(1)} ms; ${run.serverPauses.minorGcs} minor and ${run.serverPauses.majorGcs} major garbage collections, the longest ${run.serverPauses.longestGcMs.toFixed(1)} ms; CPU ${(run.serverPauses.cpuMs / 1000).toFixed(1)} s (${run.sent > 0 ? ((run.serverPauses.cpuMs * 1000) / run.sent).toFixed(0) : '-'} µs a message)`,
    `  server memory per idle socket: RSS ${run.rssKiBPerSocket.toFixed(1)} KiB, JS heap + buffers ${run.heapKiBPerSocket.toFixed(1)} KiB`,
  ].join('\n');
}

/** Whether the stored run meets the issue's target; null when there was no stored run. */
export function verdict(figures: ChatSocketFigures): { ratio: number; isMet: boolean } | null {
  const { bare, stored } = figures;
  if (!stored) return null;
  const ratio = bare.p99ms > 0 ? stored.p99ms / bare.p99ms : Number.POSITIVE_INFINITY;
  const isWhole =
    stored.sent > 0 &&
    stored.unsent === 0 &&
    stored.lost === 0 &&
    stored.duplicated === 0 &&
    stored.reordered === 0 &&
    stored.openFailed === 0 &&
    stored.dropped === 0;
  return { ratio, isMet: ratio <= P99_RATIO_TARGET && isWhole };
}

export function printChatSockets(
  databaseKind: string,
  options: { sockets: number; rate: number; seconds: number },
  figures: ChatSocketFigures,
) {
  console.log(
    `Online support chat: ${databaseKind}, ${figures.pairs * 2} sockets (${figures.pairs} chats), ${options.rate} messages/s in total for ${options.seconds} s; target p99(stored)/p99(bare) <= ${P99_RATIO_TARGET}, nothing lost or reordered`,
  );
  if (databaseKind !== 'postgres') {
    console.log(
      '(PGlite runs every query on one connection in this process: the figure of record is on PostgreSQL.)',
    );
  }
  console.log(
    `set-up: ${figures.pairs} young people, counsellors, sessions and active chats in ${(figures.setupMs / 1000).toFixed(1)} s\n`,
  );
  console.log(line(figures.bare));
  console.log('');
  console.log(line(figures.storingRelay));
  console.log(
    `  (the floor for storing before delivering on this machine: p99 ${(figures.storingRelay.p99ms / figures.bare.p99ms).toFixed(2)} times the bare relay's)\n`,
  );
  if (!figures.stored) {
    console.log(`stored run not made: ${figures.storedSkipped}\n`);
    return;
  }
  console.log(line(figures.stored));
  console.log('');
  const result = verdict(figures);
  if (!result) return;
  console.log(`ratio p99 stored / bare: ${result.ratio.toFixed(2)}`);
  console.log(
    `target p99 within ${P99_RATIO_TARGET}x and nothing lost, duplicated or reordered: ${result.isMet ? 'met' : 'NOT met'}\n`,
  );
}
