import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { accessLog } from '../../db/schema/audit.js';
import { allocations, breachAlerts } from '../../db/schema/mhst.js';
import { outboxMessages } from '../../db/schema/outbox.js';
import { carers } from '../../db/schema/people.js';
import { referrals } from '../../db/schema/referrals.js';
import { withScope } from '../../db/scoped.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  demoIdentity,
  enrolledDemoUser,
  type Session,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';
import { runBreachCheck } from './forecast.js';

// A team manager allocates from suggestions, one at a time and in bulk; the practitioner sees the
// new allocation, books and records a first contact; the breach check alerts the manager once.
describe.each(testDatabases)('MHST allocation on $name', (factory) => {
  const clock = testClock('2026-11-23T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let manager: Session;
  let emhp: Session;
  const managerUser = enrolledDemoUser('mhst-team-manager');
  const teamId = demoIdentity.userRoles.find((g) => g.userId === managerUser.id)?.teamId as string;
  const inTeam = (role: string) =>
    demoIdentity.userRoles.filter((g) => g.teamId === teamId && g.role === role).map((g) => g.userId);

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now, withDemoReferrals: true });
    manager = await signInWithTotp(ctx.app, managerUser, { remoteAddress: '10.9.0.1', now: clock.now });
    emhp = await signInWithTotp(ctx.app, enrolledDemoUser('emhp'), {
      remoteAddress: '10.9.0.2',
      now: clock.now,
    });
  });
  afterAll(() => ctx?.dispose());

  const get = (session: Session, url: string) =>
    ctx.app.inject({ method: 'GET', url, ...asSession(session) });
  const send = (session: Session, method: 'POST' | 'PUT', url: string, payload: object, headers = {}) =>
    ctx.app.inject({ method, url, payload, ...asSession(session, { headers }) });
  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(ctx.database.db, systemScope('test'), work);

  it('lists the manager’s team and its trays, oldest first, with days against four weeks', async () => {
    const teams = await get(manager, '/api/mhst/teams');
    expect(teams.statusCode, teams.body).toBe(200);
    expect(teams.json().items.map((t: { id: string }) => t.id)).toEqual([teamId]);
    const list = await get(manager, `/api/mhst/teams/${teamId}/waiting-list`);
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json();
    expect(body.items.length).toBe(body.counts['awaiting-allocation']);
    const waited = body.items.map((i: { daysWaited: number }) => i.daysWaited);
    expect(waited).toEqual([...waited].sort((a, b) => b - a));
    for (const item of body.items) {
      expect(item.rag).toBe(item.daysWaited >= 28 ? 'red' : item.daysWaited >= 21 ? 'amber' : 'green');
    }
  });

  it('answers 404 for another team and 403 to a practitioner who cannot allocate', async () => {
    const other = demoIdentity.userRoles.find(
      (g) => g.role === 'mhst-team-manager' && g.teamId !== teamId,
    )?.teamId;
    expect((await get(manager, `/api/mhst/teams/${other}/waiting-list`)).statusCode).toBe(404);
    expect((await get(emhp, `/api/mhst/teams/${teamId}/waiting-list`)).statusCode).toBe(403);
  });

  it('suggests practitioners with reasons and allocates one, keeping history on reallocation', async () => {
    const [first, second] = inTeam('emhp');
    for (const userId of [first, second]) {
      const saved = await send(
        manager,
        'PUT',
        `/api/mhst/teams/${teamId}/practitioners/${userId}`,
        { caseloadCapacity: 60, gender: 'female', languages: ['English'], schoolDays: [] },
        { 'if-match': '"0"' },
      );
      // A profile the demo area already made has a version of its own: read it and save again.
      if (saved.statusCode === 412) {
        const capacity = (await get(manager, `/api/mhst/teams/${teamId}/capacity`)).json();
        const version = capacity.practitioners.find((p: { userId: string }) => p.userId === userId).version;
        const again = await send(
          manager,
          'PUT',
          `/api/mhst/teams/${teamId}/practitioners/${userId}`,
          { caseloadCapacity: 60, gender: 'female', languages: ['English'], schoolDays: [] },
          { 'if-match': `"${version}"` },
        );
        expect(again.statusCode, again.body).toBe(200);
      } else expect(saved.statusCode, saved.body).toBe(200);
    }
    const list = (await get(manager, `/api/mhst/teams/${teamId}/waiting-list`)).json();
    const target = list.items[0];
    const view = await get(manager, `/api/mhst/teams/${teamId}/referrals/${target.referralId}`);
    expect(view.statusCode, view.body).toBe(200);
    const { suggestions, clocks } = view.json();
    expect(suggestions.length).toBeGreaterThan(0);
    expect(clocks.firstContact.isRunning).toBe(true);
    for (const s of suggestions) {
      expect(s.score).toBe(s.reasons.reduce((sum: number, r: { points: number }) => sum + r.points, 0));
    }
    const allocate = (userId: string, version: number) =>
      send(
        manager,
        'POST',
        `/api/mhst/teams/${teamId}/referrals/${target.referralId}/allocations`,
        { kind: 'practitioner', userId, reason: 'Link practitioner with space' },
        { 'if-match': `"${version}"` },
      );
    const done = await allocate(first as string, target.version);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('allocated');
    expect((await allocate(second as string, target.version)).statusCode).toBe(412);
    const again = await allocate(second as string, done.json().version);
    expect(again.statusCode, again.body).toBe(200);
    const rows = await asSystem((tx) =>
      tx.select().from(allocations).where(eq(allocations.referralId, target.referralId)),
    );
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.endedAt === null).map((r) => r.userId)).toEqual([second]);
    const messages = await asSystem((tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.referralId, target.referralId)),
    );
    expect(messages.filter((m) => m.template === 'new-allocation')).toHaveLength(2);
  });

  it('allocates in bulk to top suggestions with space, reporting stale rows', async () => {
    const list = (await get(manager, `/api/mhst/teams/${teamId}/waiting-list`)).json();
    const [a, b] = list.items;
    const done = await send(
      manager,
      'POST',
      `/api/mhst/teams/${teamId}/bulk-allocations`,
      {
        items: [
          { referralId: a.referralId, version: a.version },
          { referralId: b.referralId, version: b.version + 5 },
        ],
        reason: 'Weekly allocation meeting',
      },
      { 'idempotency-key': 'bulk-1' },
    );
    expect(done.statusCode, done.body).toBe(200);
    const outcomes = done.json().results.map((r: { outcome: string }) => r.outcome);
    expect(outcomes).toEqual(['allocated', 'changed-since-you-looked']);
    const [row] = await asSystem((tx) => tx.select().from(referrals).where(eq(referrals.id, a.referralId)));
    expect(row?.status).toBe('allocated');
  });

  it('shows the practitioner their new allocation; a first attended contact moves it into intervention', async () => {
    const emhpUser = enrolledDemoUser('emhp');
    expect(inTeam('emhp')).toContain(emhpUser.id);
    const list = (await get(manager, `/api/mhst/teams/${teamId}/waiting-list`)).json();
    const target = list.items[0];
    const allocated = await send(
      manager,
      'POST',
      `/api/mhst/teams/${teamId}/referrals/${target.referralId}/allocations`,
      { kind: 'practitioner', userId: emhpUser.id, reason: 'Works in this school on Tuesdays' },
      { 'if-match': `"${target.version}"` },
    );
    expect(allocated.statusCode, allocated.body).toBe(200);
    const caseload = (await get(emhp, '/api/caseload')).json();
    const mine = caseload.items.find((i: { referralId: string }) => i.referralId === target.referralId);
    expect(mine?.isNew).toBe(true);
    const booked = await send(emhp, 'POST', `/api/caseload/${target.referralId}/contacts`, {
      startsAt: '2026-11-23T09:00:00Z',
      schoolUrn: target.schoolUrn,
      kind: 'one-to-one',
    });
    expect(booked.statusCode, booked.body).toBe(200);
    const attended = await send(
      emhp,
      'PUT',
      `/api/caseload/${target.referralId}/contacts/${booked.json().id}/attendance`,
      { attendStatus: 'attended' },
      { 'if-match': '"1"' },
    );
    expect(attended.statusCode, attended.body).toBe(200);
    expect(attended.json().referralStatus).toBe('in-intervention');
    const detail = (await get(emhp, `/api/caseload/${target.referralId}`)).json();
    expect(detail.clocks.firstContact.isRunning).toBe(false);
    expect(detail.clocks.firstContact.days).toBe(target.daysWaited);
  });

  it('suggests the practitioner who works with a brother or sister (a carer with the same email)', async () => {
    const list = (await get(manager, `/api/mhst/teams/${teamId}/waiting-list`)).json();
    const [child, sibling] = list.items;
    const [practitioner] = inTeam('senior-practitioner');
    const byReferral = async (referralId: string) => {
      const [row] = await asSystem((tx) => tx.select().from(referrals).where(eq(referrals.id, referralId)));
      return row?.childId as string;
    };
    const childIds = [await byReferral(child.referralId), await byReferral(sibling.referralId)];
    const email = `family-${randomUUID()}@example.org`;
    await asSystem((tx) =>
      tx.insert(carers).values(
        childIds.map((childId) => ({
          childId,
          name: 'Sam Carer',
          relationship: 'mother',
          hasParentalResponsibility: true,
          email,
        })),
      ),
    );
    const reasonsOf = async () => {
      const view = (await get(manager, `/api/mhst/teams/${teamId}/referrals/${child.referralId}`)).json();
      const theirs = view.suggestions.find((s: { userId: string }) => s.userId === practitioner);
      return theirs.reasons.map((r: { kind: string }) => r.kind);
    };
    expect(await reasonsOf()).not.toContain('sibling');
    const done = await send(
      manager,
      'POST',
      `/api/mhst/teams/${teamId}/referrals/${sibling.referralId}/allocations`,
      { kind: 'practitioner', userId: practitioner, reason: 'Has space this week' },
      { 'if-match': `"${sibling.version}"` },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(await reasonsOf()).toContain('sibling');
  });

  it('raises each breach alert once and emails the team manager a count', async () => {
    const first = await runBreachCheck(ctx.database.db, clock.now());
    const second = await runBreachCheck(ctx.database.db, clock.now());
    expect(second.raised).toBe(0);
    const alerts = await asSystem((tx) => tx.select().from(breachAlerts));
    expect(alerts).toHaveLength(first.raised);
    const forecast = await get(manager, `/api/mhst/teams/${teamId}/forecast`);
    expect(forecast.statusCode, forecast.body).toBe(200);
    expect(forecast.json().days).toHaveLength(7);
    if (first.raised > 0) {
      const emails = await asSystem((tx) =>
        tx.select().from(outboxMessages).where(eq(outboxMessages.template, 'breach-risk')),
      );
      expect(emails.length).toBeGreaterThan(0);
      expect(JSON.stringify(emails.map((e) => e.personalisation))).not.toMatch(/LV-/);
    }
  });

  it('logs every read of the waiting list and every referral opened for allocation', async () => {
    const rows = await ctx.database.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.action, 'allocation:manage'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.subjectKind === 'referral')).toBe(true);
  });
});
