import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { openChat } from '../../db/repositories/online-chats.repository.js';
import { accessLog, auditLog } from '../../db/schema/audit.js';
import {
  journalEntries,
  onlineAccounts,
  onlineAlerts,
  onlineChats,
  onlineRiskAssessments,
  onlineServices,
} from '../../db/schema/online.js';
import { withScope } from '../../db/scoped.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asYoungPerson,
  demoOnlineService,
  type YoungPersonSession,
  youngPersonSession,
} from '../../test-support/online.js';
import {
  asSession,
  demoIdentity,
  demoUserOfRole,
  enrolledDemoUser,
  MINUTE,
  type Session,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

// A counsellor books a session for a young person they have chatted with; the young person sees it,
// cancels one and starts another; messages go both ways with read markers; a risk phrase in a
// message reaches the duty board; nobody reaches an account outside their scope.
describe.each(testDatabases)('online bookings and messages on $name', (factory) => {
  // Tuesday 1 December 2026, 5pm in London: the service is open 12:00 to 22:00.
  const clock = testClock('2026-12-01T17:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let counsellor: Session;
  let senior: Session;
  let sam: YoungPersonSession;
  let alex: YoungPersonSession;
  let stranger: YoungPersonSession;
  let elsewhereAccountId: string;
  const counsellorUser = enrolledDemoUser('online-counsellor');
  const seniorUser = enrolledDemoUser('online-duty-senior');
  const colleague = demoUserOfRole('online-counsellor', 1);
  const emhp = demoUserOfRole('emhp');

  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(ctx.database.db, systemScope('test'), work);

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
    counsellor = await signInWithTotp(ctx.app, counsellorUser, { remoteAddress: '10.9.0.1', now: clock.now });
    senior = await signInWithTotp(ctx.app, seniorUser, { remoteAddress: '10.9.0.2', now: clock.now });
    const now = clock.now();
    sam = await youngPersonSession(ctx.database.db, { now, age: 14 });
    alex = await youngPersonSession(ctx.database.db, { now });
    stranger = await youngPersonSession(ctx.database.db, { now });
    const service = await demoOnlineService(ctx.database.db);
    const otherOrganisation = demoIdentity.users.find((u) => u.email === 'commissioner@demo.lantern.example')
      ?.organisationId as string;
    await asSystem(async (tx) => {
      // Earlier drop-in chats with the named counsellor: Sam's has a risk assessment and a note.
      for (const [account, note] of [
        [sam.accountId, 'Talked about exam worries. Try the breathing exercise.'],
        [alex.accountId, null],
      ] as const) {
        const chat = await openChat(tx, {
          serviceId: service.id,
          accountId: account,
          kind: 'drop-in',
          status: 'ended',
          queuedAt: new Date(now.getTime() - 3 * 24 * 60 * MINUTE),
          takenAt: new Date(now.getTime() - 3 * 24 * 60 * MINUTE + 5 * MINUTE),
          counsellorUserId: counsellorUser.id,
        });
        await tx
          .update(onlineChats)
          .set({ endedAt: new Date(chat.queuedAt.getTime() + 45 * MINUTE), summaryNote: note })
          .where(eq(onlineChats.id, chat.id));
        if (note) {
          await tx.insert(onlineRiskAssessments).values({
            chatId: chat.id,
            accountId: account,
            level: 'low',
            recordedAt: now,
            recordedBy: counsellorUser.id,
          });
        }
      }
      await tx
        .insert(journalEntries)
        .values({ accountId: sam.accountId, body: 'PRIVATE JOURNAL WORDS', writtenAt: now });
      // A young person of another organisation's online service.
      const [elsewhere] = await tx
        .insert(onlineServices)
        .values({ organisationId: otherOrganisation, name: 'Elsewhere Online', openingHours: [] })
        .returning();
      const [account] = await tx
        .insert(onlineAccounts)
        .values({
          serviceId: elsewhere?.id as string,
          organisationId: otherOrganisation,
          username: `elsewhere-${randomUUID().slice(0, 8)}`,
          usernameKey: `elsewhere-${randomUUID().slice(0, 8)}`,
          passwordHash: 'x',
          ageAtSignUp: 15,
          gender: 'boy',
          heardFrom: 'school',
          signedUpAt: now,
        })
        .returning();
      elsewhereAccountId = account?.id as string;
    });
  }, 120_000);
  afterAll(() => ctx?.dispose());

  const staff = (session: Session, method: 'GET' | 'POST', url: string, payload?: object, headers = {}) =>
    ctx.app.inject({ method, url, ...(payload ? { payload } : {}), ...asSession(session, { headers }) });
  const young = (
    session: YoungPersonSession,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    ctx.app.inject({ method, url, ...(payload ? { payload } : {}), ...asYoungPerson(session, { headers }) });
  const accessRows = async (accountId: string, outcome: string) =>
    (
      await ctx.database.db
        .select()
        .from(accessLog)
        .where(
          and(
            eq(accessLog.subjectKind, 'online-account'),
            eq(accessLog.subjectId, accountId),
            eq(accessLog.outcome, outcome),
          ),
        )
    ).length;

  /** Moves the clock on in steps, using every session on the way so none times out idle. */
  async function moveClockTo(iso: string) {
    while (clock.now().getTime() < new Date(iso).getTime()) {
      clock.advance(Math.min(20 * MINUTE, new Date(iso).getTime() - clock.now().getTime()));
      for (const session of [counsellor, senior]) await staff(session, 'GET', '/api/session');
      for (const session of [sam, alex, stranger]) await young(session, 'GET', '/api/online/bookings');
    }
  }

  // 6:30pm London on Tuesday 1 December (GMT).
  const evening = '2026-12-01T18:30:00Z';
  let samBookingId: string;

  it('books a session for a young person the counsellor has chatted with, once per key', async () => {
    const key = randomUUID();
    const path = `/api/online/young-people/${sam.accountId}/bookings`;
    const first = await staff(
      counsellor,
      'POST',
      path,
      { startsAt: evening, minutes: 50 },
      { 'idempotency-key': key },
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().when).toBe('Today at 6:30pm');
    samBookingId = first.json().id;
    const replay = await staff(
      counsellor,
      'POST',
      path,
      { startsAt: evening, minutes: 50 },
      { 'idempotency-key': key },
    );
    expect(replay.json().id).toBe(samBookingId);
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, samBookingId));
    expect(audits.map((a) => a.action)).toEqual(['book']);
  });

  it('refuses a double booking of the counsellor, a closed time and a young person never chatted with', async () => {
    const clash = await staff(counsellor, 'POST', `/api/online/young-people/${alex.accountId}/bookings`, {
      startsAt: '2026-12-01T19:00:00Z',
      minutes: 30,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().detail).toContain('already has a session booked');
    const closed = await staff(counsellor, 'POST', `/api/online/young-people/${alex.accountId}/bookings`, {
      startsAt: '2026-12-01T21:30:00Z',
      minutes: 50,
    });
    expect(closed.statusCode).toBe(422);
    expect(closed.json().invalidParams[0].name).toBe('startsAt');
    const never = await staff(counsellor, 'POST', `/api/online/young-people/${stranger.accountId}/bookings`, {
      startsAt: '2026-12-02T18:30:00Z',
    });
    expect(never.statusCode).toBe(409);
  });

  it('books with a named counsellor of the organisation, and nobody else', async () => {
    const path = `/api/online/young-people/${alex.accountId}/bookings`;
    const notCounsellor = await staff(counsellor, 'POST', path, {
      startsAt: '2026-12-01T19:30:00Z',
      counsellorUserId: emhp.id,
    });
    expect(notCounsellor.statusCode).toBe(422);
    const named = await staff(counsellor, 'POST', path, {
      startsAt: '2026-12-01T19:30:00Z',
      minutes: 30,
      counsellorUserId: colleague.id,
    });
    expect(named.statusCode, named.body).toBe(200);
    const mine = (await staff(counsellor, 'GET', '/api/online/my-bookings')).json().items;
    expect(mine.map((b: { id: string }) => b.id)).toEqual([samBookingId]);
  });

  it('shows a young person their own bookings only, with the first name and plain words', async () => {
    const samList = (await young(sam, 'GET', '/api/online/bookings')).json().items;
    expect(samList).toHaveLength(1);
    expect(samList[0]).toMatchObject({
      id: samBookingId,
      when: 'Today at 6:30pm',
      counsellorFirstName: counsellorUser.displayName.split(' ')[0],
      status: 'booked',
      canStart: false,
      canCancel: true,
    });
    const strangerList = (await young(stranger, 'GET', '/api/online/bookings')).json().items;
    expect(strangerList).toEqual([]);
    const steal = await young(stranger, 'POST', `/api/online/bookings/${samBookingId}/start`);
    expect(steal.statusCode).toBe(404);
    const cancelOther = await young(
      stranger,
      'POST',
      `/api/online/bookings/${samBookingId}/cancel`,
      undefined,
      {
        'if-match': '"1"',
      },
    );
    expect(cancelOther.statusCode).toBe(404);
  });

  it('lets the young person cancel with If-Match, refusing a stale version', async () => {
    const booked = await staff(counsellor, 'POST', `/api/online/young-people/${sam.accountId}/bookings`, {
      startsAt: '2026-12-02T18:30:00Z',
      minutes: 30,
    });
    const id = booked.json().id;
    const path = `/api/online/bookings/${id}/cancel`;
    expect((await young(sam, 'POST', path)).statusCode).toBe(428);
    expect((await young(sam, 'POST', path, undefined, { 'if-match': '"7"' })).statusCode).toBe(412);
    const cancelled = await young(sam, 'POST', path, undefined, { 'if-match': '"1"' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', canCancel: false });
    expect(cancelled.headers.etag).toBe('"2"');
    const again = await young(sam, 'POST', path, undefined, { 'if-match': '"2"' });
    expect(again.statusCode).toBe(409);
  });

  it('sends messages both ways with read markers, oldest waiting thread first', async () => {
    expect((await young(alex, 'POST', '/api/online/messages', { body: 'Is anyone there?' })).statusCode).toBe(
      200,
    );
    clock.advance(MINUTE);
    const sent = await young(sam, 'POST', '/api/online/messages', { body: 'Can we talk about my exams?' });
    expect(sent.statusCode, sent.body).toBe(200);
    const mine = (await young(sam, 'GET', '/api/online/messages')).json();
    expect(mine.replyExpectation).toContain('We usually reply within 1 day');
    expect(mine.isWaitingForReply).toBe(true);
    expect(mine.messages[0]).toMatchObject({ senderLabel: 'You', isReadByOtherSide: false });
    expect(mine.messages[0].riskMatches).toBeUndefined();

    const before = await accessRows(sam.accountId, 'allowed');
    const inbox = (await staff(counsellor, 'GET', '/api/online/inbox')).json().items;
    const order = inbox.map((t: { accountId: string }) => t.accountId);
    expect(order.indexOf(alex.accountId)).toBeLessThan(order.indexOf(sam.accountId));
    expect(inbox.find((t: { accountId: string }) => t.accountId === sam.accountId).isRead).toBe(false);

    const thread = (
      await staff(counsellor, 'GET', `/api/online/young-people/${sam.accountId}/messages`)
    ).json();
    expect(thread.messages.map((m: { body: string }) => m.body)).toEqual(['Can we talk about my exams?']);
    expect(await accessRows(sam.accountId, 'allowed')).toBe(before + 1);
    expect((await young(sam, 'GET', '/api/online/messages')).json().messages[0].isReadByOtherSide).toBe(true);

    clock.advance(MINUTE);
    const reply = await staff(counsellor, 'POST', `/api/online/young-people/${sam.accountId}/messages`, {
      body: 'Yes. What is worrying you most?',
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const after = (await staff(counsellor, 'GET', '/api/online/inbox')).json().items;
    expect(after.map((t: { accountId: string }) => t.accountId)).not.toContain(sam.accountId);
    const samSees = (await young(sam, 'GET', '/api/online/messages')).json();
    expect(samSees.isWaitingForReply).toBe(false);
    expect(samSees.messages[1]).toMatchObject({
      direction: 'to-young-person',
      senderLabel: `Counsellor ${counsellorUser.displayName.split(' ')[0]}`,
      body: 'Yes. What is worrying you most?',
    });
    const counsellorSees = (
      await staff(counsellor, 'GET', `/api/online/young-people/${sam.accountId}/messages`)
    ).json();
    expect(counsellorSees.messages[1].isReadByOtherSide).toBe(true);
    // Someone else's thread stays theirs.
    const strangerSees = (await young(stranger, 'GET', '/api/online/messages')).json();
    expect(strangerSees.messages).toEqual([]);
  });

  it('puts a risk phrase in a young person’s message on the duty board', async () => {
    clock.advance(MINUTE);
    const sent = await young(alex, 'POST', '/api/online/messages', { body: 'Some days I want to die.' });
    expect(sent.statusCode, sent.body).toBe(200);
    const alerts = await asSystem((tx) =>
      tx.select().from(onlineAlerts).where(eq(onlineAlerts.messageId, sent.json().id)),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'risk-phrase', accountId: alex.accountId, chatId: null });
    const thread = (await staff(senior, 'GET', `/api/online/young-people/${alex.accountId}/messages`)).json();
    expect(thread.messages.at(-1).riskMatches[0].phrase).toBe('want to die');
    const inbox = (await staff(counsellor, 'GET', '/api/online/inbox')).json().items;
    expect(inbox.find((t: { accountId: string }) => t.accountId === alex.accountId).hasRiskPhrase).toBe(true);
  });

  it('shows the counsellor one young person, never the journal, logged once', async () => {
    const before = await accessRows(sam.accountId, 'allowed');
    const response = await staff(counsellor, 'GET', `/api/online/young-people/${sam.accountId}`);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(view).toMatchObject({ username: expect.any(String), ageNow: 14, gender: 'Girl' });
    expect(view.chats[0]).toMatchObject({
      minutes: 40,
      riskLevel: 'low',
      counsellorName: counsellorUser.displayName,
    });
    expect(view.chats[0].summaryNote).toContain('exam worries');
    expect(view.bookings.map((b: { status: string }) => b.status).sort()).toEqual(['booked', 'cancelled']);
    expect(view.thread.messages).toHaveLength(2);
    expect(view.counsellors.map((c: { userId: string }) => c.userId)).toContain(colleague.id);
    expect(response.body).not.toContain('PRIVATE JOURNAL WORDS');
    expect(await accessRows(sam.accountId, 'allowed')).toBe(before + 1);
  });

  it('answers 404 for a young person outside the counsellor’s scope, and logs the refusal', async () => {
    const before = await accessRows(elsewhereAccountId, 'denied');
    for (const url of [
      `/api/online/young-people/${elsewhereAccountId}`,
      `/api/online/young-people/${elsewhereAccountId}/messages`,
    ]) {
      expect((await staff(counsellor, 'GET', url)).statusCode).toBe(404);
    }
    const reply = await staff(counsellor, 'POST', `/api/online/young-people/${elsewhereAccountId}/messages`, {
      body: 'Hello',
    });
    expect(reply.statusCode).toBe(404);
    expect(await accessRows(elsewhereAccountId, 'denied')).toBe(before + 3);
    // A young person cannot use the staff routes at all.
    expect((await young(sam, 'GET', `/api/online/young-people/${sam.accountId}`)).statusCode).toBe(403);
    expect((await young(sam, 'GET', '/api/online/inbox')).statusCode).toBe(403);
  });

  it('starts a booked chat from 10 minutes before, visible to that counsellor', async () => {
    const path = `/api/online/bookings/${samBookingId}/start`;
    const early = await young(sam, 'POST', path);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('10 minutes before');
    await moveClockTo('2026-12-01T18:25:00Z');
    const list = (await young(sam, 'GET', '/api/online/bookings')).json().items;
    expect(list.find((b: { id: string }) => b.id === samBookingId).canStart).toBe(true);
    const started = await young(sam, 'POST', path);
    expect(started.statusCode, started.body).toBe(200);
    const { chatId } = started.json();
    const [chat] = await asSystem((tx) => tx.select().from(onlineChats).where(eq(onlineChats.id, chatId)));
    expect(chat).toMatchObject({
      kind: 'booked',
      status: 'waiting',
      bookingId: samBookingId,
      counsellorUserId: counsellorUser.id,
      accountId: sam.accountId,
    });
    expect((await young(sam, 'POST', path)).json().chatId).toBe(chatId);
    const mine = (await staff(counsellor, 'GET', '/api/online/my-bookings')).json().items;
    expect(mine.find((b: { id: string }) => b.id === samBookingId)).toMatchObject({
      chatId,
      chatStatus: 'waiting',
      status: 'started',
    });
  });

  it('shows a booking not started by 15 minutes after its start as missed', async () => {
    await moveClockTo('2026-12-01T19:45:00Z');
    const alexList = (await young(alex, 'GET', '/api/online/bookings')).json().items;
    expect(alexList[0]).toMatchObject({ status: 'missed', canStart: false, canCancel: false });
    const late = await young(alex, 'POST', `/api/online/bookings/${alexList[0].id}/start`);
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('missed');
  });
});
