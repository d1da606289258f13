import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import type { ChatMessage } from '../../contracts/online-chat.js';
import { openMigratedDatabase } from '../../db/migrate.js';
import { openChat } from '../../db/repositories/online-chats.repository.js';
import { withScope } from '../../db/scoped.js';
import { writeDemoArea } from '../../demo/write-demo-area.js';
import { staffSessionFor } from '../../services/online/chat-test-kit.js';
import { TEST_SEED } from '../../test-support/app.js';
import { createServerDatabase } from '../../test-support/databases.js';
import { demoOnlineService, ONLINE_COOKIE, youngPersonSession } from '../../test-support/online.js';
import { demoUserOfRole, SESSION_COOKIE } from '../../test-support/session.js';
import { connectionOver, eventually } from './socket-test-kit.js';

// Lantern as a real process, killed (SIGKILL) in the middle of a conversation and started again:
// the young person and the counsellor, each on the reconnecting client, end with every message
// exactly once and in order. Messages are stored before delivery, numbered per chat, resent with
// the same client id until acknowledged, and resumed after the last number held.
const kinds = process.env.DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);
const PER_SIDE = 30;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe.each(kinds)('killing the server mid-conversation (%s)', (kind) => {
  let dataDir = '';
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let port = 0;
  let server: ChildProcess | null = null;
  let youngCookie = '';
  let staffCookie = '';
  let chatId = '';

  const env = () => ({
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'silent',
    LANTERN_DEMO: 'off',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { LANTERN_DATA_DIR: dataDir }),
  });
  async function start() {
    server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/lantern.ts', 'start'], {
      env: env(),
      stdio: 'ignore',
    });
    await eventually(async () => {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      return response?.ok === true;
    }, 120_000);
  }
  function kill(): Promise<void> {
    const child = server;
    server = null;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  beforeAll(async () => {
    port = await freePort();
    if (kind === 'postgres') {
      const created = await createServerDatabase(process.env.DATABASE_URL as string);
      databaseUrl = created.url;
      dropDatabase = created.drop;
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'lantern-kill-'));
    }
    const { database } = await openMigratedDatabase({
      DATABASE_URL: databaseUrl,
      dataDir: dataDir || 'unused',
    });
    try {
      await writeDemoArea(database, { seed: TEST_SEED, scale: 1, referralMonths: 0 });
      const now = new Date();
      const yp = await youngPersonSession(database.db, { now });
      const counsellorId = demoUserOfRole('online-counsellor', 5).id;
      const staff = await staffSessionFor(database.db, counsellorId, now);
      const service = await demoOnlineService(database.db);
      const chat = await withScope(database.db, systemScope('kill test chat'), (tx) =>
        openChat(tx, {
          serviceId: service.id,
          accountId: yp.accountId,
          kind: 'drop-in',
          status: 'active',
          queuedAt: now,
          takenAt: now,
          counsellorUserId: counsellorId,
        }),
      );
      chatId = chat.id;
      youngCookie = `${ONLINE_COOKIE}=${yp.token}`;
      staffCookie = `${SESSION_COOKIE}=${staff.token}`;
    } finally {
      await database.close();
    }
    await start();
  }, 240_000);
  afterAll(async () => {
    await kill();
    await dropDatabase?.();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('ends with every message on both sides exactly once and in order', async () => {
    const url = `ws://127.0.0.1:${port}/api/online/socket`;
    const origin = `http://127.0.0.1:${port}`;
    const young = connectionOver(url, { cookie: youngCookie, origin });
    const staff = connectionOver(url, { cookie: staffCookie, origin });
    const youngGot: ChatMessage[] = [];
    const staffGot: ChatMessage[] = [];
    young.on('message', (m) => youngGot.push(m));
    staff.on('message', (m) => staffGot.push(m));
    young.follow(chatId);
    staff.follow(chatId);

    let restarted: Promise<void> | null = null;
    for (let i = 1; i <= PER_SIDE; i++) {
      young.send(chatId, `young ${i}`);
      staff.send(chatId, `staff ${i}`);
      if (i === PER_SIDE / 3) {
        // Mid-conversation: some messages stored, some in flight, some not yet sent.
        await eventually(() => youngGot.length > 0);
        await kill();
        restarted = start();
      }
      await new Promise((r) => setTimeout(r, 15));
    }
    await restarted;
    await eventually(
      () =>
        youngGot.length >= PER_SIDE * 2 &&
        staffGot.length >= PER_SIDE * 2 &&
        young.pending().length === 0 &&
        staff.pending().length === 0,
      120_000,
    );
    young.close();
    staff.close();

    const expectedSeqs = Array.from({ length: PER_SIDE * 2 }, (_, i) => i + 1);
    for (const got of [youngGot, staffGot]) {
      expect(got.map((m) => m.seq)).toEqual(expectedSeqs);
      const bodies = got.map((m) => m.body);
      for (const side of ['young', 'staff']) {
        expect(bodies.filter((b) => b.startsWith(`${side} `))).toEqual(
          Array.from({ length: PER_SIDE }, (_, i) => `${side} ${i + 1}`),
        );
      }
    }
    expect(youngGot.map((m) => m.body)).toEqual(staffGot.map((m) => m.body));
  });
});
