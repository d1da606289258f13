import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.js';
import { confidenceSurveyResponses, confidenceSurveys } from '../../db/schema/schools.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
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

const lead = demoUser('senior-mental-health-lead@demo.lantern.example');
const urn = demoIdentity.userRoles.find((g) => g.userId === lead.id)?.schoolUrn ?? 0;
/** Everyone agrees (4) or strongly agrees (5) with every statement. */
const answers = (rating: number) => ({
  'spot-signs': rating,
  'talk-to-pupil': rating,
  'know-where-to-go': rating,
  'whole-school': rating,
  'own-wellbeing': rating,
});

describe.each(testDatabases)('the school staff confidence survey on $name', (factory) => {
  const clock = testClock('2026-11-30T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let session: Session;

  const signInLead = async () => {
    session = await signIn(ctx.app, lead.email, { remoteAddress: '10.40.0.1' });
  };
  const open = (payload: object, as = session) =>
    ctx.app.inject({ method: 'POST', url: `/api/schools/${urn}/surveys`, payload, ...asSession(as) });
  const answer = (secret: string, payload: object, key: string = randomUUID()) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/surveys/${secret}/responses`,
      payload,
      remoteAddress: '10.40.9.9',
      headers: { 'idempotency-key': key },
    });
  const results = async () => {
    const response = await ctx.app.inject({ url: `/api/schools/${urn}/surveys`, ...asSession(session) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
    await signInLead();
  });
  afterAll(() => ctx?.dispose());

  it('opens a round whose link is shown once and stored only as a hash', async () => {
    const opened = await open({ phase: 'before', closesOn: '2026-12-14' });
    expect(opened.statusCode, opened.body).toBe(201);
    const { id, secret, path } = opened.json();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/survey/${secret}`);
    const [row] = await ctx.database.db.select().from(confidenceSurveys).where(eq(confidenceSurveys.id, id));
    expect(row?.linkHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(JSON.stringify(audits)).not.toContain(secret);

    const shown = await ctx.app.inject({ url: `/api/surveys/${secret}` });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ phase: 'before', closesOn: '2026-12-14', isOpen: true });
    expect(shown.json().statements).toHaveLength(5);
    expect(shown.json().scale.map((s: { value: number }) => s.value)).toEqual([1, 2, 3, 4, 5]);
    expect(shown.headers['cache-control']).toBe('no-store');
  });

  it('answers 404 for a link that is not right', async () => {
    expect((await ctx.app.inject({ url: '/api/surveys/not-a-real-link' })).statusCode).toBe(404);
    const response = await answer('not-a-real-link', { answers: answers(4) });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('holds back results until 8 have answered, and counts a retried answer once', async () => {
    const { secret, id } = (await open({ phase: 'before', closesOn: '2026-12-20' })).json();
    for (let n = 0; n < 7; n += 1)
      expect((await answer(secret, { answers: answers(3) })).statusCode).toBe(201);
    const seven = (await results()).rounds.find((r: { id: string }) => r.id === id);
    expect(seven.result).toMatchObject({ responseCount: 7, isSuppressed: true });
    expect(seven.result.statements.every((s: { meanScore: null }) => s.meanScore === null)).toBe(true);

    const key = randomUUID();
    const first = await answer(secret, { answers: answers(5) }, key);
    const retry = await answer(secret, { answers: answers(5) }, key);
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const stored = await ctx.database.db
      .select()
      .from(confidenceSurveyResponses)
      .where(eq(confidenceSurveyResponses.surveyId, id));
    expect(stored).toHaveLength(8);
    expect(new Set(stored.map((r) => r.submittedOn))).toEqual(new Set(['2026-11-30']));
    expect(Object.keys(stored[0] ?? {}).sort()).toEqual(['answers', 'id', 'submittedOn', 'surveyId']);

    const eight = (await results()).rounds.find((r: { id: string }) => r.id === id);
    expect(eight.result).toMatchObject({ responseCount: 8, isSuppressed: false });
    expect(eight.result.statements[0]).toMatchObject({ id: 'spot-signs', meanScore: 3.3, agreePercent: 13 });
  });

  it('refuses answers that are not on the scale, naming the field', async () => {
    const { secret } = (await open({ phase: 'before', closesOn: '2026-12-20' })).json();
    for (const wrong of [{ 'spot-signs': 7 }, { 'made-up': 3 }, { 'spot-signs': 2.5 }]) {
      const response = await answer(secret, { answers: wrong });
      expect(response.statusCode, JSON.stringify(wrong)).toBe(400);
      expect(response.json().invalidParams[0].name).toBe('answers');
    }
  });

  it('refuses a closing date in the past, and people without survey:manage or outside the school', async () => {
    const past = await open({ phase: 'before', closesOn: '2026-11-29' });
    expect(past.json().invalidParams).toEqual([
      { name: 'closesOn', reason: 'must be from today to six months ahead' },
    ]);
    const emhp = await signInWithTotp(ctx.app, enrolledDemoUser('emhp'), {
      remoteAddress: '10.40.0.2',
      now: clock.now,
    });
    expect((await open({ phase: 'before', closesOn: '2026-12-14' }, emhp)).statusCode).toBe(403);
    const otherUrn = demoIdentity.userRoles.find(
      (g) => g.role === 'senior-mental-health-lead' && g.schoolUrn !== urn,
    )?.schoolUrn;
    const elsewhere = await ctx.app.inject({
      method: 'POST',
      url: `/api/schools/${otherUrn}/surveys`,
      payload: { phase: 'before', closesOn: '2026-12-14' },
      ...asSession(session),
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('closes at the end of its closing day with a 409, and shows the change from before to after', async () => {
    clock.advance(60_000);
    const after = (await open({ phase: 'after', closesOn: '2026-12-01' })).json();
    for (let n = 0; n < 8; n += 1) await answer(after.secret, { answers: answers(4) });
    clock.advance(37 * HOUR); // 2026-12-01 23:00 London: still open on its closing day
    expect((await answer(after.secret, { answers: answers(4) })).statusCode).toBe(201);
    clock.advance(2 * HOUR);
    const closed = await answer(after.secret, { answers: answers(4) });
    expect(closed.statusCode).toBe(409);
    expect(closed.headers['content-type']).toContain('application/problem+json');
    expect((await ctx.app.inject({ url: `/api/surveys/${after.secret}` })).json().isOpen).toBe(false);

    await signInLead();
    const { change, rounds } = await results();
    expect(rounds.find((r: { id: string }) => r.id === after.id).isOpen).toBe(false);
    expect(change.afterId).toBe(after.id);
    // The latest "before" round with answers had 8: seven 3s and one 5, a mean of 3.3.
    expect(change.statements[0]).toMatchObject({
      statementId: 'spot-signs',
      before: 3.3,
      after: 4,
      change: 0.7,
    });
    const dashboard = await ctx.app.inject({ url: `/api/schools/${urn}/dashboard`, ...asSession(session) });
    expect(dashboard.json().surveys.change.afterId).toBe(after.id);
  });
});
