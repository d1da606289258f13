import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordScope, systemScope } from '../../access/scope.js';
import { auditLog } from '../../db/schema/audit.js';
import { journalEntries } from '../../db/schema/online.js';
import { withScope } from '../../db/scoped.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import { asYoungPerson, type YoungPersonSession, youngPersonSession } from '../../test-support/online.js';
import {
  asSession,
  enrolledDemoUser,
  type Session,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';
import { openYoungPersonSession } from './young-person-session.js';

type Caller = Session | YoungPersonSession | null;
const as = (caller: Caller, headers: Record<string, string> = {}) => {
  if (!caller) return { headers };
  return 'accountId' in caller ? asYoungPerson(caller, { headers }) : asSession(caller, { headers });
};

const article = {
  title: 'When worry gets big',
  summary: 'What worry is, and small things that can help.',
  topic: 'anxiety',
  body: 'Everyone worries sometimes.\n\nTry breathing slowly: in for four, out for six.',
};

// Self-help through the API: an article's review on its way to being public, and a young person's
// journal, moods and goals, which are theirs (the journal theirs alone).
describe.each(testDatabases)('self-help on $name', (factory) => {
  const clock = testClock('2026-11-23T17:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let counsellor: Session;
  let senior: Session;
  let sky: YoungPersonSession;
  let river: YoungPersonSession;
  const counsellorUser = enrolledDemoUser('online-counsellor');

  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    caller: Caller,
    payload?: object,
    headers = {},
  ) => ctx.app.inject({ method, url, ...as(caller, headers), ...(payload ? { payload } : {}) });
  const ok = (response: LightMyRequestResponse) => {
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
  /** A new session for the same young person, after the clock has moved past the session limits. */
  const signInAgain = (session: YoungPersonSession) =>
    withScope(ctx.database.db, systemScope('test: sign in again'), async (tx) => ({
      accountId: session.accountId,
      ...(await openYoungPersonSession(tx, session.accountId, clock.now())),
    }));

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
    counsellor = await signInWithTotp(ctx.app, counsellorUser, { remoteAddress: '10.9.0.1', now: clock.now });
    senior = await signInWithTotp(ctx.app, enrolledDemoUser('online-duty-senior'), {
      remoteAddress: '10.9.0.2',
      now: clock.now,
    });
    sky = await youngPersonSession(ctx.database.db, { now: clock.now() });
    river = await youngPersonSession(ctx.database.db, { now: clock.now() });
  }, 120_000);
  afterAll(() => ctx?.dispose());

  it('publishes an article only after someone else reviews it, and only then shows it', async () => {
    const draft = ok(await call('POST', '/api/online/articles/drafts', counsellor, article));
    expect(draft).toMatchObject({ status: 'draft', slug: 'when-worry-gets-big', version: 1 });
    expect(draft.can).toEqual({ edit: true, submit: true, review: false, withdraw: false });
    expect((await call('GET', `/api/online/articles/${draft.slug}`, null)).statusCode).toBe(404);

    // A stale edit is refused; the current one goes through.
    const changed = { ...article, summary: 'What worry is, and things that help.' };
    const stale = await call(
      'PUT',
      `/api/online/articles/drafts/${draft.id}`,
      counsellor,
      changed,
      ifMatch(9),
    );
    expect(stale.statusCode).toBe(412);
    const edited = ok(
      await call('PUT', `/api/online/articles/drafts/${draft.id}`, counsellor, changed, ifMatch(1)),
    );
    expect(edited).toMatchObject({ version: 2, summary: changed.summary });
    expect(
      (await call('PUT', `/api/online/articles/drafts/${draft.id}`, senior, changed, ifMatch(2))).statusCode,
    ).toBe(403);

    // The counsellor cannot review, or publish by skipping review.
    const early = await call(
      'POST',
      `/api/online/articles/drafts/${draft.id}/review`,
      senior,
      { decision: 'publish' },
      ifMatch(2),
    );
    expect(early.statusCode).toBe(409);
    const sent = ok(
      await call('POST', `/api/online/articles/drafts/${draft.id}/submission`, counsellor, {}, ifMatch(2)),
    );
    expect(sent.status).toBe('in-review');
    const byWriter = await call(
      'POST',
      `/api/online/articles/drafts/${draft.id}/review`,
      counsellor,
      { decision: 'publish' },
      ifMatch(3),
    );
    expect(byWriter.statusCode).toBe(403);

    // Sent back needs a comment, named as the field; with one, it goes back to a draft.
    const noComment = await call(
      'POST',
      `/api/online/articles/drafts/${draft.id}/review`,
      senior,
      { decision: 'send-back' },
      ifMatch(3),
    );
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().invalidParams).toEqual([expect.objectContaining({ name: 'comment' })]);
    const back = ok(
      await call(
        'POST',
        `/api/online/articles/drafts/${draft.id}/review`,
        senior,
        { decision: 'send-back', comment: 'Add Childline.' },
        ifMatch(3),
      ),
    );
    expect(back).toMatchObject({ status: 'draft', reviewComment: 'Add Childline.' });
    ok(await call('POST', `/api/online/articles/drafts/${draft.id}/submission`, counsellor, {}, ifMatch(4)));
    const published = ok(
      await call(
        'POST',
        `/api/online/articles/drafts/${draft.id}/review`,
        senior,
        { decision: 'publish' },
        ifMatch(5),
      ),
    );
    expect(published).toMatchObject({ status: 'published', reviewedBy: { name: expect.any(String) } });

    // Now anyone reads it, as paragraphs; it is listed under its topic and no other.
    const read = ok(await call('GET', `/api/online/articles/${draft.slug}`, null));
    expect(read.paragraphs).toEqual([
      'Everyone worries sometimes.',
      'Try breathing slowly: in for four, out for six.',
    ]);
    expect(
      ok(await call('GET', '/api/online/articles?topic=anxiety', sky)).items.map(
        (a: { slug: string }) => a.slug,
      ),
    ).toContain(draft.slug);
    expect(
      ok(await call('GET', '/api/online/articles?topic=sleep', null)).items.map(
        (a: { slug: string }) => a.slug,
      ),
    ).not.toContain(draft.slug);

    // Withdrawn, it is gone from the public again; every step left an audit row.
    ok(
      await call(
        'POST',
        `/api/online/articles/drafts/${draft.id}/withdrawal`,
        senior,
        { reason: 'Needs updating' },
        ifMatch(6),
      ),
    );
    expect((await call('GET', `/api/online/articles/${draft.slug}`, null)).statusCode).toBe(404);
    const audits = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'self-help-article'), eq(auditLog.entityId, draft.id)))
      .orderBy(auditLog.occurredAt);
    expect(audits.map((a) => a.action)).toEqual([
      'draft',
      'edit',
      'submit',
      'send-back',
      'submit',
      'publish',
      'withdraw',
    ]);
  });

  it('lists drafts to staff by status, never to young people or anonymous callers', async () => {
    const list = ok(await call('GET', '/api/online/articles/drafts?status=withdrawn', senior));
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((a: { status: string }) => a.status === 'withdrawn')).toBe(true);
    expect((await call('GET', '/api/online/articles/drafts', sky)).statusCode).toBe(403);
    expect((await call('GET', '/api/online/articles/drafts', null)).statusCode).toBe(401);
    expect((await call('GET', `/api/online/articles/drafts/${randomUUID()}`, senior)).statusCode).toBe(404);
    // A duty senior may review, but never an article they wrote themselves.
    const own = ok(
      await call('POST', '/api/online/articles/drafts', senior, { ...article, title: 'Sleep better' }),
    );
    ok(await call('POST', `/api/online/articles/drafts/${own.id}/submission`, senior, {}, ifMatch(1)));
    const selfReview = await call(
      'POST',
      `/api/online/articles/drafts/${own.id}/review`,
      senior,
      { decision: 'publish' },
      ifMatch(2),
    );
    expect(selfReview.statusCode).toBe(403);
    expect(selfReview.json().detail).toContain('someone else must review it');
    expect(ok(await call('GET', `/api/online/articles/drafts/${own.id}`, senior)).can.review).toBe(false);
    expect(ok(await call('GET', `/api/online/articles/drafts/${own.id}`, counsellor)).status).toBe(
      'in-review',
    );
    const html = await call('POST', '/api/online/articles/drafts', counsellor, {
      ...article,
      body: '<script>x</script> and more words',
    });
    expect(html.statusCode).toBe(400);
    expect(html.json().invalidParams).toEqual([expect.objectContaining({ name: 'body' })]);
  });

  it('keeps a journal private to the young person who wrote it, and hides without deleting', async () => {
    const first = ok(await call('POST', '/api/online/journal', sky, { body: 'Argued with my brother.' }));
    clock.advance(60_000);
    const second = ok(await call('POST', '/api/online/journal', sky, { body: 'Felt better after a walk.' }));
    const mine = ok(await call('GET', '/api/online/journal', sky));
    expect(mine.items.map((e: { id: string }) => e.id)).toEqual([second.id, first.id]);

    expect(ok(await call('GET', '/api/online/journal', river)).items).toEqual([]);
    expect((await call('POST', `/api/online/journal/${first.id}/hide`, river)).statusCode).toBe(404);
    expect((await call('GET', '/api/online/journal', counsellor)).statusCode).toBe(403);
    expect((await call('GET', '/api/online/journal', null)).statusCode).toBe(401);
    // Not even the counsellors' own record scope reaches a journal row in the database.
    const seen = await withScope(
      ctx.database.db,
      recordScope({
        kind: 'staff',
        userId: counsellorUser.id,
        organisationId: counsellorUser.organisationId,
        roles: ['online-counsellor'],
        grants: [{ role: 'online-counsellor', teamId: null, serviceId: null, schoolUrn: null }],
        sessionTokenHash: 'test',
        isSignedIn: true,
      }),
      (tx) => tx.select().from(journalEntries).where(eq(journalEntries.id, first.id)),
    );
    expect(seen).toEqual([]);

    ok(await call('POST', `/api/online/journal/${first.id}/hide`, sky));
    expect(ok(await call('GET', '/api/online/journal', sky)).items.map((e: { id: string }) => e.id)).toEqual([
      second.id,
    ]);
    const kept = await ctx.database.withOwnerConnection((db) =>
      db.select().from(journalEntries).where(eq(journalEntries.id, first.id)),
    );
    expect(kept).toHaveLength(1);
    expect(kept[0]?.hiddenAt).not.toBeNull();
    expect(kept[0]?.body).toBe('Argued with my brother.');
  });

  it('records moods from 1 to 5 and sums up the last days', async () => {
    const bad = await call('POST', '/api/online/moods', sky, { mood: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams).toEqual([expect.objectContaining({ name: 'mood' })]);
    expect((await call('POST', '/api/online/moods', counsellor, { mood: 3 })).statusCode).toBe(403);

    ok(await call('POST', '/api/online/moods', sky, { mood: 2, note: 'Tired' }));
    clock.advance(24 * 3_600_000);
    sky = await signInAgain(sky);
    river = await signInAgain(river);
    const today = ok(await call('POST', '/api/online/moods', sky, { mood: 5 }));
    expect(today).toMatchObject({ mood: 5, label: 'Great', note: null });

    const history = ok(await call('GET', '/api/online/moods', sky));
    expect(history.days).toHaveLength(30);
    expect(history.days.at(-1)).toMatchObject({ mood: 5, label: 'Great' });
    expect(history.days.at(-2)).toMatchObject({ mood: 2, label: 'Not good' });
    expect(history.entries).toHaveLength(2);
    expect(history.sentence).toBe(
      'You said how you felt on 2 of the last 14 days. You felt good or great on 1 of those days.',
    );
    expect(ok(await call('GET', '/api/online/moods', river)).entries).toEqual([]);
  });

  it('sets goals, rates them over time, and closes them with If-Match', async () => {
    const goal = ok(await call('POST', '/api/online/goals', sky, { goal: 'Talk to my tutor about exams' }));
    expect(goal).toMatchObject({ version: 1, ratings: [], closedAs: null });
    const outOfRange = await call('POST', `/api/online/goals/${goal.id}/ratings`, sky, { rating: 11 });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().invalidParams).toEqual([expect.objectContaining({ name: 'rating' })]);
    ok(await call('POST', `/api/online/goals/${goal.id}/ratings`, sky, { rating: 3 }));
    clock.advance(10 * 60_000);
    const rated = ok(await call('POST', `/api/online/goals/${goal.id}/ratings`, sky, { rating: 7 }));
    expect(rated.ratings.map((r: { rating: number }) => r.rating)).toEqual([3, 7]);
    expect(rated.sentence).toBe('Your latest rating is 7 out of 10, up from 3.');

    expect(
      (await call('POST', `/api/online/goals/${goal.id}/ratings`, river, { rating: 1 })).statusCode,
    ).toBe(404);
    expect(ok(await call('GET', '/api/online/goals', river)).items).toEqual([]);

    expect(
      (await call('PUT', `/api/online/goals/${goal.id}`, sky, { closedAs: 'achieved' })).statusCode,
    ).toBe(428);
    expect(
      (await call('PUT', `/api/online/goals/${goal.id}`, sky, { closedAs: 'achieved' }, ifMatch(2)))
        .statusCode,
    ).toBe(412);
    const done = await call('PUT', `/api/online/goals/${goal.id}`, sky, { closedAs: 'achieved' }, ifMatch(1));
    expect(ok(done)).toMatchObject({ closedAs: 'achieved', version: 2 });
    expect(done.headers.etag).toBe('"2"');
    expect((await call('POST', `/api/online/goals/${goal.id}/ratings`, sky, { rating: 9 })).statusCode).toBe(
      409,
    );
    expect(
      (await call('PUT', `/api/online/goals/${goal.id}`, sky, { closedAs: 'stopped' }, ifMatch(2)))
        .statusCode,
    ).toBe(409);
  });
});
