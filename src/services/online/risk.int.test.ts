import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordScope, systemScope } from '../../access/scope.js';
import type { ServerFrame } from '../../contracts/online-chat.js';
import { appendChatMessage, messagesAfter, openChat } from '../../db/repositories/online-chats.repository.js';
import { accessLog, auditLog } from '../../db/schema/audit.js';
import {
  onlineAccounts,
  onlineAlerts,
  onlineEscalations,
  onlineRiskAssessments,
  onlineServices,
} from '../../db/schema/online.js';
import { outboxMessages } from '../../db/schema/outbox.js';
import { idempotencyKeys } from '../../db/schema/requests.js';
import { withScope } from '../../db/scoped.js';
import { writeDemoArea } from '../../demo/write-demo-area.js';
import { buildApp } from '../../server/app.js';
import { testConfig } from '../../server/config.js';
import { localHub, topics } from '../../server/realtime/hub.js';
import { TEST_SEED } from '../../test-support/app.js';
import { type TestDatabase, testDatabases } from '../../test-support/databases.js';
import {
  asYoungPerson,
  demoOnlineService,
  type YoungPersonSession,
  youngPersonSession,
} from '../../test-support/online.js';
import {
  asSession,
  enrolledDemoUser,
  MINUTE,
  type Session,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';
import { runAlertEscalation } from './escalate-unacknowledged.js';
import { raiseRiskPhraseAlert } from './risk-alerts.js';

// Risk in online support end to end through the API: phrases, assessments and corrections,
// escalation into the duty board and the front door, acknowledging, joining, and the job that
// escalates alerts nobody acknowledged.
describe.each(testDatabases)('online risk and escalation on $name', (factory) => {
  const clock = testClock('2026-11-24T19:00:00Z');
  const hub = localHub();
  const heard: { topic: string; frame: ServerFrame }[] = [];
  let testDb: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let counsellor: Session;
  let duty: Session;
  let spa: Session;
  let young: YoungPersonSession;
  let service: Awaited<ReturnType<typeof demoOnlineService>>;
  let chatId: string;
  let otherChatId: string;
  const counsellorUser = enrolledDemoUser('online-counsellor');
  const dutyUser = enrolledDemoUser('online-duty-senior');

  const db = () => testDb.database.db;
  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(db(), systemScope('test'), work);
  const get = (s: Session, url: string) => app.inject({ method: 'GET', url, ...asSession(s) });
  const post = (s: Session, url: string, payload: object = {}, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload, ...asSession(s, { headers }) });

  beforeAll(async () => {
    testDb = await factory.create();
    await writeDemoArea(testDb.database, { seed: TEST_SEED, scale: 1, referralMonths: 0 });
    app = await buildApp(testConfig(), {
      database: testDb.database,
      now: clock.now,
      webAppFolder: '/nonexistent-web-build',
      hub,
    });
    counsellor = await signInWithTotp(app, counsellorUser, { remoteAddress: '10.9.0.1', now: clock.now });
    duty = await signInWithTotp(app, dutyUser, { remoteAddress: '10.9.0.2', now: clock.now });
    spa = await signInWithTotp(app, enrolledDemoUser('spa-clinician'), {
      remoteAddress: '10.9.0.3',
      now: clock.now,
    });
    service = await demoOnlineService(db());
    young = await youngPersonSession(db(), { now: clock.now() });
    const chat = await asSystem((tx) =>
      openChat(tx, {
        serviceId: service.id,
        accountId: young.accountId,
        kind: 'drop-in',
        status: 'active',
        queuedAt: clock.now(),
        takenAt: clock.now(),
        counsellorUserId: counsellorUser.id,
      }),
    );
    chatId = chat.id;
    // The young person's message with a risk phrase, stored and alerted under their own scope.
    const youngScope = recordScope({
      kind: 'young-person',
      accountId: young.accountId,
      serviceId: service.id,
      organisationId: service.organisationId,
      sessionTokenHash: 'x',
      isSignedIn: true,
    });
    await withScope(db(), youngScope, async (tx) => {
      const matches = [{ phraseId: 'p', phrase: 'want to die', category: 'suicide' }];
      const stored = await appendChatMessage(tx, {
        chatId,
        senderKind: 'young-person',
        senderUserId: null,
        clientMessageId: 'message-one',
        body: 'I want to die',
        riskMatches: matches,
        sentAt: clock.now(),
      });
      await raiseRiskPhraseAlert(tx, {
        serviceId: service.id,
        accountId: young.accountId,
        chatId,
        messageSeq: stored?.row.seq,
        matches,
        acknowledgeWithinMinutes: service.alertAcknowledgeMinutes,
        now: clock.now(),
      });
    });
    // A chat of another organisation's online service: nobody here may reach it.
    const otherOrganisation = spaOrganisation();
    otherChatId = await asSystem(async (tx) => {
      const [other] = await tx
        .insert(onlineServices)
        .values({ organisationId: otherOrganisation, name: 'Elsewhere Online', openingHours: [] })
        .returning();
      const [account] = await tx
        .insert(onlineAccounts)
        .values({
          serviceId: other?.id ?? '',
          organisationId: otherOrganisation,
          username: 'elsewhere-user',
          usernameKey: 'elsewhere-user',
          passwordHash: 'x',
          ageAtSignUp: 14,
          gender: 'boy',
          heardFrom: 'school',
          signedUpAt: clock.now(),
        })
        .returning();
      const row = await openChat(tx, {
        serviceId: other?.id ?? '',
        accountId: account?.id ?? '',
        kind: 'drop-in',
        status: 'active',
        queuedAt: clock.now(),
      });
      return row.id;
    });
    hub.subscribe(topics.dutyBoard(service.id), (frame) => heard.push({ topic: 'duty', frame }));
    hub.subscribe(topics.chat(chatId), (frame) => heard.push({ topic: 'chat', frame }));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  const spaOrganisation = () => enrolledDemoUser('spa-clinician').organisationId;

  it('keeps the risk phrase list: add, refuse a duplicate, retire and still list it', async () => {
    const before = (await get(duty, '/api/online/risk-phrases')).json().items as { phrase: string }[];
    expect(before.map((p) => p.phrase)).toContain('want to die');
    const added = await post(duty, '/api/online/risk-phrases', {
      phrase: 'Nobody would MISS me',
      category: 'suicide',
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().phrase).toBe('nobody would miss me');
    const again = await post(duty, '/api/online/risk-phrases', {
      phrase: 'nobody would miss me!',
      category: 'other',
    });
    expect(again.statusCode).toBe(409);
    const retired = await post(duty, `/api/online/risk-phrases/${added.json().id}/retire`);
    expect(retired.statusCode, retired.body).toBe(200);
    expect((await post(duty, `/api/online/risk-phrases/${added.json().id}/retire`)).statusCode).toBe(409);
    const after = (await get(duty, '/api/online/risk-phrases')).json().items as {
      id: string;
      retiredAt: string | null;
    }[];
    expect(after.find((p) => p.id === added.json().id)?.retiredAt).not.toBeNull();
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, added.json().id));
    expect(audit.map((a) => a.action).sort()).toEqual(['risk-phrase:added', 'risk-phrase:retired']);
    expect((await get(counsellor, '/api/online/risk-phrases')).statusCode).toBe(403);
    const bad = await post(duty, '/api/online/risk-phrases', { phrase: '!', category: 'nope' });
    expect(bad.statusCode).toBe(400);
  });

  it('records a risk assessment and corrects it with a new row, the old one invalidated', async () => {
    const none = await get(counsellor, `/api/online/chats/${chatId}/risk-assessments`);
    expect(none.json()).toEqual({ current: null, items: [] });
    const first = await post(counsellor, `/api/online/chats/${chatId}/risk-assessments`, {
      level: 'low',
      notes: 'Exams.',
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await post(duty, `/api/online/chats/${chatId}/risk-assessments`, {
      level: 'high',
      notes: 'Plan.',
    });
    expect(second.statusCode, second.body).toBe(200);
    const list = (await get(counsellor, `/api/online/chats/${chatId}/risk-assessments`)).json();
    expect(list.current.id).toBe(second.json().id);
    expect(list.current.level).toBe('high');
    expect(list.items).toHaveLength(2);
    expect(list.items.find((a: { id: string }) => a.id === first.json().id).invalidatedAt).not.toBeNull();
    const rows = await asSystem((tx) =>
      tx.select().from(onlineRiskAssessments).where(eq(onlineRiskAssessments.chatId, chatId)),
    );
    expect(rows.filter((r) => r.invalidatedAt === null)).toHaveLength(1);
    const logged = await db()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.subjectId, young.accountId), eq(accessLog.userId, counsellorUser.id)));
    expect(logged.length).toBeGreaterThanOrEqual(3);
    const bad = await post(counsellor, `/api/online/chats/${chatId}/risk-assessments`, { level: 'severe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams?.[0]?.name).toBe('level');
  });

  let escalationId: string;
  let referralReference: string;

  it('escalates with identity shared: an alert, an email naming no one, and an urgent front-door referral', async () => {
    heard.length = 0;
    clock.advance(10_000);
    const escalation = {
      reason: 'Has a plan to end their life tonight and has tablets.',
      identityShared: 'shared',
      givenName: 'Jordan',
      familyName: 'Testperson',
      dateOfBirth: '2011-03-04',
      postcode: 'ZZ99 3AB',
      schoolName: 'Hillside Academy',
      phone: '07700900123',
      location: 'At home, upstairs',
    };
    const key = { 'idempotency-key': 'escalation-retry-0001' };
    const url = `/api/online/chats/${chatId}/escalations`;
    const response = await post(counsellor, url, escalation, key);
    expect(response.statusCode, response.body).toBe(200);
    // A retry after a dropped connection gets the same answer and raises nothing new...
    const retry = await post(counsellor, url, escalation, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(response.json());
    // ...and the kept answer is sealed: the identity shared is nowhere in the store (ADR 0022).
    const kept = JSON.stringify(await db().select().from(idempotencyKeys));
    for (const personal of ['Jordan', 'Testperson', '2011-03-04', 'ZZ99', 'escalation-retry-0001']) {
      expect(kept).not.toContain(personal);
    }
    const raised = response.json();
    escalationId = raised.escalation.id;
    referralReference = raised.escalation.referralReference;
    expect(raised.referralProblem).toBeNull();
    expect(referralReference).toMatch(/^[A-Z]+-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    expect(raised.escalation.status).toBe('referred');
    expect(raised.dutySeniorsTold).toBeGreaterThanOrEqual(1);
    expect(heard).toContainEqual({ topic: 'duty', frame: { type: 'duty-board-changed' } });

    const emails = await asSystem((tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.template, 'online-escalation')),
    );
    expect(emails.map((e) => e.recipient)).toContain(dutyUser.email);
    const said = JSON.stringify(emails.map((e) => e.personalisation));
    for (const personal of [
      'Jordan',
      'Testperson',
      '2011',
      'ZZ99',
      'Hillside',
      '07700',
      'upstairs',
      'tablets',
    ]) {
      expect(said).not.toContain(personal);
    }
    const queue = await get(spa, '/api/triage/queue');
    expect(queue.statusCode, queue.body).toBe(200);
    const item = queue.json().items.find((i: { reference: string }) => i.reference === referralReference);
    expect(item).toMatchObject({ childName: 'Jordan Testperson', isUrgent: true });
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, escalationId));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['online-escalation:raised', 'online-escalation:duty-seniors-emailed']),
    );
  });

  let declinedId: string;

  it('escalates without a referral when they declined, keeping no identity', async () => {
    clock.advance(10_000);
    const response = await post(counsellor, `/api/online/chats/${chatId}/escalations`, {
      reason: 'Worried about what is happening at home.',
      identityShared: 'declined',
      givenName: 'Should not be kept',
    });
    expect(response.statusCode, response.body).toBe(200);
    declinedId = response.json().escalation.id;
    expect(response.json().escalation).toMatchObject({
      identity: null,
      referralReference: null,
      status: 'raised',
    });
    const [row] = await asSystem((tx) =>
      tx.select().from(onlineEscalations).where(eq(onlineEscalations.id, declinedId)),
    );
    expect(row?.givenName).toBeNull();
  });

  it('shows the duty board: open alerts oldest first with time left, risk phrases, open escalations', async () => {
    clock.advance(MINUTE);
    const board = await get(duty, '/api/online/duty/board');
    expect(board.statusCode, board.body).toBe(200);
    const { alerts, riskMatches, escalations } = board.json();
    expect(alerts.map((a: { kind: string }) => a.kind)).toEqual(['risk-phrase', 'escalation', 'escalation']);
    expect(alerts[0]).toMatchObject({
      phrases: ['want to die'],
      timing: { isOverdue: false, text: '3 minutes left' },
    });
    expect(riskMatches).toContainEqual(expect.objectContaining({ chatId, phrases: ['want to die'] }));
    expect(escalations.map((e: { id: string }) => e.id).sort()).toEqual([escalationId, declinedId].sort());
    const logged = await db()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.subjectKind, 'online-duty-board'), eq(accessLog.userId, dutyUser.id)));
    expect(logged.length).toBe(1);
  });

  it('acknowledges an alert with If-Match, refusing a stale version with 412', async () => {
    const { alerts } = (await get(duty, '/api/online/duty/board')).json();
    const alert = alerts.find((a: { escalationId: string | null }) => a.escalationId === escalationId);
    const url = `/api/online/alerts/${alert.id}/acknowledge`;
    expect((await post(duty, url, {}, { 'if-match': `"${alert.version + 1}"` })).statusCode).toBe(412);
    const done = await post(duty, url, {}, { 'if-match': `"${alert.version}"` });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.headers.etag).toBe(`"${alert.version + 1}"`);
    expect((await post(duty, url, {}, { 'if-match': `"${alert.version}"` })).statusCode).toBe(412);
    expect((await post(counsellor, url, {}, { 'if-match': '"1"' })).statusCode).toBe(403);
  });

  it('lets a duty senior join the chat: a system message everyone sees, said once', async () => {
    heard.length = 0;
    const joined = await post(duty, `/api/online/chats/${chatId}/join`);
    expect(joined.statusCode, joined.body).toBe(200);
    expect((await post(duty, `/api/online/chats/${chatId}/join`)).json().seq).toBe(joined.json().seq);
    const messages = await asSystem((tx) => messagesAfter(tx, chatId, 0));
    const system = messages.filter((m) => m.senderKind === 'system');
    expect(system.map((m) => m.body)).toEqual(['A duty senior has joined the chat']);
    expect(heard.filter((h) => h.topic === 'chat' && h.frame.type === 'message')).toHaveLength(1);
    const [declined] = await asSystem((tx) =>
      tx.select().from(onlineEscalations).where(eq(onlineEscalations.id, declinedId)),
    );
    expect(declined?.status).toBe('duty-senior-joined');
  });

  it('escalates further only overdue, unacknowledged alerts, and only once', async () => {
    const overdueBefore = async () =>
      asSystem((tx) =>
        tx.select().from(outboxMessages).where(eq(outboxMessages.template, 'online-alert-overdue')),
      );
    // Raised 19:00:00, 19:00:10 (acknowledged) and 19:00:20, with five minutes to acknowledge; it is 19:01:20.
    expect((await runAlertEscalation(db(), hub, clock.now())).escalated).toBe(0);
    clock.advance(4 * MINUTE);
    heard.length = 0;
    const first = await runAlertEscalation(db(), hub, clock.now());
    // The risk-phrase alert and the declined escalation's; the acknowledged one never.
    expect(first.escalated).toBe(2);
    expect(heard).toContainEqual({ topic: 'duty', frame: { type: 'duty-board-changed' } });
    const twice = await Promise.all([
      runAlertEscalation(db(), hub, clock.now()),
      runAlertEscalation(db(), hub, new Date(clock.now().getTime() + MINUTE)),
    ]);
    expect(twice.map((r) => r.escalated)).toEqual([0, 0]);
    const emails = await overdueBefore();
    expect(emails.map((e) => e.recipient)).toContain(dutyUser.email);
    expect(emails.filter((e) => e.recipient === 'on-call-manager@demo.lantern.example')).toHaveLength(2);
    const alerts = await asSystem((tx) =>
      tx.select().from(onlineAlerts).where(eq(onlineAlerts.chatId, chatId)),
    );
    expect(alerts.filter((a) => a.escalatedFurtherAt !== null)).toHaveLength(2);
    expect(alerts.find((a) => a.escalationId === escalationId)?.escalatedFurtherAt).toBeNull();
  });

  it('closes an escalation with its outcome under If-Match', async () => {
    const url = `/api/online/escalations/${declinedId}/close`;
    const [row] = await asSystem((tx) =>
      tx.select().from(onlineEscalations).where(eq(onlineEscalations.id, declinedId)),
    );
    const version = row?.version ?? 0;
    expect(
      (await post(duty, url, { outcome: 'Spoke to them.' }, { 'if-match': `"${version + 3}"` })).statusCode,
    ).toBe(412);
    const closed = await post(
      duty,
      url,
      { outcome: 'Spoke to them; safe tonight.' },
      { 'if-match': `"${version}"` },
    );
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect(
      (await post(duty, url, { outcome: 'Again.' }, { 'if-match': `"${version + 1}"` })).statusCode,
    ).toBe(409);
  });

  it('answers 404 for a chat of another organisation, and logs the refusal', async () => {
    const read = await get(counsellor, `/api/online/chats/${otherChatId}/risk-assessments`);
    expect(read.statusCode).toBe(404);
    const escalate = await post(counsellor, `/api/online/chats/${otherChatId}/escalations`, {
      reason: 'Trying to reach another organisation.',
      identityShared: 'not-asked',
    });
    expect(escalate.statusCode).toBe(404);
    expect((await post(duty, `/api/online/chats/${otherChatId}/join`)).statusCode).toBe(404);
    const denied = await db()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.subjectId, otherChatId), eq(accessLog.outcome, 'denied')));
    expect(denied.length).toBe(3);
  });

  it('never lets a young person read risk assessments, escalations or the board', async () => {
    for (const url of [
      `/api/online/chats/${chatId}/risk-assessments`,
      `/api/online/chats/${chatId}/escalations`,
      '/api/online/duty/board',
    ]) {
      const response = await app.inject({ method: 'GET', url, ...asYoungPerson(young) });
      expect(response.statusCode, url).toBe(403);
    }
    const youngScope = recordScope({
      kind: 'young-person',
      accountId: young.accountId,
      serviceId: service.id,
      organisationId: service.organisationId,
      sessionTokenHash: 'x',
      isSignedIn: true,
    });
    const seen = await withScope(db(), youngScope, async (tx) => ({
      assessments: await tx.select().from(onlineRiskAssessments),
      escalations: await tx.select().from(onlineEscalations),
      alerts: await tx.select().from(onlineAlerts),
    }));
    expect(seen).toEqual({ assessments: [], escalations: [], alerts: [] });
  });
});
