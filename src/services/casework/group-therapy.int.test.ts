import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { accessLog } from '../../db/schema/audit.js';
import { careContacts } from '../../db/schema/casework.js';
import { groupTherapySessions } from '../../db/schema/episodes.js';
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

// A senior practitioner records a group therapy session for young people in their team: one session,
// a contact in each record, and the group waiting list moves into intervention. An attendee outside
// the caller's scope refuses the whole session, and nothing is written.
describe.each(testDatabases)('group therapy sessions on $name', (factory) => {
  const clock = testClock('2026-12-01T15:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let senior: Session;
  let emhp: Session;
  const seniorUser = enrolledDemoUser('senior-practitioner');
  const emhpUser = enrolledDemoUser('emhp');
  const teamOf = (userId: string) =>
    demoIdentity.userRoles.find((g) => g.userId === userId)?.teamId as string;
  const teamId = teamOf(seniorUser.id);
  type Candidate = { referralId: string; status: string; childName: string };
  let candidates: Candidate[] = [];

  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(ctx.database.db, systemScope('test'), work);
  const get = (session: Session, url: string) =>
    ctx.app.inject({ method: 'GET', url, ...asSession(session) });
  const record = (session: Session, payload: object, key: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/group-therapy/sessions',
      payload,
      ...asSession(session, { headers: { 'idempotency-key': key } }),
    });
  const counts = () =>
    asSystem(async (tx) => {
      const [sessions] = await tx.select({ n: count() }).from(groupTherapySessions);
      const [contacts] = await tx
        .select({ n: count() })
        .from(careContacts)
        .where(eq(careContacts.kind, 'group-therapy'));
      return { sessions: Number(sessions?.n), contacts: Number(contacts?.n) };
    });

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now, withDemoReferrals: true });
    senior = await signInWithTotp(ctx.app, seniorUser, { remoteAddress: '10.9.2.1', now: clock.now });
    emhp = await signInWithTotp(ctx.app, emhpUser, { remoteAddress: '10.9.2.2', now: clock.now });
  }, 120_000);
  afterAll(() => ctx?.dispose());

  it('lists the team’s young people on the group waiting list or in intervention, logging the read', async () => {
    const response = await get(senior, `/api/group-therapy/candidates?teamId=${teamId}`);
    expect(response.statusCode, response.body).toBe(200);
    candidates = response.json().items;
    expect(candidates.some((c) => c.status === 'group-waiting-list')).toBe(true);
    expect(candidates.length).toBeGreaterThanOrEqual(3);
    expect(new Set(candidates.map((c) => c.status))).toEqual(
      new Set(['group-waiting-list', 'in-intervention']),
    );
    const logged = await asSystem((tx) =>
      tx.select().from(accessLog).where(eq(accessLog.subjectKind, 'group-therapy-candidates')),
    );
    expect(logged.map((r) => [r.subjectId, r.outcome])).toEqual([[teamId, 'allowed']]);
    const other = demoIdentity.userRoles.find((g) => g.teamId && g.teamId !== teamId)?.teamId;
    expect((await get(senior, `/api/group-therapy/candidates?teamId=${other}`)).statusCode).toBe(404);
  });

  it('records one session with a group contact in each young person’s record', async () => {
    const waiting = candidates.find((c) => c.status === 'group-waiting-list') as Candidate;
    const active = candidates.find((c) => c.status === 'in-intervention') as Candidate;
    const before = await counts();
    const body = {
      teamId,
      programme: 'Managing worry',
      startsAt: '2026-12-01T13:00:00Z',
      attendees: [
        { referralId: waiting.referralId, attendStatus: 'attended' },
        { referralId: active.referralId, attendStatus: 'did-not-attend' },
      ],
    };
    const saved = await record(senior, body, 'group-session-1');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().contacts).toBe(2);
    // A retry with the same key records nothing more.
    const again = await record(senior, body, 'group-session-1');
    expect(again.json().id).toBe(saved.json().id);
    expect(await counts()).toEqual({ sessions: before.sessions + 1, contacts: before.contacts + 2 });

    const contacts = await asSystem((tx) =>
      tx.select().from(careContacts).where(eq(careContacts.groupSessionId, saved.json().id)),
    );
    expect(contacts.map((c) => [c.referralId, c.kind, c.attendStatus]).sort()).toEqual(
      [
        [waiting.referralId, 'group-therapy', 'attended'],
        [active.referralId, 'group-therapy', 'did-not-attend'],
      ].sort(),
    );
    const [moved] = await asSystem((tx) =>
      tx.select().from(referrals).where(eq(referrals.id, waiting.referralId)),
    );
    expect(moved?.status).toBe('in-intervention');
    const logged = await asSystem((tx) =>
      tx
        .select()
        .from(accessLog)
        .where(inArray(accessLog.subjectId, [waiting.referralId, active.referralId])),
    );
    expect(logged.filter((r) => r.basis === 'group-therapy' && r.outcome === 'allowed')).toHaveLength(2);

    // Each young person's record lists the group contact with its programme.
    const detail = (await get(senior, `/api/caseload/${waiting.referralId}`)).json();
    const contact = detail.contacts.find((c: { kind: string }) => c.kind === 'group-therapy');
    expect(contact).toMatchObject({ groupProgramme: 'Managing worry', attendStatus: 'attended' });
  });

  it('lists the team’s sessions with how many came, and whether the programme counts towards access', async () => {
    const second = await record(
      senior,
      {
        teamId,
        programme: 'managing  worry',
        startsAt: '2026-12-01T14:00:00Z',
        attendees: [{ referralId: (candidates[2] as Candidate).referralId, attendStatus: 'late-seen' }],
      },
      'group-session-2',
    );
    expect(second.statusCode, second.body).toBe(200);
    const list = await get(senior, '/api/group-therapy/sessions');
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json();
    expect(body.teamId).toBe(teamId);
    const [latest, first] = body.items;
    expect(latest).toMatchObject({ programme: 'managing  worry', attended: 1, notAttended: 0 });
    expect(first).toMatchObject({ programme: 'Managing worry', attended: 1, notAttended: 1 });
    // Two young people over two sessions: it counts.
    expect(latest.programmeCountsTowardsAccess).toBe(true);
  });

  it('refuses the whole session with 404 when one young person is not the caller’s to see', async () => {
    const mine = (await get(emhp, '/api/caseload')).json().items[0];
    const notMine = candidates.find(
      (c) => c.status === 'group-waiting-list' || c.referralId !== mine.referralId,
    );
    const before = await counts();
    const refused = await record(
      emhp,
      {
        teamId: teamOf(emhpUser.id),
        programme: 'Low mood group',
        startsAt: '2026-12-01T10:00:00Z',
        attendees: [
          { referralId: mine.referralId, attendStatus: 'attended' },
          { referralId: notMine?.referralId, attendStatus: 'attended' },
        ],
      },
      'group-session-3',
    );
    expect(refused.statusCode, refused.body).toBe(404);
    expect(refused.body).not.toContain(notMine?.referralId);
    expect(await counts()).toEqual(before);
    const [row] = await asSystem((tx) =>
      tx
        .select()
        .from(accessLog)
        .where(eq(accessLog.subjectId, notMine?.referralId as string)),
    );
    expect(row).toBeDefined();
    const denied = await asSystem((tx) =>
      tx.select().from(accessLog).where(eq(accessLog.basis, 'out-of-scope')),
    );
    expect(denied.some((r) => r.subjectId === notMine?.referralId && r.outcome === 'denied')).toBe(true);
  });

  it('refuses a session in the future marked as attended, naming startsAt', async () => {
    const refused = await record(
      senior,
      {
        teamId,
        programme: 'Managing worry',
        startsAt: '2026-12-02T13:00:00Z',
        attendees: [{ referralId: (candidates[0] as Candidate).referralId, attendStatus: 'attended' }],
      },
      'group-session-4',
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams[0].name).toBe('startsAt');
    const twice = await record(
      senior,
      {
        teamId,
        programme: 'Managing worry',
        startsAt: '2026-12-01T13:00:00Z',
        attendees: [
          { referralId: (candidates[0] as Candidate).referralId, attendStatus: 'attended' },
          { referralId: (candidates[0] as Candidate).referralId, attendStatus: 'attended' },
        ],
      },
      'group-session-5',
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json().invalidParams[0].name).toBe('attendees');
  });
});
