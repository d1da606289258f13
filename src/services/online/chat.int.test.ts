import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLog } from '../../db/schema/audit.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import { asYoungPerson, type YoungPersonSession, youngPersonSession } from '../../test-support/online.js';
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
import { counsellorElsewhere, recordTestAssessment, staffSessionFor } from './chat-test-kit.js';

// The drop-in queue end to end through HTTP: joining (and being told when chat is closed), place
// in the queue, taking with the limit and with two counsellors at once, ending with a risk
// assessment, feedback once, and who may see a chat.
describe.each(testDatabases)('drop-in chat on $name', (factory) => {
  // Tuesday 1 December 2026, 3pm in London: the demo service is open 12pm to 10pm on weekdays.
  const clock = testClock('2026-12-01T15:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  const counsellorUser = enrolledDemoUser('online-counsellor');
  const secondCounsellor = demoUserOfRole('online-counsellor', 1);
  const dutyUser = enrolledDemoUser('online-duty-senior');
  let counsellor: Session;
  let other: Session;
  let duty: Session;
  let elsewhere: Session;
  const young: YoungPersonSession[] = [];

  const asYoung = (
    yp: YoungPersonSession,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    headers = {},
  ) => ctx.app.inject({ method, url, ...asYoungPerson(yp, { headers }), ...(payload ? { payload } : {}) });
  const asStaff = (s: Session, method: 'GET' | 'POST', url: string, payload?: object, headers = {}) =>
    ctx.app.inject({ method, url, ...asSession(s, { headers }), ...(payload ? { payload } : {}) });
  const accessRows = async (userId: string) => {
    const [row] = await ctx.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(and(eq(accessLog.userId, userId), eq(accessLog.outcome, 'allowed')));
    return Number(row?.n ?? 0);
  };

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
    const db = ctx.database.db;
    counsellor = await signInWithTotp(ctx.app, counsellorUser, { remoteAddress: '10.9.0.1', now: clock.now });
    duty = await signInWithTotp(ctx.app, dutyUser, { remoteAddress: '10.9.0.2', now: clock.now });
    other = await staffSessionFor(db, secondCounsellor.id, clock.now());
    const otherOrganisation = demoIdentity.users.find((u) => u.email === 'commissioner@demo.lantern.example')
      ?.organisationId as string;
    elsewhere = (await counsellorElsewhere(db, otherOrganisation, clock.now())).session;
    for (const age of [14, 16, 12, 17, 13, 15])
      young.push(await youngPersonSession(db, { age, now: clock.now() }));
  }, 240_000);
  afterAll(() => ctx?.dispose());

  it('tells a young person when chat opens while it is closed, and lets nobody else join', async () => {
    const early = testClock('2026-12-01T07:00:00Z');
    const saved = clock.now();
    clock.advance(early.now().getTime() - saved.getTime());
    const closed = await asYoung(young[0] as YoungPersonSession, 'POST', '/api/online/chats');
    clock.advance(saved.getTime() - clock.now().getTime());
    expect(closed.statusCode).toBe(409);
    expect(closed.json().detail).toMatch(/Our opening hours are Monday to Friday: midday to 10pm/);
    const staff = await asStaff(counsellor, 'POST', '/api/online/chats');
    expect(staff.statusCode).toBe(403);
    const anonymous = await ctx.app.inject({ method: 'POST', url: '/api/online/chats' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('queues young people in the order they join, with their place and an honest estimate', async () => {
    for (const yp of young.slice(0, 4)) {
      const joined = await asYoung(yp, 'POST', '/api/online/chats');
      expect(joined.statusCode, joined.body).toBe(200);
      expect(joined.json().status).toBe('waiting');
      clock.advance(MINUTE);
    }
    // Joining again gives the same chat.
    const again = await asYoung(young[0] as YoungPersonSession, 'POST', '/api/online/chats');
    const first = await asYoung(young[0] as YoungPersonSession, 'GET', '/api/online/chats/current');
    expect(again.json().id).toBe(first.json().chat.id);
    const third = (await asYoung(young[2] as YoungPersonSession, 'GET', '/api/online/chats/current')).json();
    expect(third.chat.placeInQueue).toBe(3);
    expect(third.chat.estimate).toEqual({ minutes: null, sentence: expect.stringMatching(/can't tell yet/) });
    expect(third.isOpenNow).toBe(true);

    const before = await accessRows(counsellorUser.id);
    const queue = await asStaff(counsellor, 'GET', '/api/online/queue');
    expect(queue.statusCode, queue.body).toBe(200);
    const body = queue.json();
    expect(body.waiting.map((w: { accountId: string }) => w.accountId)).toEqual(
      young.slice(0, 4).map((y) => y.accountId),
    );
    expect(body.waiting.map((w: { ageNow: number }) => w.ageNow)).toEqual([14, 16, 12, 17]);
    expect(body.waiting[0]).toMatchObject({
      place: 1,
      isReturning: false,
      previousNotes: [],
      gender: 'girl',
    });
    expect(body.chatLimit).toBe(3);
    expect(await accessRows(counsellorUser.id)).toBe(before + 1);
  });

  it('never gives two counsellors taking at once the same young person', async () => {
    const [a, b] = await Promise.all([
      asStaff(counsellor, 'POST', '/api/online/queue/take', {}),
      asStaff(other, 'POST', '/api/online/queue/take', {}),
    ]);
    expect(a?.statusCode, a?.body).toBe(200);
    expect(b?.statusCode, b?.body).toBe(200);
    const taken = [a?.json().accountId, b?.json().accountId];
    expect(new Set(taken).size).toBe(2);
    expect(taken.sort()).toEqual([young[0]?.accountId, young[1]?.accountId].sort());
    const mine = (await asYoung(young[0] as YoungPersonSession, 'GET', '/api/online/chats/current')).json();
    expect(mine.chat.status).toBe('active');
    expect(mine.chat.counsellorLabel).toMatch(/^Counsellor \S+$/);
    const next = (await asYoung(young[2] as YoungPersonSession, 'GET', '/api/online/chats/current')).json();
    expect(next.chat.placeInQueue).toBe(1);
  });

  it('refuses to take a chat past the service’s chat limit', async () => {
    for (const yp of young.slice(4))
      expect((await asYoung(yp, 'POST', '/api/online/chats')).statusCode).toBe(200);
    const held = (await asStaff(counsellor, 'GET', '/api/online/queue')).json().mine.length;
    for (let i = held; i < 3; i++) {
      expect((await asStaff(counsellor, 'POST', '/api/online/queue/take', {})).statusCode).toBe(200);
    }
    const refused = await asStaff(counsellor, 'POST', '/api/online/queue/take', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/most you can hold/);
    expect((await asStaff(counsellor, 'GET', '/api/online/queue')).json().mine).toHaveLength(3);
  });

  it('lets a young person leave the queue, with If-Match', async () => {
    const yp = young[5] as YoungPersonSession;
    const chat = (await asYoung(yp, 'GET', '/api/online/chats/current')).json().chat;
    expect(chat.status).toBe('waiting');
    const url = `/api/online/chats/${chat.id}/leave`;
    expect((await asYoung(yp, 'POST', url)).statusCode).toBe(428);
    expect(
      (await asYoung(yp, 'POST', url, undefined, { 'if-match': `"${chat.version + 1}"` })).statusCode,
    ).toBe(412);
    const left = await asYoung(yp, 'POST', url, undefined, { 'if-match': `"${chat.version}"` });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().status).toBe('left-queue');
    expect((await asYoung(yp, 'GET', '/api/online/chats/current')).json().chat).toBeNull();
  });

  it('ends a chat only with a risk assessment, keeps the note for next time, and takes feedback once', async () => {
    const yp = young[0] as YoungPersonSession;
    const mine = (await asStaff(counsellor, 'GET', '/api/online/queue')).json().mine;
    const entry =
      mine.find((c: { accountId: string }) => c.accountId === yp.accountId) ??
      (await asStaff(other, 'GET', '/api/online/queue'))
        .json()
        .mine.find((c: { accountId: string }) => c.accountId === yp.accountId);
    const holder = mine.some((c: { accountId: string }) => c.accountId === yp.accountId) ? counsellor : other;
    const holderId = holder === counsellor ? counsellorUser.id : secondCounsellor.id;
    const url = `/api/online/chats/${entry.chatId}/end`;
    const ifMatch = { 'if-match': `"${entry.version}"` };
    const feedbackEarly = await asYoung(yp, 'POST', `/api/online/chats/${entry.chatId}/feedback`, {
      rating: 5,
    });
    expect(feedbackEarly.statusCode).toBe(409);

    const refused = await asStaff(holder, 'POST', url, { summaryNote: 'Exams; sleep' }, ifMatch);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().invalidParams).toEqual([{ name: 'riskAssessment', reason: expect.any(String) }]);
    await recordTestAssessment(ctx.database.db, {
      chatId: entry.chatId,
      accountId: yp.accountId,
      userId: holderId,
      now: clock.now(),
    });
    const noNote = await asStaff(holder, 'POST', url, {}, ifMatch);
    expect(noNote.statusCode).toBe(400);
    const ended = await asStaff(
      holder,
      'POST',
      url,
      { summaryNote: 'Talked about exams and sleep' },
      ifMatch,
    );
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', endedBy: 'counsellor', hasRiskAssessment: true });

    const feedbackUrl = `/api/online/chats/${entry.chatId}/feedback`;
    expect((await asYoung(yp, 'POST', feedbackUrl, { rating: 6 })).statusCode).toBe(400);
    const given = await asYoung(yp, 'POST', feedbackUrl, { rating: 4, comment: 'It helped' });
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json().canGiveFeedback).toBe(false);
    expect((await asYoung(yp, 'POST', feedbackUrl, { rating: 5 })).statusCode).toBe(409);

    // Back in the queue: a returning young person, with the note from last time.
    expect((await asYoung(yp, 'POST', '/api/online/chats')).statusCode).toBe(200);
    const queue = (await asStaff(duty, 'GET', '/api/online/queue')).json();
    const card = queue.waiting.find((w: { accountId: string }) => w.accountId === yp.accountId);
    expect(card).toMatchObject({
      isReturning: true,
      previousNotes: [{ chatId: entry.chatId, note: 'Talked about exams and sleep' }],
    });
  });

  it('shows a chat to its young person, its counsellor and a duty senior, and is not there for anyone else', async () => {
    const yp = young[1] as YoungPersonSession;
    const chatId = (await asYoung(yp, 'GET', '/api/online/chats/current')).json().chat.id;
    const url = `/api/online/chats/${chatId}`;
    const own = await asYoung(yp, 'GET', url);
    expect(own.statusCode).toBe(200);
    expect(own.json().youngPerson).toBeNull();
    expect((await asYoung(young[2] as YoungPersonSession, 'GET', url)).statusCode).toBe(404);
    expect((await asStaff(elsewhere, 'GET', url)).statusCode).toBe(404);
    const holder = own.json().counsellorLabel;
    expect(holder).toMatch(/^Counsellor /);
    const readers = [counsellor, other];
    const statuses = await Promise.all(readers.map(async (s) => (await asStaff(s, 'GET', url)).statusCode));
    expect(statuses.sort()).toEqual([200, 404]);
    const before = await accessRows(dutyUser.id);
    const seen = await asStaff(duty, 'GET', url);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().youngPerson.accountId).toBe(yp.accountId);
    expect(await accessRows(dutyUser.id)).toBe(before + 1);
  });

  it('gives an estimate once young people have been seen today', async () => {
    const waiting = (await asStaff(duty, 'GET', '/api/online/queue')).json();
    expect(waiting.estimate.minutes).not.toBeNull();
    const yp = young[0] as YoungPersonSession;
    const current = (await asYoung(yp, 'GET', '/api/online/chats/current')).json();
    expect(current.chat.estimate.minutes).not.toBeNull();
    expect(current.chat.estimate.sentence).toMatch(/minutes/);
  });
});
