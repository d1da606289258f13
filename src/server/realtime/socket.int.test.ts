import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { appendChatMessage } from '../../db/repositories/online-chats.repository.js';
import { sessions } from '../../db/schema/identity.js';
import { onlineAlerts, onlineChats, onlineSessions } from '../../db/schema/online.js';
import { withScope } from '../../db/scoped.js';
import { sha256 } from '../../services/identity/credentials.js';
import { staffSessionFor } from '../../services/online/chat-test-kit.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asYoungPerson,
  ONLINE_COOKIE,
  type YoungPersonSession,
  youngPersonSession,
} from '../../test-support/online.js';
import {
  asSession,
  demoUserOfRole,
  SESSION_COOKIE,
  type Session,
  testClock,
} from '../../test-support/session.js';
import { SESSION_ENDED_CODE } from './socket.js';
import { type CookieAuth, connectionOver, eventually, FrameClient } from './socket-test-kit.js';

// The chat socket with real `ws` clients against a listening app: resuming after a gap, resends
// that are never stored or delivered twice, risk phrases seen by staff only, and who may connect.
describe.each(testDatabases)('the chat socket on $name', (factory) => {
  const clock = testClock('2026-12-01T15:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let url: string;
  let origin: string;
  let counsellor: Session;
  let duty: Session;
  let yp: YoungPersonSession;
  let bystander: YoungPersonSession;
  let chatId: string;
  const clients: FrameClient[] = [];

  const youngAuth = (s: YoungPersonSession): CookieAuth => ({
    cookie: `${ONLINE_COOKIE}=${s.token}`,
    origin,
  });
  const staffAuth = (s: Session): CookieAuth => ({ cookie: `${SESSION_COOKIE}=${s.token}`, origin });
  const open = async (auth: CookieAuth) => {
    const client = await FrameClient.open(url, auth);
    clients.push(client);
    return client;
  };
  const ack = (client: FrameClient, clientMessageId: string) =>
    client.next((f) => f.type === 'ack' && f.clientMessageId === clientMessageId);

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as AddressInfo;
    url = `ws://127.0.0.1:${port}/api/online/socket`;
    origin = `http://127.0.0.1:${port}`;
    const db = ctx.database.db;
    counsellor = await staffSessionFor(db, demoUserOfRole('online-counsellor', 2).id, clock.now());
    duty = await staffSessionFor(db, demoUserOfRole('online-duty-senior', 0).id, clock.now());
    yp = await youngPersonSession(db, { now: clock.now() });
    bystander = await youngPersonSession(db, { now: clock.now() });
    const joined = await ctx.app.inject({ method: 'POST', url: '/api/online/chats', ...asYoungPerson(yp) });
    chatId = joined.json().id;
    const taken = await ctx.app.inject({
      method: 'POST',
      url: '/api/online/queue/take',
      ...asSession(counsellor),
      payload: { chatId },
    });
    expect(taken.statusCode, taken.body).toBe(200);
  }, 240_000);
  afterAll(async () => {
    for (const client of clients) client.close();
    await ctx?.dispose();
  });

  it('refuses anonymous sockets and sockets from another site', async () => {
    await expect(FrameClient.open(url, { cookie: '', origin })).rejects.toThrow(/401/);
    await expect(FrameClient.open(url, { ...youngAuth(yp), origin: 'https://evil.example' })).rejects.toThrow(
      /403/,
    );
  });

  it('resumes after a gap with every later message in order, and never stores or delivers a resend twice', async () => {
    const young = await open(youngAuth(yp));
    young.send({ type: 'resume', chatId, afterSeq: 0 });
    for (const n of [1, 2, 3]) {
      young.send({ type: 'send', chatId, clientMessageId: `first-batch-${n}`, body: `Hello ${n}` });
      await ack(young, `first-batch-${n}`);
    }
    // The counsellor already has message 1: resuming after it brings 2 and 3, in order.
    const staff = await open(staffAuth(counsellor));
    staff.send({ type: 'resume', chatId, afterSeq: 1 });
    await staff.next((f) => f.type === 'message' && f.message.seq === 3);
    expect(staff.messages(chatId).map((m) => m.seq)).toEqual([2, 3]);
    expect(staff.messages(chatId)[0]).toMatchObject({ senderKind: 'young-person', body: 'Hello 2' });

    // A resend after a dropped connection: acknowledged with the stored number, not delivered again.
    young.send({ type: 'send', chatId, clientMessageId: 'first-batch-2', body: 'Hello 2' });
    const again = await young.next(
      (f) =>
        f.type === 'ack' &&
        f.clientMessageId === 'first-batch-2' &&
        young.frames.filter((g) => g.type === 'ack' && g.clientMessageId === 'first-batch-2').length === 2,
    );
    expect(again).toMatchObject({ seq: 2 });
    staff.send({ type: 'send', chatId, clientMessageId: 'staff-reply-1', body: 'Hi, I am here' });
    await ack(staff, 'staff-reply-1');
    await young.next((f) => f.type === 'message' && f.message.clientMessageId === 'staff-reply-1');
    await staff.next((f) => f.type === 'message' && f.message.clientMessageId === 'staff-reply-1');
    expect(staff.messages(chatId).map((m) => m.seq)).toEqual([2, 3, 4]);
    expect(young.messages(chatId).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    const reply = young.messages(chatId)[3];
    expect(reply?.senderLabel).toMatch(/^Counsellor \S+$/);
    expect(young.messages(chatId)[0]?.senderLabel).toBe('You');
    expect(staff.messages(chatId).at(-1)?.senderLabel).toBe('You');
  });

  it('highlights a risk phrase to staff only, and puts an alert on the duty board', async () => {
    const young = await open(youngAuth(yp));
    const staff = await open(staffAuth(counsellor));
    const board = await open(staffAuth(duty));
    board.send({ type: 'watch', what: 'duty-board' });
    young.send({ type: 'resume', chatId, afterSeq: 0 });
    staff.send({ type: 'resume', chatId, afterSeq: 0 });
    await young.next((f) => f.type === 'message' && f.message.seq === 4);
    await staff.next((f) => f.type === 'message' && f.message.seq === 4);
    // Give the board's watch frame its turn before the message that raises the alert.
    board.send({ type: 'ping' });
    await board.next((f) => f.type === 'pong');
    young.send({ type: 'send', chatId, clientMessageId: 'risky-message', body: 'Sometimes I want to die' });
    const seen = await staff.next(
      (f) => f.type === 'message' && f.message.clientMessageId === 'risky-message',
    );
    expect(seen.type === 'message' && seen.message.riskMatches).toEqual([
      expect.objectContaining({ phrase: 'want to die', category: 'suicide' }),
    ]);
    await young.next((f) => f.type === 'message' && f.message.clientMessageId === 'risky-message');
    await board.next((f) => f.type === 'duty-board-changed');
    for (const frame of young.frames) expect(JSON.stringify(frame)).not.toMatch(/riskMatches|senderUserId/);
    const alerts = await withScope(ctx.database.db, systemScope('test'), (tx) =>
      tx
        .select()
        .from(onlineAlerts)
        .where(and(eq(onlineAlerts.chatId, chatId), eq(onlineAlerts.kind, 'risk-phrase'))),
    );
    expect(alerts).toHaveLength(1);
  });

  it('keeps a young person to their own chats and staff to the chats they hold', async () => {
    const other = await open(youngAuth(bystander));
    other.send({ type: 'resume', chatId, afterSeq: 0 });
    other.send({ type: 'send', chatId, clientMessageId: 'not-my-chat', body: 'hello' });
    const refused = await other.next((f) => f.type === 'error' && f.clientMessageId === 'not-my-chat');
    expect(refused).toMatchObject({ chatId });
    expect(other.messages(chatId)).toEqual([]);
    const notHolding = await staffSessionFor(
      ctx.database.db,
      demoUserOfRole('online-counsellor', 3).id,
      clock.now(),
    );
    const staff = await open(staffAuth(notHolding));
    staff.send({ type: 'resume', chatId, afterSeq: 0 });
    await staff.next((f) => f.type === 'error' && f.chatId === chatId);
    expect(staff.messages(chatId)).toEqual([]);
  });

  it('delivers with the reconnecting client, exactly once and in order, across a dropped socket', async () => {
    const sockets: { terminate(): void }[] = [];
    const young = connectionOver(url, youngAuth(yp), (socket) => sockets.push(socket));
    const got: number[] = [];
    young.on('message', (m) => got.push(m.seq));
    young.follow(chatId, 0);
    await eventually(() => got.length >= 5);
    young.send(chatId, 'before the drop');
    await eventually(() => young.pending().length === 0);
    // The connection drops (as a phone's does); both sides keep talking.
    for (const socket of sockets) socket.terminate();
    young.send(chatId, 'after the drop');
    const staff = await open(staffAuth(counsellor));
    staff.send({ type: 'send', chatId, clientMessageId: 'staff-after-drop', body: 'Still here' });
    await eventually(() => got.length >= 8 && young.pending().length === 0);
    expect(got).toEqual(Array.from({ length: got.length }, (_, i) => i + 1));
    young.close();
  });

  it('delivers in order when a later message is published before an earlier one', async () => {
    const db = ctx.database.db;
    const young = await open(youngAuth(yp));
    young.send({ type: 'resume', chatId, afterSeq: 0 });
    const [chat] = await withScope(db, systemScope('test'), (tx) =>
      tx.select().from(onlineChats).where(eq(onlineChats.id, chatId)),
    );
    const last = chat?.lastSeq ?? 0;
    await young.next((f) => f.type === 'message' && f.message.seq === last);
    // Message last + 1 is stored but its publication has not come (a slow node, a slow commit)...
    await withScope(db, systemScope('test'), (tx) =>
      appendChatMessage(tx, {
        chatId,
        senderKind: 'counsellor',
        senderUserId: demoUserOfRole('online-counsellor', 2).id,
        clientMessageId: 'published-late',
        body: 'Stored first',
        riskMatches: null,
        sentAt: clock.now(),
      }),
    );
    // ...when last + 2 is published: it waits for the gap, which is then read from the database.
    const staff = await open(staffAuth(counsellor));
    staff.send({ type: 'send', chatId, clientMessageId: 'published-first', body: 'Stored second' });
    await young.next((f) => f.type === 'message' && f.message.seq === last + 2);
    const seqs = young.messages(chatId).map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: last + 2 }, (_, i) => i + 1));
    expect(young.messages(chatId).at(-2)?.body).toBe('Stored first');
  });

  it('closes the socket when the session ends, once the sweep has checked it', async () => {
    const session = await youngPersonSession(ctx.database.db, { now: clock.now() });
    const young = await open(youngAuth(session));
    const live = await open(youngAuth(bystander));
    await withScope(ctx.database.db, systemScope('test'), (tx) =>
      tx
        .update(onlineSessions)
        .set({ endedAt: clock.now(), endReason: 'signed-out' })
        .where(eq(onlineSessions.tokenHash, sha256(session.token))),
    );
    // The app's sweep checks every open socket once its clock has moved on 15 seconds.
    clock.advance(20_000);
    expect(await young.closed()).toBe(SESSION_ENDED_CODE);
    // The sweep that closed it checked the others too: a live session's socket stays open.
    live.send({ type: 'ping' });
    await live.next((f) => f.type === 'pong');
    expect(live.closeCode).toBeNull();
  });

  it('closes a counsellor’s socket when their session ends', async () => {
    const db = ctx.database.db;
    const session = await staffSessionFor(db, demoUserOfRole('online-counsellor', 5).id, clock.now());
    const staff = await open(staffAuth(session));
    staff.send({ type: 'ping' });
    await staff.next((f) => f.type === 'pong');
    await withScope(db, systemScope('test'), (tx) =>
      tx
        .update(sessions)
        .set({ endedAt: clock.now(), endReason: 'signed-out' })
        .where(eq(sessions.tokenHash, sha256(session.token))),
    );
    clock.advance(20_000);
    expect(await staff.closed()).toBe(SESSION_ENDED_CODE);
  });
});
