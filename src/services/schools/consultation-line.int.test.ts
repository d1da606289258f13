import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultationCalls } from '../../db/schema/schools.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  enrolledDemoUser,
  MINUTE,
  type Session,
  signIn,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

describe.each(testDatabases)("the professionals' consultation line on $name", (factory) => {
  const clock = testClock('2026-11-30T15:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let spa: Session;
  let manager: Session;

  const at = (minutesAgo: number) => new Date(clock.now().getTime() - minutesAgo * MINUTE).toISOString();
  const call = {
    callerRole: '  GP  ',
    callerOrganisation: 'Vale Road Surgery',
    question: 'Twelve-year-old with panic attacks: refer or advise the school?',
    advice: 'Advise the school to refer to the MHST; self-help leaflet for the family',
  };
  const log = (payload: object, session = spa, key = randomUUID()) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/consultation-line/calls',
      payload,
      ...asSession(session, { headers: { 'idempotency-key': key } }),
    });
  const list = (query: string, session = spa) =>
    ctx.app.inject({ url: `/api/consultation-line/calls${query}`, ...asSession(session) });

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
    spa = await signInWithTotp(ctx.app, enrolledDemoUser('spa-clinician'), {
      remoteAddress: '10.50.0.1',
      now: clock.now,
    });
    manager = await signInWithTotp(ctx.app, enrolledDemoUser('mhst-team-manager'), {
      remoteAddress: '10.50.0.2',
      now: clock.now,
    });
  });
  afterAll(() => ctx?.dispose());

  it('logs calls with their response times and summarises them for a range of days', async () => {
    const first = await log({ ...call, receivedAt: at(60), advisedAt: at(35), outcome: 'referral-advised' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().responseMinutes).toBe(25);
    const key = randomUUID();
    const urgent = { ...call, receivedAt: at(20), advisedAt: at(10), outcome: 'urgent' };
    expect((await log(urgent, spa, key)).statusCode).toBe(201);
    expect((await log(urgent, spa, key)).headers['idempotent-replayed']).toBe('true');
    expect((await log({ ...call, advice: '', receivedAt: at(5) })).json().responseMinutes).toBeNull();

    const response = await list('?from=2026-11-30&to=2026-11-30');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { calls, summary } = response.json();
    expect(calls).toHaveLength(3);
    expect(calls[2]).toMatchObject({
      callerRole: 'GP',
      responseMinutes: 25,
      outcomeLabel: 'Referral advised',
    });
    expect(summary).toEqual({
      count: 3,
      medianResponseMinutes: 17.5,
      byOutcome: [
        { outcome: 'no-referral-needed', label: 'No referral needed', count: 0 },
        { outcome: 'referral-advised', label: 'Referral advised', count: 1 },
        { outcome: 'urgent', label: 'Urgent: needs help straight away', count: 1 },
      ],
      withoutOutcome: 1,
    });
    expect((await list('?from=2026-11-29&to=2026-11-29')).json().summary.count).toBe(0);
    expect((await list('')).json()).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
  });

  it("shows each team only its own line's calls", async () => {
    const logged = await log({ ...call, receivedAt: at(1), schoolUrn: undefined }, manager);
    expect(logged.statusCode, logged.body).toBe(201);
    const [row] = await ctx.database.db
      .select()
      .from(consultationCalls)
      .where(eq(consultationCalls.id, logged.json().id));
    const managerCalls = (await list('', manager)).json().calls.map((c: { id: string }) => c.id);
    expect(managerCalls).toEqual([logged.json().id]);
    const spaCalls = (await list('', spa)).json().calls.map((c: { id: string }) => c.id);
    expect(spaCalls).not.toContain(row?.id);
  });

  it('refuses impossible times, unknown schools and back-to-front ranges, naming the field', async () => {
    const cases: [object, string][] = [
      [{ ...call, receivedAt: at(10), advisedAt: at(20) }, 'advisedAt'],
      [{ ...call, receivedAt: at(-3 * 24 * 60) }, 'receivedAt'],
      [{ ...call, receivedAt: at(10), schoolUrn: 1 }, 'schoolUrn'],
      [{ ...call, receivedAt: at(10), outcome: 'maybe' }, 'outcome'],
      [{ ...call, receivedAt: at(10), question: '   ' }, 'question'],
      [{ ...call, receivedAt: at(10), teamId: randomUUID() }, 'teamId'],
    ];
    for (const [payload, field] of cases) {
      const response = await log(payload);
      expect([400, 422], field).toContain(response.statusCode);
      expect(response.json().invalidParams[0].name).toBe(field);
    }
    expect((await list('?from=2026-11-30&to=2026-11-01')).json().invalidParams[0].name).toBe('from');
    expect((await list('?from=2025-01-01&to=2026-11-30')).json().invalidParams[0].name).toBe('from');
    const lead = await signIn(ctx.app, 'senior-mental-health-lead@demo.lantern.example', {
      remoteAddress: '10.50.0.3',
    });
    expect((await list('', lead)).statusCode).toBe(403);
  });
});
