import type { AddressInfo } from 'node:net';
import { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoArea } from '../../demo/write-demo-area.js';
import { staffSessionFor } from '../../services/online/chat-test-kit.js';
import { TEST_SEED } from '../../test-support/app.js';
import { type TestDatabase, testDatabases } from '../../test-support/databases.js';
import { asYoungPerson, ONLINE_COOKIE, youngPersonSession } from '../../test-support/online.js';
import { asSession, demoUserOfRole, SESSION_COOKIE, testClock } from '../../test-support/session.js';
import { buildApp } from '../app.js';
import { testConfig } from '../config.js';
import { connectionOver, eventually } from './socket-test-kit.js';

// Two Lantern processes' apps sharing one database, each with a Redis hub: a young person on one
// and a counsellor on the other talk normally. Runs whenever Redis answers (CI has it).
const REDIS_URL = 'redis://127.0.0.1:6379';

function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(6379, '127.0.0.1');
  });
}
const hasRedis = await redisAnswers();

describe.runIf(hasRedis).each(testDatabases)('two nodes through Redis on $name', (factory) => {
  const clock = testClock('2026-12-01T15:00:00Z');
  let testDb: TestDatabase;
  const apps: FastifyInstance[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    testDb = await factory.create();
    await writeDemoArea(testDb.database, { seed: TEST_SEED, scale: 1, referralMonths: 0 });
    for (let i = 0; i < 2; i++) {
      const app = await buildApp(testConfig({ REDIS_URL }), {
        database: testDb.database,
        now: clock.now,
        webAppFolder: '/nonexistent-web-build',
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      apps.push(app);
      urls.push(`127.0.0.1:${(app.server.address() as AddressInfo).port}`);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await testDb?.dispose();
  });

  it('carries messages both ways between a young person on one node and a counsellor on the other', async () => {
    const [one, two] = apps as [FastifyInstance, FastifyInstance];
    const db = testDb.database.db;
    const yp = await youngPersonSession(db, { now: clock.now() });
    const counsellor = await staffSessionFor(db, demoUserOfRole('online-counsellor', 4).id, clock.now());
    const chatId = (
      await one.inject({ method: 'POST', url: '/api/online/chats', ...asYoungPerson(yp) })
    ).json().id;
    const taken = await two.inject({
      method: 'POST',
      url: '/api/online/queue/take',
      ...asSession(counsellor),
      payload: { chatId },
    });
    expect(taken.statusCode, taken.body).toBe(200);

    const young = connectionOver(`ws://${urls[0]}/api/online/socket`, {
      cookie: `${ONLINE_COOKIE}=${yp.token}`,
      origin: `http://${urls[0]}`,
    });
    const staff = connectionOver(`ws://${urls[1]}/api/online/socket`, {
      cookie: `${SESSION_COOKIE}=${counsellor.token}`,
      origin: `http://${urls[1]}`,
    });
    const youngGot: string[] = [];
    const staffGot: string[] = [];
    young.on('message', (m) => youngGot.push(m.body));
    staff.on('message', (m) => staffGot.push(m.body));
    young.follow(chatId);
    staff.follow(chatId);
    await eventually(() => young.status() === 'open' && staff.status() === 'open');
    for (let i = 1; i <= 5; i++) {
      young.send(chatId, `young ${i}`);
      staff.send(chatId, `staff ${i}`);
    }
    await eventually(() => youngGot.length === 10 && staffGot.length === 10);
    expect(youngGot).toEqual(staffGot);
    expect(youngGot.filter((b) => b.startsWith('young'))).toEqual([
      'young 1',
      'young 2',
      'young 3',
      'young 4',
      'young 5',
    ]);
    expect(staffGot.filter((b) => b.startsWith('staff'))).toEqual([
      'staff 1',
      'staff 2',
      'staff 3',
      'staff 4',
      'staff 5',
    ]);
    // The young person's own frames stay free of staff-only fields even when they crossed Redis.
    const detail = (await one.inject({ url: `/api/online/chats/${chatId}`, ...asYoungPerson(yp) })).json();
    expect(detail.messages.map((m: { body: string }) => m.body)).toEqual(youngGot);
    young.close();
    staff.close();
  });
});
