import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { referralAnswers } from '../src/test-support/referral-answers.js';

// The HTTP load for the referral submission benchmark, run as its own process
// (`tsx bench/referral-load.ts <port> <connections> <seconds>`) so that generating requests does
// not take CPU from the Lantern process being measured. Prints one JSON line with the figures.

const GIVEN = ['Amara', 'Oliver', 'Zainab', 'Jack', 'Mia', 'Kacper', 'Isla', 'Yusuf', 'Freya', 'Tomasz'];
const base = referralAnswers();
let made = 0;

function nextBody(): string {
  const n = made++;
  return JSON.stringify({
    ...base,
    child: { ...base.child, givenName: GIVEN[n % GIVEN.length], familyName: `Load-${n}` },
  });
}

const [port, connections, seconds] = process.argv.slice(2).map(Number) as [number, number, number];
const latencies: number[] = [];
const instance = autocannon(
  {
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/referrals/public',
        setupRequest: (request) => ({
          ...request,
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: nextBody(),
        }),
      },
    ],
  },
  (error, result) => {
    if (error) throw error;
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
    const failed = result.non2xx + result.errors + result.timeouts;
    process.stdout.write(
      `${JSON.stringify({ perSecond: result.requests.total / seconds, p50ms: at(0.5), p95ms: at(0.95), p99ms: at(0.99), failed })}\n`,
    );
  },
);
instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
