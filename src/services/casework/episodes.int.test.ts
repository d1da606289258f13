import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { accessLog } from '../../db/schema/audit.js';
import { careContacts, episodeMilestones } from '../../db/schema/casework.js';
import { episodes, onwardReferrals } from '../../db/schema/episodes.js';
import { allocations } from '../../db/schema/mhst.js';
import { outboxMessages } from '../../db/schema/outbox.js';
import { carers, children } from '../../db/schema/people.js';
import { referralConsents, referrals } from '../../db/schema/referrals.js';
import { withScope } from '../../db/scoped.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  demoIdentity,
  enrolledDemoUser,
  problemOf,
  type Session,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

// A practitioner runs an episode of care from allocation to discharge through HTTP: assessment with
// a safety plan, goals, intervention, closing with letters that respect consent and "do not share".
describe.each(testDatabases)('Episodes of care on $name', (factory) => {
  const clock = testClock('2026-11-23T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let manager: Session;
  let emhp: Session;
  const managerUser = enrolledDemoUser('mhst-team-manager');
  const emhpUser = enrolledDemoUser('emhp');
  const teamId = demoIdentity.userRoles.find((g) => g.userId === managerUser.id)?.teamId as string;
  let referralId: string;
  let childName: string;

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now, withDemoReferrals: true });
    manager = await signInWithTotp(ctx.app, managerUser, { remoteAddress: '10.9.1.1', now: clock.now });
    emhp = await signInWithTotp(ctx.app, emhpUser, { remoteAddress: '10.9.1.2', now: clock.now });
  });
  afterAll(() => ctx?.dispose());

  const url = (id: string, rest = '') => `/api/caseload/${id}/episode${rest}`;
  const get = (session: Session, path: string) =>
    ctx.app.inject({ method: 'GET', url: path, ...asSession(session) });
  const send = (session: Session, method: 'POST' | 'PUT', path: string, payload: object, headers = {}) =>
    ctx.app.inject({ method, url: path, payload, ...asSession(session, { headers }) });
  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(ctx.database.db, systemScope('test'), work);
  const milestones = (id: string) =>
    asSystem((tx) => tx.select().from(episodeMilestones).where(eq(episodeMilestones.referralId, id)));

  it('opens an episode when a referral is allocated, and shows who the letters would go to', async () => {
    const list = (await get(manager, `/api/mhst/teams/${teamId}/waiting-list`)).json();
    const target = list.items[0];
    referralId = target.referralId;
    childName = target.childName;
    const [referral] = await asSystem((tx) =>
      tx.select().from(referrals).where(eq(referrals.id, referralId)),
    );
    const childId = referral?.childId as string;
    await asSystem(async (tx) => {
      await tx
        .update(referrals)
        .set({ source: 'school', referrerEmail: 'senco@school.example.org' })
        .where(eq(referrals.id, referralId));
      await tx
        .update(children)
        .set({ contactRoutes: ['email'], contactEmail: 'young.person@example.org' })
        .where(eq(children.id, childId));
      await tx.insert(referralConsents).values({
        referralId,
        consentedBy: 'young-person',
        status: 'given',
        method: 'in-person',
        isGillickCompetent: true,
        parentsMayBeTold: 'yes',
        recordedAt: clock.now(),
      });
      await tx.insert(carers).values([
        {
          childId,
          name: 'Pat Carer',
          relationship: 'mother',
          hasParentalResponsibility: true,
          email: 'pat@example.org',
        },
        {
          childId,
          name: 'Lee Carer',
          relationship: 'father',
          hasParentalResponsibility: true,
          email: 'lee@example.org',
          doNotShare: true,
        },
      ]);
    });
    const allocated = await send(
      manager,
      'POST',
      `/api/mhst/teams/${teamId}/referrals/${referralId}/allocations`,
      { kind: 'practitioner', userId: emhpUser.id, reason: 'Link practitioner' },
      { 'if-match': `"${target.version}"` },
    );
    expect(allocated.statusCode, allocated.body).toBe(200);
    const [row] = await asSystem((tx) =>
      tx.select().from(episodes).where(eq(episodes.referralId, referralId)),
    );
    expect(row).toMatchObject({ status: 'open', openedBy: managerUser.id, version: 1 });
    expect(row?.openedAt.toISOString()).toBe(clock.now().toISOString());

    const view = await get(emhp, url(referralId));
    expect(view.statusCode, view.body).toBe(200);
    expect(view.headers.etag).toBe('"1"');
    const body = view.json();
    expect(body.episode).toMatchObject({ id: row?.id, status: 'open', intervention: null });
    const addresses = body.letters.recipients.map((r: { address: string }) => r.address);
    expect(addresses.slice(0, 2)).toEqual(['senco@school.example.org', 'young.person@example.org']);
    expect(addresses).toContain('pat@example.org');
    expect(addresses).not.toContain('lee@example.org');
    expect(body.letters.notWritten).toContainEqual({
      who: 'carer',
      label: 'Lee Carer (father)',
      reason: 'Marked: do not share information with them',
    });
  });

  it('records assessments (a safety plan needed at medium risk) and the milestone once', async () => {
    const assessment = {
      presentingProblems: ['anxiety', 'sleep'],
      summary: 'Worried about exams; not sleeping',
      riskLevel: 'medium',
      riskDetail: 'Thoughts of self-harm last month, none now',
      assessedAt: '2026-11-23T09:00:00Z',
    };
    const missing = await send(emhp, 'POST', url(referralId, '/assessments'), assessment);
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(problemOf(missing))).toContain('safetyPlan');
    const future = await send(emhp, 'POST', url(referralId, '/assessments'), {
      ...assessment,
      safetyPlan: 'Talk to Miss A',
      assessedAt: '2026-12-23T09:00:00Z',
    });
    expect(future.statusCode).toBe(400);
    for (const riskLevel of ['medium', 'low']) {
      const done = await send(
        emhp,
        'POST',
        url(referralId, '/assessments'),
        { ...assessment, riskLevel, safetyPlan: 'Talk to Miss A at school; call 111', inConfidence: true },
        { 'idempotency-key': randomUUID() },
      );
      expect(done.statusCode, done.body).toBe(200);
    }
    const view = (await get(emhp, url(referralId))).json();
    expect(view.assessments).toHaveLength(2);
    expect(view.assessments[0].inConfidence).toBe(true);
    expect((await milestones(referralId)).filter((m) => m.milestone === 'assessment')).toHaveLength(1);
  });

  it('adds goals (care-plan milestone once), marks one achieved, and refuses a stale version', async () => {
    const key = randomUUID();
    const first = await send(
      emhp,
      'POST',
      url(referralId, '/goals'),
      { goal: 'Sleep by eleven on school nights', agreedAt: '2026-11-23T09:30:00Z' },
      { 'idempotency-key': key },
    );
    expect(first.statusCode, first.body).toBe(200);
    const replay = await send(
      emhp,
      'POST',
      url(referralId, '/goals'),
      { goal: 'Sleep by eleven on school nights', agreedAt: '2026-11-23T09:30:00Z' },
      { 'idempotency-key': key },
    );
    expect(replay.json().id).toBe(first.json().id);
    await send(emhp, 'POST', url(referralId, '/goals'), {
      goal: 'Go to the exam',
      agreedAt: '2026-11-23T09:30:00Z',
    });
    const goalId = first.json().id;
    const achieved = await send(
      emhp,
      'PUT',
      url(referralId, `/goals/${goalId}`),
      { status: 'achieved' },
      { 'if-match': '"1"' },
    );
    expect(achieved.statusCode, achieved.body).toBe(200);
    expect(achieved.headers.etag).toBe('"2"');
    const stale = await send(
      emhp,
      'PUT',
      url(referralId, `/goals/${goalId}`),
      { status: 'stopped' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    const noIfMatch = await send(emhp, 'PUT', url(referralId, `/goals/${goalId}`), { status: 'stopped' });
    expect(noIfMatch.statusCode).toBe(428);
    const view = (await get(emhp, url(referralId))).json();
    expect(view.goals.map((g: { status: string }) => g.status)).toEqual(['achieved', 'active']);
    expect((await milestones(referralId)).filter((m) => m.milestone === 'care-plan')).toHaveLength(1);
  });

  it('chooses the intervention with If-Match, recording the milestone once', async () => {
    const chosen = await send(
      emhp,
      'PUT',
      url(referralId, '/intervention'),
      { intervention: 'guided-self-help-anxiety' },
      { 'if-match': '"1"' },
    );
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().version).toBe(2);
    const stale = await send(
      emhp,
      'PUT',
      url(referralId, '/intervention'),
      { intervention: 'guided-self-help-low-mood' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    const changed = await send(
      emhp,
      'PUT',
      url(referralId, '/intervention'),
      { intervention: 'guided-self-help-low-mood' },
      { 'if-match': '"2"' },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await milestones(referralId)).filter((m) => m.milestone === 'intervention')).toHaveLength(1);
  });

  it('discharges: the referral is discharged and letters respect consent and do-not-share', async () => {
    const closing = {
      kind: 'discharge',
      reason: 'goals-met',
      outcome: 'improved',
      summary: 'Sleeping better',
    };
    expect(
      (await send(emhp, 'POST', url(referralId, '/closure'), closing, { 'if-match': '"2"' })).statusCode,
    ).toBe(412);
    // An appointment still only booked when help ends will not happen: nobody is reminded of it.
    const booked = await send(emhp, 'POST', `/api/caseload/${referralId}/contacts`, {
      startsAt: '2026-12-02T16:00:00Z',
      schoolUrn: null,
      medium: 'video',
    });
    expect(booked.statusCode, booked.body).toBe(200);
    const bookedId = booked.json().id as string;
    const closed = await send(emhp, 'POST', url(referralId, '/closure'), closing, { 'if-match': '"3"' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'discharged', referralStatus: 'discharged', version: 4 });
    const [referral] = await asSystem((tx) =>
      tx.select().from(referrals).where(eq(referrals.id, referralId)),
    );
    expect(referral?.status).toBe('discharged');
    const [contact] = await asSystem((tx) =>
      tx.select().from(careContacts).where(eq(careContacts.id, bookedId)),
    );
    expect(contact?.attendStatus).toBe('cancelled-by-service');
    const reminders = await asSystem((tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.template, 'appointment-reminder')),
    );
    const reminder = reminders.find(
      (m) => (m.personalisation as { contactId?: string }).contactId === bookedId,
    );
    expect(reminder?.withdrawnAt).toBeInstanceOf(Date);
    const current = await asSystem((tx) =>
      tx
        .select()
        .from(allocations)
        .where(and(eq(allocations.referralId, referralId), isNull(allocations.endedAt))),
    );
    expect(current).toEqual([]);
    const letters = await asSystem((tx) =>
      tx
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.referralId, referralId))),
    );
    const closing_ = letters.filter((m) => m.template.startsWith('discharge-'));
    const sent = closing_.map((m) => `${m.template} ${m.recipient}`);
    expect(sent).toContain('discharge-referrer senco@school.example.org');
    expect(sent).toContain('discharge-family young.person@example.org');
    expect(sent).toContain('discharge-family pat@example.org');
    expect(closing_.filter((m) => m.template === 'discharge-referrer')).toHaveLength(1);
    expect(letters.some((m) => m.recipient === 'lee@example.org')).toBe(false);
    for (const m of closing_.filter((l) => l.template === 'discharge-family')) {
      const text = JSON.stringify(m.personalisation);
      expect(text).not.toContain(childName.split(' ')[0]);
      expect(Object.keys(m.personalisation as object).sort()).toEqual(['endedOn', 'reference']);
    }
    const toReferrer = closing_.find((m) => m.template === 'discharge-referrer');
    expect(toReferrer?.personalisation).toMatchObject({ reasonText: 'the goals agreed were met' });
  });

  it('refuses every change once the episode has closed (409), and still shows it', async () => {
    const attempts = [
      send(emhp, 'POST', url(referralId, '/assessments'), {
        presentingProblems: ['anxiety'],
        summary: 'Again',
        riskLevel: 'low',
        assessedAt: '2026-11-23T09:00:00Z',
      }),
      send(emhp, 'POST', url(referralId, '/goals'), { goal: 'One more', agreedAt: '2026-11-23T09:00:00Z' }),
      send(
        emhp,
        'PUT',
        url(referralId, '/intervention'),
        { intervention: 'guided-self-help-anxiety' },
        { 'if-match': '"4"' },
      ),
      send(
        emhp,
        'POST',
        url(referralId, '/closure'),
        { kind: 'onward', serviceName: 'CAMHS', reason: 'More help' },
        { 'if-match': '"4"' },
      ),
    ];
    for (const response of attempts) expect((await response).statusCode).toBe(409);
    const view = await get(emhp, url(referralId));
    expect(view.statusCode).toBe(200);
    expect(view.json().episode).toMatchObject({
      status: 'discharged',
      closeReason: 'goals-met',
      closeOutcome: 'improved',
    });
  });

  it('shows the demo area’s episodes, with their assessments and goals', async () => {
    const caseload = (await get(emhp, '/api/caseload')).json();
    const seen = caseload.items.filter((i: { status: string }) => i.status === 'in-intervention').slice(0, 3);
    expect(seen.length).toBeGreaterThan(0);
    for (const item of seen) {
      const view = await get(emhp, url(item.referralId));
      expect(view.statusCode, view.body).toBe(200);
      expect(view.json().episode.status).toBe('open');
    }
  });

  it('answers 404 for a young person not on the caseload, logging the refusal', async () => {
    const list = (await get(manager, `/api/mhst/teams/${teamId}/waiting-list`)).json();
    for (const id of [randomUUID(), list.items[0].referralId]) {
      expect((await get(emhp, url(id))).statusCode).toBe(404);
      const wrote = await send(emhp, 'POST', url(id, '/goals'), {
        goal: 'A goal',
        agreedAt: '2026-11-23T09:00:00Z',
      });
      expect(wrote.statusCode).toBe(404);
    }
    const denied = await ctx.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, 'caseload:read'), eq(accessLog.outcome, 'denied')));
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });

  it('shows an older allocation with no episode row as open, makes the row on first change, and steps up', async () => {
    // Older data: a referral allocated before episodes existed has no episode row.
    const list = (await get(manager, `/api/mhst/teams/${teamId}/waiting-list`)).json();
    const older = list.items[1];
    const allocatedAt = new Date('2026-11-02T10:00:00Z');
    await asSystem((tx) =>
      tx
        .update(referrals)
        .set({ status: 'allocated', allocatedUserId: emhpUser.id, allocatedAt })
        .where(eq(referrals.id, older.referralId)),
    );
    const [existing] = await asSystem((tx) =>
      tx.select().from(episodes).where(eq(episodes.referralId, older.referralId)),
    );
    expect(existing).toBeUndefined();
    const [referral] = await asSystem((tx) =>
      tx.select().from(referrals).where(eq(referrals.id, older.referralId)),
    );
    await asSystem(async (tx) => {
      await tx.update(referrals).set({ source: 'self' }).where(eq(referrals.id, older.referralId));
      await tx
        .update(children)
        .set({ contactRoutes: ['text'], contactPhone: '07700900123' })
        .where(eq(children.id, referral?.childId as string));
      await tx.insert(carers).values({
        childId: referral?.childId as string,
        name: 'Jo Carer',
        relationship: 'mother',
        hasParentalResponsibility: true,
        email: 'jo@example.org',
      });
    });
    const view = (await get(emhp, url(older.referralId))).json();
    expect(view.episode).toMatchObject({
      id: null,
      status: 'open',
      version: 1,
      openedAt: allocatedAt.toISOString(),
    });
    expect(view.letters.recipients).toEqual([
      expect.objectContaining({ who: 'young-person', channel: 'sms' }),
    ]);
    const step = await send(
      emhp,
      'POST',
      url(older.referralId, '/closure'),
      { kind: 'step-up', serviceName: 'Community CAMHS', reason: 'Needs more specialist help' },
      { 'if-match': '"1"' },
    );
    expect(step.statusCode, step.body).toBe(200);
    expect(step.json().status).toBe('stepped-up');
    const [made] = await asSystem((tx) =>
      tx.select().from(episodes).where(eq(episodes.referralId, older.referralId)),
    );
    expect(made).toMatchObject({ openedBy: emhpUser.id, status: 'stepped-up', closeReason: 'stepped-up' });
    expect(made?.openedAt.toISOString()).toBe(allocatedAt.toISOString());
    const onward = await asSystem((tx) =>
      tx.select().from(onwardReferrals).where(eq(onwardReferrals.referralId, older.referralId)),
    );
    expect(onward).toMatchObject([{ direction: 'step-up', serviceName: 'Community CAMHS' }]);
    const after = (await get(emhp, url(older.referralId))).json();
    expect(after.episode).toMatchObject({ status: 'stepped-up', closeReason: 'stepped-up' });
    expect(after.onwardReferrals).toHaveLength(1);
    const sent = await asSystem((tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.referralId, older.referralId)),
    );
    expect(sent.filter((m) => m.template.startsWith('discharge-')).map((m) => m.recipient)).toEqual([
      '07700900123',
    ]);
  });
});
