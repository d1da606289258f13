import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { queryRows } from '../../db/client.js';
import { accessLog } from '../../db/schema/audit.js';
import { episodeMilestones } from '../../db/schema/casework.js';
import { measureResponses, questionnaireLinks } from '../../db/schema/measures.js';
import { outboxMessages } from '../../db/schema/outbox.js';
import { carers, children } from '../../db/schema/people.js';
import { referrals } from '../../db/schema/referrals.js';
import { withScope } from '../../db/scoped.js';
import { parseInstrument } from '../../domain/measures/load-instrument.js';
import { scoreAnswers } from '../../domain/measures/score.js';
import { GAD7, PHQ9 } from '../../domain/measures/shipped.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  enrolledDemoUser,
  HOUR,
  type Session,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';
import { linkHash } from './links.js';

const fakeLicensed = () =>
  JSON.parse(
    readFileSync(new URL('../../domain/measures/fixtures/fake-licensed.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
const allZero = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 0]));
const NOT_WORKING = 'This link does not work.';

// A practitioner sends questionnaire links; a young person answers on their phone with nobody signed
// in; the practitioner sees the scores over time. Licensed instruments are loaded from a file.
describe.each(testDatabases)('questionnaires on $name', (factory) => {
  const clock = testClock('2026-11-23T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let emhp: Session;
  let lead: Session;
  let referralId: string;
  let otherReferralId: string;
  const emhpUser = enrolledDemoUser('emhp');

  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(ctx.database.db, systemScope('test'), work);
  const get = (session: Session | null, url: string) =>
    ctx.app.inject({ method: 'GET', url, ...(session ? asSession(session) : {}) });
  const post = (
    session: Session | null,
    url: string,
    payload: object,
    headers: Record<string, string> = {},
  ) =>
    ctx.app.inject({
      method: 'POST',
      url,
      payload,
      ...(session ? asSession(session, { headers }) : { headers }),
    });
  const makeLink = async (body: Partial<Record<string, unknown>> = {}) => {
    clock.advance(60_000); // each answer at its own moment, so the order over time is clear
    const response = await post(emhp, `/api/caseload/${referralId}/questionnaire-links`, {
      instrumentId: 'gad-7',
      respondent: 'self',
      expiresInDays: 7,
      send: false,
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; path: string; expiresAt: string; version: number };
  };
  const secretOf = (path: string) => path.replace('/questionnaire/', '');
  const answer = (path: string, answers: Record<string, number>, headers: Record<string, string> = {}) =>
    post(null, `/api/questionnaires/${secretOf(path)}/answers`, { answers }, headers);

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now, withDemoReferrals: true });
    emhp = await signInWithTotp(ctx.app, emhpUser, { remoteAddress: '10.8.0.1', now: clock.now });
    lead = await signInWithTotp(ctx.app, enrolledDemoUser('mhst-clinical-lead'), {
      remoteAddress: '10.8.0.2',
      now: clock.now,
    });
    const caseload = await get(emhp, '/api/caseload');
    expect(caseload.statusCode, caseload.body).toBe(200);
    // A young person with no questionnaires yet (the demo area gives some of them scores already).
    const ids: string[] = caseload.json().items.map((i: { referralId: string }) => i.referralId);
    const fresh = await asSystem((tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`select r.id from referrals r where r.id = any(${sql.param(ids)}::uuid[])
          and not exists (select 1 from measure_responses m where m.referral_id = r.id)
          and not exists (select 1 from episode_milestones e where e.referral_id = r.id and e.milestone = 'baseline-measure')`,
      ),
    );
    referralId = ids.find((id) => fresh.some((f) => f.id === id)) as string;
    expect(referralId).toBeTruthy();
    const [other] = await asSystem((tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`select id from referrals where allocated_user_id is distinct from ${emhpUser.id} limit 1`,
      ),
    );
    otherReferralId = other?.id as string;
  }, 180_000);
  afterAll(() => ctx?.dispose());

  it('lists the shipped instruments to a practitioner, with licence attribution', async () => {
    const list = await get(emhp, '/api/instruments');
    expect(list.statusCode, list.body).toBe(200);
    const ids = list.json().items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(['phq-9', 'gad-7', 'gbo']);
    expect(list.json().items[0]).toMatchObject({ shortName: 'PHQ-9', itemCount: 9, isLicensed: false });
    expect((await get(emhp, '/api/instruments/loaded')).statusCode).toBe(403);
  });

  it('refuses a broken definition file, naming every problem by its path', async () => {
    const broken = fakeLicensed();
    const items = broken.items as { id: string; options: unknown[] }[];
    (items[1] as { id: string }).id = 'w1';
    (items[2] as { options: unknown[] }).options = [];
    delete broken.version;
    const response = await post(lead, '/api/instruments', broken);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const names = response.json().invalidParams.map((p: { name: string }) => p.name);
    const expected = parseInstrument(broken);
    expect(expected.ok).toBe(false);
    expect(names).toContain('version');
    expect(names).toContain('items.2.options');
    expect(names.length).toBe(expected.ok ? 0 : expected.errors.length);
    const shipped = await post(lead, '/api/instruments', { ...fakeLicensed(), id: 'phq-9' });
    expect(shipped.statusCode).toBe(409);
  });

  it('loads the fake licensed instrument; a new version supersedes it for new questionnaires', async () => {
    const first = await post(lead, '/api/instruments', fakeLicensed());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ instrumentId: 'fictional-wobble-4', supersedes: null });
    const again = await post(lead, '/api/instruments', fakeLicensed());
    expect(again.statusCode).toBe(409);
    clock.advance(60_000);
    const second = await post(lead, '/api/instruments', { ...fakeLicensed(), version: '0.2-test' });
    expect(second.json()).toMatchObject({ version: '0.2-test', supersedes: '0.1-test' });
    const list = (await get(emhp, '/api/instruments')).json().items;
    const wobble = list.filter((i: { id: string }) => i.id === 'fictional-wobble-4');
    expect(wobble).toHaveLength(1);
    expect(wobble[0]).toMatchObject({ version: '0.2-test', isLicensed: true, itemCount: 4 });
    const loaded = (await get(lead, '/api/instruments/loaded')).json().items;
    expect(loaded.map((l: { isCurrent: boolean }) => l.isCurrent)).toEqual([false, true]);
    // Withdrawing the new version puts the old one back in use.
    const withdrawn = await post(lead, `/api/instruments/${second.json().id}/withdraw`, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const after = (await get(emhp, '/api/instruments')).json().items;
    expect(after.find((i: { id: string }) => i.id === 'fictional-wobble-4').version).toBe('0.1-test');
  });

  it('gives the secret once, stores only its SHA-256, and shows nothing personal', async () => {
    const link = await makeLink();
    const secret = secretOf(link.path);
    expect(link.path).toMatch(/^\/questionnaire\/[A-Za-z0-9_-]{43}$/);
    const [row] = await asSystem((tx) =>
      tx.select().from(questionnaireLinks).where(eq(questionnaireLinks.id, link.id)),
    );
    expect(row?.linkHash).toBe(linkHash(secret));
    const view = await get(null, `/api/questionnaires/${secret}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ title: GAD7.name, forWhom: 'you' });
    expect(view.json().items).toHaveLength(7);
    const [referral] = await asSystem((tx) =>
      tx.select().from(referrals).where(eq(referrals.id, referralId)),
    );
    const [child] = await asSystem((tx) =>
      tx
        .select()
        .from(children)
        .where(eq(children.id, referral?.childId as string)),
    );
    for (const personal of [referral?.reference, child?.givenName, child?.familyName, referralId]) {
      expect(view.body).not.toContain(personal);
    }
    // The secret is nowhere in the database: not in the link, the audit or access logs, nor the
    // idempotency store.
    const tables = await asSystem((tx) =>
      queryRows<{ name: string }>(
        tx,
        sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      ),
    );
    const holding: string[] = [];
    for (const { name } of tables) {
      const [hit] = await asSystem((tx) =>
        queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${sql.identifier(name)} t where t::text like ${`%${secret}%`}`,
        ),
      );
      if ((hit?.n ?? 0) > 0) holding.push(name);
    }
    expect(holding).toEqual([]);
  });

  it('scores GAD-7 answers exactly as the domain does, and records the baseline milestone once', async () => {
    const link = await makeLink();
    const answers = { ...allZero(GAD7.items.map((i) => i.id)), 'gad7-1': 3, 'gad7-2': 2, 'gad7-5': 1 };
    const missing = await answer(link.path, { 'gad7-1': 3 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().invalidParams.map((p: { name: string }) => p.name)).toContain('answers.gad7-2');
    const wrong = await answer(link.path, { ...answers, 'gad7-3': 9 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().invalidParams[0].name).toBe('answers.gad7-3');

    const done = await answer(link.path, answers, { 'idempotency-key': 'answer-gad7-first' });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toEqual({
      progress: 'This is your first one. Your practitioner will talk it through with you.',
      isFirst: true,
    });
    // A retry of the same request gets the same answer, without a second row.
    const retry = await answer(link.path, answers, { 'idempotency-key': 'answer-gad7-first' });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const rows = await asSystem((tx) =>
      tx.select().from(measureResponses).where(eq(measureResponses.referralId, referralId)),
    );
    expect(rows).toHaveLength(1);
    const expected = scoreAnswers(GAD7, answers);
    expect(expected.ok && expected.score.total).toBe(6);
    expect(rows[0]).toMatchObject({
      total: 6,
      band: expected.ok && 'band' in expected.score ? expected.score.band : null,
      via: 'link',
      respondent: 'self',
    });
    const milestones = await asSystem((tx) =>
      tx.select().from(episodeMilestones).where(eq(episodeMilestones.referralId, referralId)),
    );
    expect(milestones.filter((m) => m.milestone === 'baseline-measure')).toHaveLength(1);
    // Single use: answered now, it is as unknown as any other.
    const reused = await answer(link.path, answers);
    expect(reused.statusCode).toBe(404);
  });

  it('answers unknown, expired, withdrawn and answered links with the same 404', async () => {
    const expiring = await makeLink({ expiresInDays: 1 });
    const withdrawing = await makeLink();
    const answered = await makeLink();
    const ok = await answer(answered.path, allZero(GAD7.items.map((i) => i.id)));
    expect(ok.statusCode).toBe(201);
    const pull = await post(
      emhp,
      `/api/caseload/${referralId}/questionnaire-links/${withdrawing.id}/withdraw`,
      {},
      { 'if-match': '"1"' },
    );
    expect(pull.statusCode, pull.body).toBe(200);
    expect(pull.headers.etag).toBe('"2"');
    const links = (await get(emhp, `/api/caseload/${referralId}/questionnaire-links`)).json().items;
    const statusOf = (id: string) => links.find((l: { id: string }) => l.id === id)?.status;
    expect([statusOf(expiring.id), statusOf(withdrawing.id), statusOf(answered.id)]).toEqual([
      'waiting',
      'withdrawn',
      'answered',
    ]);
    clock.advance(24 * HOUR + 1000);
    // Sessions lapse over a day; sign in again for the rest of the tests.
    emhp = await signInWithTotp(ctx.app, emhpUser, { remoteAddress: '10.8.0.1', now: clock.now });
    const bodies = [];
    for (const path of [
      expiring.path,
      withdrawing.path,
      answered.path,
      '/questionnaire/not-a-real-secret-at-all',
    ]) {
      const view = await get(null, `/api/questionnaires/${secretOf(path)}`);
      const post = await answer(path, allZero(GAD7.items.map((i) => i.id)));
      expect([view.statusCode, post.statusCode]).toEqual([404, 404]);
      bodies.push(view.json().detail, post.json().detail);
    }
    expect(new Set(bodies)).toEqual(new Set([expect.stringContaining(NOT_WORKING)]));
    expect(new Set(bodies).size).toBe(1);
    const later = (await get(emhp, `/api/caseload/${referralId}/questionnaire-links`)).json().items;
    expect(later.find((l: { id: string }) => l.id === expiring.id)).toMatchObject({
      status: 'expired',
      statusText: 'Expired without answers',
    });
  });

  it('tells the young person how their score moved, in plain words', async () => {
    const phq = PHQ9.items.map((i) => i.id);
    const first = await makeLink({ instrumentId: 'phq-9' });
    const high = { ...allZero(phq), 'phq9-1': 3, 'phq9-2': 3, 'phq9-3': 3, 'phq9-4': 3, 'phq9-5': 2 };
    expect((await answer(first.path, high)).json().isFirst).toBe(true);
    const second = await makeLink({ instrumentId: 'phq-9' });
    const lower = { ...allZero(phq), 'phq9-1': 3, 'phq9-2': 3, 'phq9-3': 2 };
    const words = (await answer(second.path, lower)).json();
    expect(words).toEqual({
      progress:
        'Your score has gone down from 14 to 8 since your first one. For this questionnaire, lower means you have been feeling better.',
      isFirst: false,
    });
    expect(words.progress).not.toMatch(/moderate|mild|severe/i);
  });

  it('scores the fake licensed instrument loaded from file, for a parent', async () => {
    const [withCarer] = await asSystem((tx) =>
      tx.select().from(referrals).where(eq(referrals.id, referralId)),
    );
    const childId = withCarer?.childId as string;
    // The young person chose no text or email route: sending to them is refused, saying why.
    await asSystem((tx) =>
      tx
        .update(children)
        .set({ contactRoutes: ['letter'] })
        .where(eq(children.id, childId)),
    );
    const refused = await post(emhp, `/api/caseload/${referralId}/questionnaire-links`, {
      instrumentId: 'gad-7',
      respondent: 'self',
      expiresInDays: 3,
      send: true,
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().detail).toContain('in person');
    // A carer marked "do not share" is never sent it, even with parental responsibility.
    await asSystem((tx) =>
      tx.insert(carers).values([
        {
          childId,
          name: 'Fictional Blocked Carer',
          relationship: 'parent',
          hasParentalResponsibility: true,
          email: 'blocked@example.invalid',
          doNotShare: true,
        },
        {
          childId,
          name: 'Fictional Carer',
          relationship: 'parent',
          hasParentalResponsibility: true,
          email: 'carer@example.invalid',
        },
      ]),
    );
    const allowed = (
      await asSystem((tx) => tx.select().from(carers).where(eq(carers.childId, childId)))
    ).filter((c) => c.hasParentalResponsibility && !c.doNotShare && c.email);
    const link = await makeLink({ instrumentId: 'fictional-wobble-4', respondent: 'parent', send: true });
    const [message] = await asSystem((tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.template, 'questionnaire-link')),
    );
    expect(message).toMatchObject({ channel: 'email', referralId });
    expect(message?.recipient).not.toBe('blocked@example.invalid');
    expect(allowed.map((c) => c.email)).toContain(message?.recipient);
    expect((message?.personalisation as { link?: string } | undefined)?.link).toMatch(
      /\/questionnaire\/[A-Za-z0-9_-]{43}$/,
    );
    const view = (await get(null, `/api/questionnaires/${secretOf(link.path)}`)).json();
    expect(view.forWhom).toBe('your child');
    // Withdrawing a link stops its message if it has not gone yet.
    const second = await makeLink({ instrumentId: 'fictional-wobble-4', respondent: 'parent', send: true });
    const withdrawn = await post(
      emhp,
      `/api/caseload/${referralId}/questionnaire-links/${second.id}/withdraw`,
      {},
      { 'if-match': '"1"' },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const sentMessages = await asSystem((tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.template, 'questionnaire-link')),
    );
    const ofLink = (id: string) =>
      sentMessages.find((m) => (m.personalisation as { linkId?: string }).linkId === id);
    expect(ofLink(second.id)?.withdrawnAt).toBeInstanceOf(Date);
    expect(ofLink(link.id)?.withdrawnAt).toBeNull();
    const answers = { w1: 2, w2: 1, w3: 0, w4: 2 };
    const parsed = parseInstrument(fakeLicensed());
    if (!parsed.ok) throw new Error('the fixture should load');
    const expected = scoreAnswers(parsed.instrument, answers);
    expect((await answer(link.path, answers)).statusCode).toBe(201);
    const [row] = await asSystem((tx) =>
      tx.select().from(measureResponses).where(eq(measureResponses.linkId, link.id)),
    );
    expect(expected.ok).toBe(true);
    if (!expected.ok || expected.score.kind !== 'questionnaire') return;
    expect(row).toMatchObject({
      instrumentId: 'fictional-wobble-4',
      instrumentVersion: '0.1-test',
      respondent: 'parent',
      total: expected.score.total,
      band: expected.score.band,
      scores: expected.score.subscales,
    });
  });

  it('shows the practitioner scores over sessions, reliable change and the paired comparison', async () => {
    const gbo = await post(emhp, `/api/caseload/${referralId}/measures`, {
      instrumentId: 'gbo',
      respondent: 'self',
      completedAt: clock.now().toISOString(),
      goals: [{ goalId: 'goal-1', text: 'Go to school every day', rating: 3 }],
    });
    expect(gbo.statusCode, gbo.body).toBe(201);
    const inSession = await post(emhp, `/api/caseload/${referralId}/measures`, {
      instrumentId: 'gad-7',
      respondent: 'self',
      completedAt: clock.now().toISOString(),
      answers: {
        ...allZero(GAD7.items.map((i) => i.id)),
        'gad7-1': 3,
        'gad7-2': 3,
        'gad7-3': 3,
        'gad7-4': 3,
      },
    });
    expect(inSession.statusCode, inSession.body).toBe(201);
    expect(inSession.json().total).toBe(12);
    const view = await get(emhp, `/api/caseload/${referralId}/measures`);
    expect(view.statusCode, view.body).toBe(200);
    const body = view.json();
    const gad = body.series.find((s: { instrumentId: string }) => s.instrumentId === 'gad-7');
    expect(gad.points.map((p: { total: number }) => p.total)).toEqual([6, 0, 12]);
    expect(gad).toMatchObject({ first: 6, last: 12, change: 6, reliableChange: 'reliable-deterioration' });
    expect(gad.headline).toBe('GAD-7 (self): 6 → 12, a reliable deterioration');
    const phq = body.series.find((s: { instrumentId: string }) => s.instrumentId === 'phq-9');
    expect(phq.headline).toBe('PHQ-9 (self): 14 → 8, a reliable improvement');
    const parent = body.series.find((s: { respondent: string }) => s.respondent === 'parent');
    expect(parent.instrumentId).toBe('fictional-wobble-4');
    const goals = body.series.find((s: { instrumentId: string }) => s.instrumentId === 'gbo');
    expect(goals.goals).toEqual([
      expect.objectContaining({ goalId: 'goal-1', text: 'Go to school every day', change: null }),
    ]);
    expect(body.paired.measures.length).toBe(body.series.length);
    expect(['not-paired', 'deteriorated']).toContain(body.paired.overall);
    const rows = await asSystem((tx) =>
      tx.select().from(accessLog).where(eq(accessLog.subjectId, referralId)),
    );
    expect(rows.some((r) => r.action === 'caseload:read' && r.outcome === 'allowed')).toBe(true);
  });

  it('answers 404 for a young person not on the caseload, and logs the refusal', async () => {
    for (const response of [
      await get(emhp, `/api/caseload/${otherReferralId}/measures`),
      await get(emhp, `/api/caseload/${otherReferralId}/questionnaire-links`),
      await post(emhp, `/api/caseload/${otherReferralId}/questionnaire-links`, {
        instrumentId: 'gad-7',
        respondent: 'self',
        expiresInDays: 7,
        send: false,
      }),
    ]) {
      expect(response.statusCode, response.body).toBe(404);
    }
    const refused = await asSystem((tx) =>
      tx.select().from(accessLog).where(eq(accessLog.subjectId, otherReferralId)),
    );
    expect(refused.filter((r) => r.outcome === 'denied')).toHaveLength(3);
  });
});
