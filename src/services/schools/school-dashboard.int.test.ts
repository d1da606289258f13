import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLog } from '../../db/schema/audit.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import { referralAnswers } from '../../test-support/referral-answers.js';
import {
  asSession,
  demoIdentity,
  demoUser,
  enrolledDemoUser,
  HOUR,
  type Session,
  signIn,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

/** A member of staff holding this role for this school (leads and referrers need no second factor). */
function schoolUser(role: 'senior-mental-health-lead' | 'school-staff-referrer', urn: number) {
  const grant = demoIdentity.userRoles.find((g) => g.role === role && g.schoolUrn === urn);
  const user = demoIdentity.users.find((u) => u.id === grant?.userId);
  if (!user) throw new Error(`no ${role} for ${urn}`);
  return demoUser(user.email);
}

describe.each(testDatabases)('a school’s dashboard and whole-school approach on $name', (factory) => {
  const clock = testClock('2026-11-30T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let manager: Session;
  let spa: Session;
  let lead: Session;
  let teacher: Session;
  let urn: number;
  let otherUrn: number;
  let leadName: string;

  const get = (url: string, session: Session) => ctx.app.inject({ url, ...asSession(session) });
  const send = (method: 'POST' | 'PUT', url: string, payload: object, session: Session, headers = {}) =>
    ctx.app.inject({ method, url, payload, ...asSession(session, { headers }) });

  /** Sessions end after 30 idle minutes, so a test that moves the clock on signs everyone in again. */
  async function signInAll() {
    const at = { now: clock.now };
    manager = await signInWithTotp(ctx.app, enrolledDemoUser('mhst-team-manager'), {
      ...at,
      remoteAddress: '10.30.0.1',
    });
    spa = await signInWithTotp(ctx.app, enrolledDemoUser('spa-clinician'), {
      ...at,
      remoteAddress: '10.30.0.2',
    });
    if (!urn) {
      const reached = (await get('/api/schools', manager)).json().schools as { urn: number }[];
      [urn, otherUrn] = [reached[0]?.urn ?? 0, reached[1]?.urn ?? 0];
    }
    const leadUser = schoolUser('senior-mental-health-lead', urn);
    leadName = leadUser.displayName;
    lead = await signIn(ctx.app, leadUser.email, { remoteAddress: '10.30.0.3' });
    teacher = await signIn(ctx.app, schoolUser('school-staff-referrer', urn).email, {
      remoteAddress: '10.30.0.4',
    });
  }

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
    await signInAll();
  });
  afterAll(() => ctx?.dispose());

  /** A school referral from the teacher, accepted by triage to the manager's MHST. */
  async function referAndAccept(givenName: string) {
    const done = await send(
      'POST',
      '/api/referrals',
      referralAnswers({
        kind: 'school',
        child: { ...referralAnswers().child, givenName, nhsNumber: undefined },
      }),
      teacher,
      { 'idempotency-key': randomUUID() },
    );
    expect(done.statusCode, done.body).toBe(201);
    const queue = (await get('/api/triage/queue', spa)).json().items as { id: string; reference: string }[];
    const id = queue.find((item) => item.reference === done.json().reference)?.id ?? '';
    const { version } = (await get(`/api/triage/referrals/${id}`, spa)).json();
    const teamId = demoIdentity.userRoles.find((g) => g.role === 'mhst-team-manager')?.teamId;
    const accepted = await send(
      'POST',
      `/api/triage/referrals/${id}/decisions`,
      {
        kind: 'accept',
        thriveGrouping: 'getting-help',
        priority: 'routine',
        service: 'mental-health-support-teams',
        teamId,
      },
      spa,
      { 'if-match': `"${version}"` },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    return { id, reference: done.json().reference as string };
  }

  it('lists only the schools each person works with, and hides the rest behind 404', async () => {
    const own = (await get('/api/schools', lead)).json().schools;
    expect(own.map((s: { urn: number }) => s.urn)).toEqual([urn]);
    expect(own[0].teamName).toMatch(/MHST/);
    expect((await get('/api/schools', teacher)).statusCode).toBe(403);
    for (const path of [`/api/schools/${otherUrn}/dashboard`, '/api/schools/not-a-urn/whole-school']) {
      const refused = await get(path, lead);
      expect(refused.statusCode, path).toBe(404);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    const workshop = {
      kind: 'assembly',
      topic: 'Exam stress',
      heldAt: clock.now().toISOString(),
      attendeeCount: 200,
      deliveredBy: 'MHST',
    };
    const elsewhere = await send('POST', `/api/schools/${otherUrn}/group-sessions`, workshop, lead);
    expect(elsewhere.statusCode).toBe(404);
  });

  it('shows the lead the school’s referrals, status and wait, with no clinical detail, and logs the look', async () => {
    const { reference } = await referAndAccept('Dash');
    clock.advance(72 * HOUR);
    await signInAll();
    const response = await get(`/api/schools/${urn}/dashboard`, lead);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const dashboard = response.json();
    const item = dashboard.referrals.find((r: { reference: string }) => r.reference === reference);
    expect(item).toMatchObject({ childName: 'Dash Okafor', status: 'accepted', statusText: 'Accepted' });
    expect(item.daysWaited).toBe(3);
    expect(dashboard.waiting).toMatchObject({ count: 1, medianDays: 3, longestDays: 3 });
    const text = response.body;
    expect(text).not.toContain('cries before school');
    expect(text).not.toContain('form tutor');
    expect(text).not.toMatch(/presentingNeeds|anxiety|risk|needDescription|Grace/i);
    const logged = await ctx.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.subjectKind, 'school-dashboard'), eq(accessLog.subjectId, String(urn))));
    expect(logged.map((row) => [row.outcome, row.basis])).toEqual([['allowed', 'listed 1']]);
    // The team serving the school sees the same list through its own scope.
    const teamView = (await get(`/api/schools/${urn}/dashboard`, manager)).json();
    expect(teamView.referrals.map((r: { reference: string }) => r.reference)).toContain(reference);
  });

  it('counts a classroom workshop on the dashboard, and refuses one dated days ahead', async () => {
    const workshop = {
      kind: 'classroom-workshop',
      topic: '  Managing worries  ',
      heldAt: clock.now().toISOString(),
      attendeeCount: 28,
      yearGroups: 'Year 7',
      deliveredBy: 'EMHP team',
    };
    const logged = await send('POST', `/api/schools/${urn}/group-sessions`, workshop, lead, {
      'idempotency-key': randomUUID(),
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const ahead = new Date(clock.now().getTime() + 48 * HOUR).toISOString();
    const refused = await send(
      'POST',
      `/api/schools/${urn}/group-sessions`,
      { ...workshop, heldAt: ahead },
      lead,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams).toEqual([
      { name: 'heldAt', reason: 'must not be more than a day in the future' },
    ]);
    const named = await send(
      'POST',
      `/api/schools/${urn}/group-sessions`,
      { ...workshop, kind: 'party' },
      lead,
    );
    expect(named.json().invalidParams[0].name).toBe('kind');
    const dashboard = (await get(`/api/schools/${urn}/dashboard`, lead)).json();
    expect(dashboard.delivered.groupSessions).toContainEqual({
      kind: 'classroom-workshop',
      label: 'Classroom workshop',
      sessions: 1,
      attendees: 28,
    });
    const whole = (await get(`/api/schools/${urn}/whole-school`, lead)).json();
    expect(whole.groupSessions[0]).toMatchObject({ topic: 'Managing worries', attendeeCount: 28 });
  });

  it('keeps the plan by tier and refuses a change over a stale version with 412', async () => {
    const created = await send(
      'POST',
      `/api/schools/${urn}/plan-actions`,
      {
        tier: 1,
        action: 'Train all form tutors in spotting low mood',
        owner: 'Deputy head',
        dueOn: '2027-02-01',
      },
      lead,
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const path = `/api/schools/${urn}/plan-actions/${created.json().id}`;
    const change = { action: 'Train all form tutors', owner: 'Deputy head', status: 'in-progress' };
    const first = await send('PUT', path, change, manager, { 'if-match': '"1"' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, status: 'in-progress', dueOn: null });
    const stale = await send('PUT', path, { ...change, status: 'done' }, lead, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((await send('PUT', path, change, lead)).statusCode).toBe(428);
    const badTier = await send('POST', `/api/schools/${urn}/plan-actions`, { ...change, tier: 5 }, lead);
    expect(badTier.json().invalidParams[0].name).toBe('tier');
    const whole = (await get(`/api/schools/${urn}/whole-school`, lead)).json();
    expect(whole.tiers.map((t: { tier: number }) => t.tier)).toEqual([1, 2, 3, 4]);
    expect(whole.tiers[0].actions).toEqual([
      expect.objectContaining({ action: 'Train all form tutors', version: 2 }),
    ]);
    expect(whole.leads).toContainEqual({ name: leadName });
  });

  it('shows advice naming a child only to those who may see that child’s referral', async () => {
    const { id: referralId } = await referAndAccept('Advice');
    const advice = {
      givenAt: clock.now().toISOString(),
      staffRole: 'Head of Year 9',
      topic: 'Pupil refusing school',
      advice: 'Agree a quiet start in the library for two weeks',
    };
    const named = await send('POST', `/api/schools/${urn}/consultations`, { ...advice, referralId }, manager);
    expect(named.statusCode, named.body).toBe(201);
    const general = await send(
      'POST',
      `/api/schools/${urn}/consultations`,
      { ...advice, topic: 'Exam season' },
      lead,
    );
    expect(general.statusCode, general.body).toBe(201);
    const unknown = await send(
      'POST',
      `/api/schools/${urn}/consultations`,
      { ...advice, referralId: randomUUID() },
      manager,
    );
    expect(unknown.json().invalidParams[0].name).toBe('referralId');

    const forTeam = (await get(`/api/schools/${urn}/whole-school`, manager)).json();
    expect(forTeam.consultations.map((c: { id: string }) => c.id).sort()).toEqual(
      [named.json().id, general.json().id].sort(),
    );
    const forLead = (await get(`/api/schools/${urn}/whole-school`, lead)).json();
    expect(forLead.consultations.map((c: { id: string }) => c.id)).toEqual([general.json().id]);
    expect(JSON.stringify(forLead)).not.toContain(referralId);
  });

  it('records a School Link meeting with the agencies who came', async () => {
    const meeting = {
      heldAt: clock.now().toISOString(),
      attendees: ['Senior mental health lead', 'CAMHS locality team', ' '],
      discussed: 'Routes into CAMHS for pupils with eating difficulties',
    };
    const blank = await send('POST', `/api/schools/${urn}/link-meetings`, meeting, lead);
    expect(blank.json().invalidParams[0].name).toBe('attendees.2');
    const done = await send(
      'POST',
      `/api/schools/${urn}/link-meetings`,
      { ...meeting, attendees: meeting.attendees.slice(0, 2) },
      lead,
    );
    expect(done.statusCode, done.body).toBe(201);
    const whole = (await get(`/api/schools/${urn}/whole-school`, manager)).json();
    expect(whole.linkMeetings[0]).toMatchObject({
      attendees: ['Senior mental health lead', 'CAMHS locality team'],
      agreedActions: '',
    });
    expect((await get(`/api/schools/${urn}/dashboard`, lead)).json().delivered.linkMeetings).toBe(1);
  });
});
