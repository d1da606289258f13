import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { accessLog } from '../../db/schema/audit.js';
import { careContacts } from '../../db/schema/casework.js';
import { assessments, carePlanGoals, contactNotes, episodes } from '../../db/schema/episodes.js';
import { measureResponses } from '../../db/schema/measures.js';
import { carers, children } from '../../db/schema/people.js';
import { referralConsents, referrals } from '../../db/schema/referrals.js';
import { idempotencyKeys } from '../../db/schema/requests.js';
import {
  safeguardingActions,
  safeguardingConcerns,
  subjectAccessRequests,
} from '../../db/schema/safeguarding.js';
import { withScope } from '../../db/scoped.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  enrolledDemoUser,
  type Session,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';
import { pdfText } from './pdf-text.js';

// A privacy officer answers subject access requests for a child whose record holds things told in
// confidence and a safeguarding concern: a parent's export (JSON and PDF) never contains them, a
// "do not share" parent is refused, the young person gets everything, and each export is logged once.

const secrets = {
  note: 'SECRET-NOTE I told you about the party',
  assessment: 'SECRET-ASSESSMENT worried about home',
  concern: 'SECRET-CONCERN bruising seen on arm',
  action: 'SECRET-ACTION strategy discussion held',
};
const open = {
  note: 'OPEN-NOTE we practised breathing exercises',
  measure: 'gad-7',
  goal: 'OPEN-GOAL sleep before eleven',
};

describe.each(testDatabases)('Subject access requests on $name', (factory) => {
  const clock = testClock('2026-11-23T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let officer: Session;
  let emhp: Session;
  const officerUser = enrolledDemoUser('privacy-officer');
  const emhpUser = enrolledDemoUser('emhp');
  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(ctx.database.db, systemScope('test'), work);
  const post = (session: Session, url: string, payload: object, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'POST', url, payload, ...asSession(session, { headers }) });

  /** A child with one referral and the record the brief describes; returns its ids. */
  async function seedChild(options: { reference: string; nhsNumber: string; parentsMayBeTold: string }) {
    const childId = randomUUID();
    const referralId = randomUUID();
    const ids = {
      childId,
      referralId,
      parentId: randomUUID(),
      doNotShareId: randomUUID(),
      noPrId: randomUUID(),
    };
    const by = emhpUser.id;
    const at = new Date('2026-09-01T09:00:00Z');
    await asSystem(async (tx) => {
      await tx.insert(children).values({
        id: childId,
        givenName: 'Robin',
        familyName: 'Example',
        dateOfBirth: '2011-04-05',
        nhsNumber: options.nhsNumber,
        isFictional: true,
      });
      await tx.insert(carers).values([
        {
          id: ids.parentId,
          childId,
          name: 'Pat Example',
          relationship: 'mother',
          hasParentalResponsibility: true,
        },
        {
          id: ids.doNotShareId,
          childId,
          name: 'Lee Example',
          relationship: 'father',
          hasParentalResponsibility: true,
          doNotShare: true,
          doNotShareReason: 'Subject of a safeguarding concern',
        },
        {
          id: ids.noPrId,
          childId,
          name: 'Sam Neighbour',
          relationship: 'family friend',
          hasParentalResponsibility: false,
        },
      ]);
      await tx.insert(referrals).values({
        id: referralId,
        reference: options.reference,
        childId,
        receivedAt: new Date('2026-08-20T09:00:00Z'),
        source: 'school',
        organisationId: emhpUser.organisationId,
        status: 'discharged',
        needDescription: 'Low mood at school',
      });
      await tx.insert(referralConsents).values({
        referralId,
        consentedBy: 'young-person',
        status: 'given',
        method: 'in-person',
        isGillickCompetent: true,
        parentsMayBeTold: options.parentsMayBeTold,
        recordedAt: at,
        recordedBy: by,
      });
      await tx.insert(episodes).values({
        referralId,
        openedAt: at,
        openedBy: by,
        status: 'discharged',
        closedAt: new Date('2026-10-01T12:00:00Z'),
        closedBy: by,
        closeReason: 'goals-met',
      });
      const contactId = randomUUID();
      await tx.insert(careContacts).values({
        id: contactId,
        referralId,
        practitionerUserId: by,
        startsAt: new Date('2026-09-08T10:00:00Z'),
        attendStatus: 'attended',
        recordedAt: at,
        recordedBy: by,
      });
      await tx.insert(assessments).values({
        referralId,
        assessedAt: at,
        riskLevel: 'medium',
        summary: secrets.assessment,
        inConfidence: true,
        recordedAt: at,
        recordedBy: by,
      });
      const secretNote = randomUUID();
      await tx.insert(contactNotes).values([
        {
          noteId: secretNote,
          version: 1,
          referralId,
          contactId,
          body: secrets.note,
          inConfidence: true,
          writtenAt: at,
          writtenBy: by,
        },
        {
          noteId: randomUUID(),
          version: 1,
          referralId,
          contactId,
          body: open.note,
          writtenAt: at,
          writtenBy: by,
        },
      ]);
      await tx
        .insert(carePlanGoals)
        .values({ referralId, goal: open.goal, agreedAt: at, recordedAt: at, recordedBy: by });
      await tx.insert(measureResponses).values({
        referralId,
        instrumentId: open.measure,
        instrumentVersion: '1',
        respondent: 'self',
        answers: {},
        total: 9,
        scores: { total: 9 },
        band: 'mild',
        completedAt: at,
        via: 'in-session',
        recordedBy: by,
      });
      const concernId = randomUUID();
      await tx.insert(safeguardingConcerns).values({
        id: concernId,
        referralId,
        organisationId: emhpUser.organisationId,
        category: 'physical',
        concern: secrets.concern,
        raisedAt: at,
        raisedBy: by,
      });
      await tx.insert(safeguardingActions).values({
        concernId,
        referralId,
        action: secrets.action,
        statusAfter: 'acknowledged',
        recordedAt: at,
        recordedBy: by,
      });
    });
    return ids;
  }

  let robin: Awaited<ReturnType<typeof seedChild>>;
  let quiet: Awaited<ReturnType<typeof seedChild>>;

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
    officer = await signInWithTotp(ctx.app, officerUser, { remoteAddress: '10.9.7.1', now: clock.now });
    emhp = await signInWithTotp(ctx.app, emhpUser, { remoteAddress: '10.9.7.2', now: clock.now });
    robin = await seedChild({ reference: 'LV-SAR1-AA', nhsNumber: '9990000018', parentsMayBeTold: 'yes' });
    quiet = await seedChild({ reference: 'LV-SAR2-BB', nhsNumber: '9990000026', parentsMayBeTold: 'no' });
  });
  afterAll(() => ctx?.dispose());

  const childRows = async (childId: string) => {
    const [row] = await ctx.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(and(eq(accessLog.subjectKind, 'child'), eq(accessLog.subjectId, childId)));
    return Number(row?.n ?? 0);
  };
  const exportFor = (childId: string, extra: object, headers: Record<string, string> = {}) =>
    post(
      officer,
      '/api/subject-access/exports',
      { childId, receivedOn: '2026-11-20', format: 'json', ...extra },
      headers,
    );

  it('finds the child by referral reference or NHS number, with carers and their flags', async () => {
    const found = await post(officer, '/api/subject-access/search', { reference: 'lv-sar1-aa' });
    expect(found.statusCode, found.body).toBe(200);
    const body = found.json();
    expect(body).toMatchObject({ id: robin.childId, givenName: 'Robin', dateOfBirth: '2011-04-05' });
    expect(body.referrals).toEqual([{ reference: 'LV-SAR1-AA', receivedOn: '2026-08-20' }]);
    const flags = Object.fromEntries(
      body.carers.map((c: { id: string; hasParentalResponsibility: boolean; doNotShare: boolean }) => [
        c.id,
        [c.hasParentalResponsibility, c.doNotShare],
      ]),
    );
    expect(flags).toEqual({
      [robin.parentId]: [true, false],
      [robin.doNotShareId]: [true, true],
      [robin.noPrId]: [false, false],
    });
    const byNhs = await post(officer, '/api/subject-access/search', { nhsNumber: '999 000 0026' });
    expect(byNhs.json().id).toBe(quiet.childId);
    expect((await post(officer, '/api/subject-access/search', { reference: 'LV-NONE-00' })).statusCode).toBe(
      404,
    );
    const bad = await post(officer, '/api/subject-access/search', { nhsNumber: '1234567890' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toBe('nhsNumber');
  });

  it('refuses anyone without subject-access:export with 403', async () => {
    expect((await post(emhp, '/api/subject-access/search', { reference: 'LV-SAR1-AA' })).statusCode).toBe(
      403,
    );
    const refused = await post(emhp, '/api/subject-access/exports', {
      childId: robin.childId,
      requester: 'young-person',
      receivedOn: '2026-11-20',
      format: 'json',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('SECRET');
  });

  it('gives a parent with parental responsibility nothing told in confidence and no safeguarding (JSON)', async () => {
    const before = await childRows(robin.childId);
    const response = await exportFor(robin.childId, { requester: 'parent', carerId: robin.parentId });
    expect(response.statusCode, response.body).toBe(200);
    for (const text of Object.values(secrets)) expect(response.body).not.toContain(text.slice(0, 14));
    expect(response.body).toContain(open.note);
    expect(response.body).toContain(open.goal);
    const body = response.json();
    expect(body.measures.map((m: { instrument: string }) => m.instrument)).toEqual(['gad-7 (version 1)']);
    expect(body.assessments).toEqual([]);
    expect(body.safeguarding).toEqual([]);
    expect(body.withheld.total).toBe(3);
    expect(
      body.withheld.byCategory.map((c: { category: string; count: number }) => [c.category, c.count]),
    ).toEqual([
      ['assessments', 1],
      ['notes', 1],
      ['safeguarding', 1],
    ]);
    expect(body.withheld.legalBasis).toContain('Data Protection Act 2018, Schedule 3 Part 2 paragraph 4');
    // Treatment ended 1 October 2026: kept 20 years, past the 25th birthday in 2036.
    expect(body.retention.reviewOn).toBe('2046-10-01');
    expect(await childRows(robin.childId)).toBe(before + 1);
    const saved = await asSystem((tx) =>
      tx.select().from(subjectAccessRequests).where(eq(subjectAccessRequests.childId, robin.childId)),
    );
    expect(saved.map((r) => [r.requester, r.carerId, r.itemsWithheld])).toEqual([
      ['parent', robin.parentId, 3],
    ]);
  });

  it('gives the parent a PDF built from the same filtered record', async () => {
    const before = await childRows(robin.childId);
    const response = await exportFor(robin.childId, {
      requester: 'parent',
      carerId: robin.parentId,
      format: 'pdf',
    });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain(open.note);
    expect(text).toContain('Schedule 3 Part 2 paragraph 4');
    for (const secret of Object.values(secrets)) {
      expect(text).not.toContain(secret.slice(0, 14));
      expect(bytes.includes(Buffer.from(secret.slice(0, 14)))).toBe(false);
    }
    expect(await childRows(robin.childId)).toBe(before + 1);
  });

  it('refuses a "do not share" parent and a carer without parental responsibility with 409', async () => {
    const before = await childRows(robin.childId);
    const refused = await exportFor(robin.childId, { requester: 'parent', carerId: robin.doNotShareId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail ?? refused.json().title).toMatch(/do not share/);
    expect(refused.body).not.toContain('SECRET');
    const noPr = await exportFor(robin.childId, { requester: 'parent', carerId: robin.noPrId });
    expect(noPr.statusCode).toBe(409);
    expect(noPr.body).toMatch(/parental responsibility/);
    expect(await childRows(robin.childId)).toBe(before + 2);
    const [row] = await ctx.database.db
      .select()
      .from(accessLog)
      .where(
        and(eq(accessLog.subjectId, robin.childId), eq(accessLog.reason, 'refused: carer-do-not-share')),
      );
    expect(row?.outcome).toBe('allowed');
    const saved = await asSystem((tx) =>
      tx.select().from(subjectAccessRequests).where(eq(subjectAccessRequests.childId, robin.childId)),
    );
    expect(saved).toHaveLength(2);
  });

  it('gives the young person everything, including what they said in confidence', async () => {
    const response = await exportFor(robin.childId, { requester: 'young-person' });
    expect(response.statusCode, response.body).toBe(200);
    for (const secret of Object.values(secrets)) expect(response.body).toContain(secret);
    expect(response.json().withheld).toEqual({ total: 0, byCategory: [], reasons: [], legalBasis: null });
  });

  it('withholds the young person’s own answers and goals when, competent, they asked parents not be told', async () => {
    const preview = await post(officer, '/api/subject-access/previews', {
      childId: quiet.childId,
      requester: 'parent',
      carerId: quiet.parentId,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const counts = preview
      .json()
      .withheld.byCategory.map((c: { category: string; count: number }) => [c.category, c.count]);
    expect(counts).toEqual([
      ['consents', 1],
      ['assessments', 1],
      ['goals', 1],
      ['notes', 1],
      ['measures', 1],
      ['safeguarding', 1],
    ]);
    expect(preview.body).not.toContain('SECRET');
    const response = await exportFor(quiet.childId, { requester: 'parent', carerId: quiet.parentId });
    expect(response.body).not.toContain(open.goal);
    expect(response.json().measures).toEqual([]);
    expect(response.body).toContain(open.note);
  });

  it('records one request for a retried export with the same Idempotency-Key, and keeps no copy', async () => {
    const key = { 'idempotency-key': 'sar-replay-0001' };
    const requestsOf = () =>
      asSystem((tx) =>
        tx.select().from(subjectAccessRequests).where(eq(subjectAccessRequests.childId, quiet.childId)),
      );
    const before = (await requestsOf()).length;
    const first = await exportFor(quiet.childId, { requester: 'young-person' }, key);
    const again = await exportFor(quiet.childId, { requester: 'young-person' }, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect((await requestsOf()).length).toBe(before + 1);
    // The export is read again, so the retry is logged again; no copy of it is kept anywhere else.
    const stored = await ctx.database.db.select().from(idempotencyKeys);
    expect(JSON.stringify(stored)).not.toContain(quiet.childId);
  });

  it('lists past requests with counts and no content', async () => {
    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/subject-access/requests',
      ...asSession(officer),
    });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items;
    // Robin: parent JSON, parent PDF, young person; the quiet child: parent, young person (replayed once).
    expect(items.length).toBe(5);
    expect(
      items.some(
        (i: { childId: string; itemsWithheld: number }) =>
          i.childId === robin.childId && i.itemsWithheld === 3,
      ),
    ).toBe(true);
    expect(list.body).not.toContain('SECRET');
    expect(list.body).not.toContain('OPEN-');
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/subject-access/requests', ...asSession(emhp) }))
        .statusCode,
    ).toBe(403);
  });
});
