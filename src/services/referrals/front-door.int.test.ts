import { randomInt, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { accessLog, auditLog } from '../../db/schema/audit.js';
import { outboxMessages } from '../../db/schema/outbox.js';
import { referrals } from '../../db/schema/referrals.js';
import { withScope } from '../../db/scoped.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import { referralAnswers } from '../../test-support/referral-answers.js';
import {
  asSession,
  demoUser,
  enrolledDemoUser,
  MINUTE,
  type Session,
  signIn,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

describe.each(testDatabases)('the front door on $name', (factory) => {
  const clock = testClock('2026-11-30T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let spa: Session;
  let teacher: Session;
  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now, withDemoReferrals: true });
    spa = await signInWithTotp(ctx.app, enrolledDemoUser('spa-clinician'), {
      remoteAddress: '10.9.0.1',
      now: clock.now,
    });
    teacher = await signIn(ctx.app, 'school-staff-referrer@demo.lantern.example', {
      remoteAddress: '10.9.0.2',
    });
  });
  afterAll(() => ctx?.dispose());

  // Each family on its own address, as at home: one address is limited to 30 requests an hour.
  const someAddress = () => `10.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(1, 250)}`;
  const submitPublic = (payload: object, key = randomUUID(), remoteAddress = someAddress()) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/referrals/public',
      payload,
      remoteAddress,
      headers: { 'idempotency-key': key },
    });
  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(ctx.database.db, systemScope('test'), work);
  const triageGet = (id: string, session = spa) =>
    ctx.app.inject({ url: `/api/triage/referrals/${id}`, ...asSession(session) });
  const decide = (id: string, version: number, payload: object, session = spa) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/triage/referrals/${id}/decisions`,
      payload,
      ...asSession(session, { headers: { 'if-match': `"${version}"` } }),
    });
  const idOf = async (reference: string) =>
    (
      await asSystem((tx) =>
        tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.reference, reference)),
      )
    )[0]?.id ?? '';

  it('takes a parent’s request once, however often it is retried, and says what happens next', async () => {
    const key = randomUUID();
    const home = someAddress();
    const first = await submitPublic(referralAnswers(), key, home);
    expect(first.statusCode, first.body).toBe(201);
    const body = first.json();
    expect(body.reference).toMatch(/^LV-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    expect(body.lookedAtBy).toBe('2026-12-07');
    expect(body.steps.join(' ')).toContain('Monday 7 December 2026');
    const retry = await submitPublic(referralAnswers(), key, home);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().reference).toBe(body.reference);
    const rows = await asSystem((tx) =>
      tx.select().from(referrals).where(eq(referrals.reference, body.reference)),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.receivedAt.toISOString()).toBe(clock.now().toISOString());
    const messages = await asSystem((tx) =>
      tx
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.referralId, rows[0]?.id ?? '')),
    );
    expect(messages.map((m) => [m.template, m.recipient])).toEqual([
      ['referral-received', 'parent@example.com'],
    ]);
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, rows[0]?.id ?? ''));
    expect(audits.map((a) => a.action)).toEqual(['received']);
  });

  it.each([
    [
      'an invalid NHS number',
      { child: { ...referralAnswers().child, nhsNumber: '999 000 0019' } },
      'child.nhsNumber',
    ],
    [
      'a date of birth in the future',
      { child: { ...referralAnswers().child, dateOfBirth: '2027-01-01' } },
      'child.dateOfBirth',
    ],
    [
      'an impossible date of birth',
      { child: { ...referralAnswers().child, dateOfBirth: '2013-02-29' } },
      'child.dateOfBirth',
    ],
    [
      'someone too old for these services',
      { child: { ...referralAnswers().child, dateOfBirth: '1995-01-01' } },
      'child.dateOfBirth',
    ],
    [
      'no consent',
      { consent: { consentBy: 'parent-or-carer', isGiven: false, parentsMayBeTold: 'yes' } },
      'consent.isGiven',
    ],
    ['an oversized description', { description: 'x'.repeat(5001) }, 'description'],
    ['no worries chosen', { needs: [] }, 'needs'],
    [
      'a text contact with no phone number',
      { contact: { routes: ['text'], canLeaveMessage: false } },
      'contact.phone',
    ],
    [
      'a service outside the child’s age range',
      {
        preferredService: 'lantern-online',
        child: { ...referralAnswers().child, dateOfBirth: '2018-01-01' },
      },
      'preferredService',
    ],
    ['a staff referral on the public form', { kind: 'school' }, 'kind'],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_what, change, field) => {
    const before = (await asSystem((tx) => tx.select({ id: referrals.id }).from(referrals))).length;
    const response = await submitPublic({ ...referralAnswers(), ...change });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    expect((await asSystem((tx) => tx.select({ id: referrals.id }).from(referrals))).length).toBe(before);
  });

  it('turns away a flood of requests from one address with a clear 429', async () => {
    const flood = someAddress();
    const answers = [];
    for (let n = 0; n < 31; n += 1)
      answers.push((await submitPublic({ kind: 'parent' }, randomUUID(), flood)).statusCode);
    expect(answers.slice(0, 30).every((status) => status === 400)).toBe(true);
    expect(answers[30]).toBe(429);
    expect((await submitPublic({ kind: 'parent' })).statusCode).toBe(400);
  });

  it('lets young people ask for themselves from the published age, with neutral messages', async () => {
    const self = referralAnswers({
      kind: 'self',
      referrer: undefined,
      carers: [],
      child: { givenName: 'Jay', familyName: 'Lewis', dateOfBirth: '2011-06-01', gender: 'non-binary' },
      contact: { routes: ['text'], phone: '07700 900123', canLeaveMessage: false },
      consent: { consentBy: 'young-person', isGiven: true, parentsMayBeTold: 'no' },
    });
    const tooYoung = await submitPublic({ ...self, child: { ...self.child, dateOfBirth: '2017-01-01' } });
    expect(tooYoung.statusCode).toBe(400);
    expect(tooYoung.json().invalidParams[0].name).toBe('child.dateOfBirth');
    const parentConsent = await submitPublic({
      ...self,
      consent: { ...self.consent, consentBy: 'parent-or-carer' },
    });
    expect(parentConsent.json().invalidParams[0].name).toBe('consent.consentBy');

    const done = await submitPublic(self);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().headline).not.toMatch(/referral|mental health/i);
    const id = await idOf(done.json().reference);
    const [message] = await asSystem((tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.referralId, id)),
    );
    expect(message?.channel).toBe('sms');
    expect(message?.template).toBe('request-received');
  });

  it('stores hostile text exactly as given and returns it only as JSON text', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> Robert"); DROP TABLE referrals;--';
    const done = await submitPublic(
      referralAnswers({
        description: hostile,
        child: { ...referralAnswers().child, givenName: '<b>Bo</b>' },
      }),
    );
    expect(done.statusCode, done.body).toBe(201);
    const shown = await triageGet(await idOf(done.json().reference));
    expect(shown.headers['content-type']).toContain('application/json');
    expect(shown.json().needDescription).toBe(hostile);
    expect(shown.json().child.givenName).toBe('<b>Bo</b>');
  });

  it('takes school staff referrals for their own school and shows the referrer where each has got to', async () => {
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/api/referrals',
      payload: referralAnswers({ kind: 'school' }),
    });
    expect(anonymous.statusCode).toBe(401);
    const done = await ctx.app.inject({
      method: 'POST',
      url: '/api/referrals',
      payload: referralAnswers({
        kind: 'school',
        referrer: { name: 'Ms Teacher', role: 'Head of year', email: 'teacher@school.example' },
      }),
      ...asSession(teacher, { headers: { 'idempotency-key': randomUUID() } }),
    });
    expect(done.statusCode, done.body).toBe(201);
    const id = await idOf(done.json().reference);
    const [row] = await asSystem((tx) => tx.select().from(referrals).where(eq(referrals.id, id)));
    const teacherUser = demoUser('school-staff-referrer@demo.lantern.example');
    expect(row?.schoolUrn).not.toBeNull();
    expect(row?.referrerUserId).toBe(teacherUser.id);

    const view = await triageGet(id);
    expect(view.statusCode).toBe(200);
    const declined = await decide(id, view.json().version, {
      kind: 'decline',
      thriveGrouping: 'getting-advice',
      priority: 'routine',
      declineReason: 'below-threshold',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const mine = await ctx.app.inject({ url: '/api/my-referrals', ...asSession(teacher) });
    const made = mine.json().referrals.find((r: { id: string }) => r.id === id);
    expect(made.status).toBe('declined');
    expect(made.declineReason).toMatch(/without a specialist service/);
    expect(made.alternatives).toMatch(/pastoral/);
    expect(JSON.stringify(made)).not.toContain('cries before school');
    const messages = await asSystem((tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.referralId, id)),
    );
    expect(messages.map((m) => m.template).sort()).toEqual(['referral-decision', 'referral-received']);
  });

  it('lets the referrer answer a question from triage, which puts the referral back in the queue', async () => {
    const done = await ctx.app.inject({
      method: 'POST',
      url: '/api/referrals',
      payload: referralAnswers({
        kind: 'school',
        child: { ...referralAnswers().child, givenName: 'Ask', nhsNumber: undefined },
      }),
      ...asSession(teacher, { headers: { 'idempotency-key': randomUUID() } }),
    });
    const id = await idOf(done.json().reference);
    const answer = (session: Session) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/my-referrals/${id}/information`,
        payload: { answer: 'Seen by GP last week; no medication.' },
        ...asSession(session),
      });
    expect((await answer(teacher)).statusCode).toBe(409);
    const { version } = (await triageGet(id)).json();
    const asked = await decide(id, version, {
      kind: 'more-information',
      thriveGrouping: 'getting-help',
      priority: 'routine',
      question: 'Has she seen her GP?',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const mine = (await ctx.app.inject({ url: '/api/my-referrals', ...asSession(teacher) })).json();
    expect(mine.referrals.find((r: { id: string }) => r.id === id).question).toBe('Has she seen her GP?');
    const other = await signIn(ctx.app, 'senior-mental-health-lead@demo.lantern.example', {
      remoteAddress: '10.9.0.4',
    });
    expect((await answer(other)).statusCode).toBe(404);
    const answered = await answer(teacher);
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().status).toBe('received');
    const view = (await triageGet(id)).json();
    expect(view.information.map((i: { answer: string }) => i.answer)).toEqual([
      'Seen by GP last week; no medication.',
    ]);
    expect(view.receivedAt).toBe(done.json().receivedAt);
  });

  it('lets exactly one of two simultaneous decisions win; the other gets 412', async () => {
    const done = await submitPublic(
      referralAnswers({ child: { ...referralAnswers().child, givenName: 'Race', nhsNumber: undefined } }),
    );
    const id = await idOf(done.json().reference);
    const { version } = (await triageGet(id)).json();
    const answers = await Promise.all([
      decide(id, version, { kind: 'mdt', thriveGrouping: 'getting-help', priority: 'routine' }),
      decide(id, version, {
        kind: 'signpost',
        thriveGrouping: 'getting-advice',
        priority: 'routine',
        signpostedTo: ['vale-youth-counselling'],
        informationSent: 'Leaflet',
      }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 412]);
    expect((await triageGet(id)).json().decisions).toHaveLength(1);
    expect(
      (await decide(id, version, { kind: 'mdt', thriveGrouping: 'getting-help', priority: 'routine' }))
        .statusCode,
    ).toBe(412);
    const noVersion = await ctx.app.inject({
      method: 'POST',
      url: `/api/triage/referrals/${id}/decisions`,
      payload: { kind: 'mdt', thriveGrouping: 'getting-help', priority: 'routine' },
      ...asSession(spa),
    });
    expect(noVersion.statusCode).toBe(428);
  });

  it('orders the queue by urgency, then waiting time, and logs each look', async () => {
    clock.advance(MINUTE);
    const urgent = await submitPublic(
      referralAnswers({
        isUrgent: true,
        child: { ...referralAnswers().child, givenName: 'Urgent', nhsNumber: undefined },
      }),
    );
    const queue = await ctx.app.inject({ url: '/api/triage/queue', ...asSession(spa) });
    expect(queue.statusCode, queue.body).toBe(200);
    const items = queue.json().items as { reference: string; isUrgent: boolean; receivedAt: string }[];
    // The demo area's last weeks of referrals are still waiting for triage.
    expect(items.length).toBeGreaterThan(30);
    expect(items[0]?.reference).toBe(urgent.json().reference);
    const routine = items.filter((i) => !i.isUrgent).map((i) => i.receivedAt);
    expect(routine).toEqual([...routine].sort());
    const logged = await ctx.database.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.subjectKind, 'triage-queue'));
    expect(logged.length).toBeGreaterThan(0);
    const teacherQueue = await ctx.app.inject({ url: '/api/triage/queue', ...asSession(teacher) });
    expect(teacherQueue.statusCode).toBe(403);
  });

  it('refuses to accept a child to a service outside its age range, and moves an accepted referral to the team', async () => {
    const done = await submitPublic(
      referralAnswers({
        child: {
          ...referralAnswers().child,
          givenName: 'Young',
          dateOfBirth: '2018-02-02',
          nhsNumber: undefined,
        },
      }),
    );
    const id = await idOf(done.json().reference);
    const { version } = (await triageGet(id)).json();
    const tooYoung = await decide(id, version, {
      kind: 'accept',
      thriveGrouping: 'getting-help',
      priority: 'routine',
      service: 'lantern-online',
    });
    expect(tooYoung.statusCode).toBe(400);
    expect(tooYoung.json().invalidParams[0].name).toBe('service');
    const wrongTeam = await decide(id, version, {
      kind: 'accept',
      thriveGrouping: 'getting-help',
      priority: 'routine',
      service: 'lantern-vale-camhs',
      teamId: randomUUID(),
    });
    expect(wrongTeam.json().invalidParams[0].name).toBe('teamId');
    const accepted = await decide(id, version, {
      kind: 'accept',
      thriveGrouping: 'getting-help',
      priority: 'routine',
      service: 'lantern-vale-camhs',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', version: version + 1 });
    const closed = await decide(id, version + 1, {
      kind: 'mdt',
      thriveGrouping: 'getting-help',
      priority: 'routine',
    });
    expect(closed.statusCode).toBe(409);
  });

  it('finds a possible duplicate, merges it with a reason, and can undo the merge', async () => {
    const first = await submitPublic(
      referralAnswers({
        child: { givenName: 'Kasia', familyName: 'Nowak', dateOfBirth: '2010-09-09', gender: 'female' },
      }),
    );
    const second = await submitPublic(
      referralAnswers({
        child: { givenName: 'Kasiа', familyName: 'Nowack', dateOfBirth: '2010-09-09', gender: 'female' },
      }),
    );
    const [a, b] = [await idOf(first.json().reference), await idOf(second.json().reference)];
    const view = (await triageGet(b)).json();
    const duplicate = view.possibleDuplicates.find(
      (d: { childName: string }) => d.childName === 'Kasia Nowak',
    );
    expect(duplicate?.reasons).toContain('Similar name and the same date of birth');
    const merge = await ctx.app.inject({
      method: 'POST',
      url: `/api/children/${view.child.id}/merges`,
      payload: { mergedChildId: duplicate.childId, reason: 'Same young person: mother confirmed by phone' },
      ...asSession(spa),
    });
    expect(merge.statusCode, merge.body).toBe(201);
    const merged = (await triageGet(b)).json();
    expect(merged.otherReferrals.map((r: { id: string }) => r.id)).toContain(a);
    expect(merged.possibleDuplicates).toEqual([]);
    const short = await ctx.app.inject({
      method: 'POST',
      url: `/api/child-links/${merge.json().linkId}/undo`,
      payload: { reason: 'no' },
      ...asSession(spa),
    });
    expect(short.json().invalidParams[0].name).toBe('reason');
    const undo = await ctx.app.inject({
      method: 'POST',
      url: `/api/child-links/${merge.json().linkId}/undo`,
      payload: { reason: 'Different birth certificate names' },
      ...asSession(spa),
    });
    expect(undo.statusCode, undo.body).toBe(200);
    expect((await triageGet(b)).json().otherReferrals).toEqual([]);
  });

  it('runs an MDT meeting with a shared decision and actions, and names a lead worker every agency sees', async () => {
    const done = await ctx.app.inject({
      method: 'POST',
      url: '/api/referrals',
      payload: referralAnswers({
        kind: 'school',
        child: { ...referralAnswers().child, givenName: 'Mdt', nhsNumber: undefined },
      }),
      ...asSession(teacher, { headers: { 'idempotency-key': randomUUID() } }),
    });
    const id = await idOf(done.json().reference);
    const { version } = (await triageGet(id)).json();
    expect(
      (await decide(id, version, { kind: 'mdt', thriveGrouping: 'getting-more-help', priority: 'urgent' }))
        .statusCode,
    ).toBe(200);
    const meeting = await ctx.app.inject({
      method: 'POST',
      url: '/api/mdt/meetings',
      payload: {
        heldAt: '2026-12-02T14:00:00Z',
        agenciesPresent: ['CAMHS', 'Early help', 'School'],
        referralIds: [id],
      },
      ...asSession(spa, { headers: { 'idempotency-key': randomUUID() } }),
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    // The create answer holds only the id (it is kept for replays); the agenda is read in scope.
    expect(Object.keys(meeting.json())).toEqual(['id']);
    const planned = await ctx.app.inject({
      url: `/api/mdt/meetings/${meeting.json().id}`,
      ...asSession(spa),
    });
    const item = planned.json().agenda[0];
    const outcome = await ctx.app.inject({
      method: 'POST',
      url: `/api/mdt/meetings/${meeting.json().id}/agenda/${item.itemId}/outcome`,
      payload: {
        sharedDecision: 'Early help to lead; CAMHS consultation to school',
        actions: [
          {
            description: 'Home visit',
            ownerName: 'Pat Jones',
            ownerAgency: 'Early help',
            dueOn: '2026-12-09',
          },
        ],
      },
      ...asSession(spa),
    });
    expect(outcome.statusCode, outcome.body).toBe(200);
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/mdt/meetings/${meeting.json().id}/agenda/${item.itemId}/outcome`,
      payload: { sharedDecision: 'Other' },
      ...asSession(spa),
    });
    expect(again.statusCode).toBe(409);
    const after = (await triageGet(id)).json();
    expect(after.mdt[0].actions[0]).toMatchObject({ ownerName: 'Pat Jones', dueOn: '2026-12-09' });
    const lead = await ctx.app.inject({
      method: 'PUT',
      url: `/api/triage/referrals/${id}/lead-worker`,
      payload: { name: 'Pat Jones', agency: 'Early help', phone: '01632 960001' },
      ...asSession(spa, { headers: { 'if-match': `"${after.version}"` } }),
    });
    expect(lead.statusCode, lead.body).toBe(200);
    const mine = (await ctx.app.inject({ url: '/api/my-referrals', ...asSession(teacher) })).json();
    expect(mine.referrals.find((r: { id: string }) => r.id === id).leadWorker).toMatchObject({
      name: 'Pat Jones',
      agency: 'Early help',
    });
  });

  it('keeps each referrer’s drafts to themselves and refuses a stale save', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/referral-drafts',
      payload: { kind: 'school', answers: { child: { givenName: 'Dr' } } },
      ...asSession(teacher),
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    const save = (version: number) =>
      ctx.app.inject({
        method: 'PUT',
        url: `/api/referral-drafts/${draft.id}`,
        payload: { kind: 'school', answers: { needs: ['anxiety'] } },
        ...asSession(teacher, { headers: { 'if-match': `"${version}"` } }),
      });
    expect((await save(1)).statusCode).toBe(200);
    expect((await save(1)).statusCode).toBe(412);
    const send = () =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/referrals',
        payload: referralAnswers({ kind: 'school', draftId: draft.id }),
        ...asSession(teacher, { headers: { 'idempotency-key': randomUUID() } }),
      });
    expect((await send()).statusCode).toBe(201);
    const again = await send();
    expect(again.statusCode).toBe(409);
    expect(again.json().invalidParams[0].name).toBe('draftId');
    const other = await signIn(ctx.app, 'senior-mental-health-lead@demo.lantern.example', {
      remoteAddress: '10.9.0.3',
    });
    expect(
      (await ctx.app.inject({ url: `/api/referral-drafts/${draft.id}`, ...asSession(other) })).statusCode,
    ).toBe(404);
  });
});
