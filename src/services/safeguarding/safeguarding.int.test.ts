import { randomUUID } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { accessLog } from '../../db/schema/audit.js';
import { userRoles, users } from '../../db/schema/identity.js';
import { outboxMessages } from '../../db/schema/outbox.js';
import { referrals } from '../../db/schema/referrals.js';
import { safeguardingActions, safeguardingConcerns } from '../../db/schema/safeguarding.js';
import { withScope } from '../../db/scoped.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  demoIdentity,
  enrolledDemoUser,
  MINUTE,
  type Session,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

// A practitioner raises a concern from a young person's record; the safeguarding lead of the
// referral's organisation (and no one else) is emailed, sees it on the board and works it to closed.
describe.each(testDatabases)('safeguarding concerns on $name', (factory) => {
  const clock = testClock('2026-11-23T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let emhp: Session;
  let lead: Session;
  const emhpUser = enrolledDemoUser('emhp');
  const leadUser = enrolledDemoUser('safeguarding-lead');
  const otherOrganisation = demoIdentity.users.find((u) => u.email === 'commissioner@demo.lantern.example')
    ?.organisationId as string;
  const elsewhereLead = { id: randomUUID(), email: 'lead.elsewhere@demo.lantern.example' };
  const formerLead = { id: randomUUID(), email: 'lead.former@demo.lantern.example' };
  let referralId: string;
  let concernId: string;

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now, withDemoReferrals: true });
    // Another organisation's safeguarding lead, and a lead of ours who has left: neither is told.
    await ctx.database.withOwnerConnection(async (db) => {
      await db.insert(users).values([
        { ...elsewhereLead, displayName: 'Lead Elsewhere', organisationId: otherOrganisation },
        {
          ...formerLead,
          displayName: 'Former Lead',
          organisationId: leadUser.organisationId,
          isActive: false,
        },
      ]);
      await db.insert(userRoles).values([
        { userId: elsewhereLead.id, role: 'safeguarding-lead' },
        { userId: formerLead.id, role: 'safeguarding-lead' },
      ]);
    });
    emhp = await signInWithTotp(ctx.app, emhpUser, { remoteAddress: '10.8.0.1', now: clock.now });
    lead = await signInWithTotp(ctx.app, leadUser, { remoteAddress: '10.8.0.2', now: clock.now });
    referralId = (await get(emhp, '/api/caseload')).json().items[0].referralId;
  });
  afterAll(() => ctx?.dispose());

  const get = (session: Session, url: string) =>
    ctx.app.inject({ method: 'GET', url, ...asSession(session) });
  const post = (session: Session, url: string, payload: object, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'POST', url, payload, ...asSession(session, { headers }) });
  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(ctx.database.db, systemScope('test'), work);
  const accessRows = async (userId: string) =>
    (await ctx.database.db.select().from(accessLog).where(eq(accessLog.userId, userId))).length;

  const concern = {
    category: 'neglect',
    concern: 'Came to school hungry three days running and in the same clothes.',
    immediateAction: 'Told the school’s designated safeguarding lead.',
  };

  it('refuses a young person who is not on the practitioner’s caseload with 404', async () => {
    const [other] = await asSystem((tx) =>
      tx
        .select({ id: referrals.id })
        .from(referrals)
        .where(and(eq(referrals.status, 'allocated'), ne(referrals.allocatedUserId, emhpUser.id)))
        .limit(1),
    );
    const refused = await post(emhp, `/api/caseload/${other?.id}/safeguarding-concerns`, concern);
    expect(refused.statusCode).toBe(404);
    const bad = await post(emhp, `/api/caseload/${referralId}/safeguarding-concerns`, {
      ...concern,
      category: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toBe('category');
  });

  it('raises a concern for the referral’s organisation and emails only that organisation’s active leads', async () => {
    const raised = await post(emhp, `/api/caseload/${referralId}/safeguarding-concerns`, concern, {
      'idempotency-key': 'concern-first-one',
    });
    expect(raised.statusCode, raised.body).toBe(200);
    concernId = raised.json().id;
    const [row] = await asSystem((tx) =>
      tx
        .select({
          organisationId: safeguardingConcerns.organisationId,
          referralOrg: referrals.organisationId,
        })
        .from(safeguardingConcerns)
        .innerJoin(referrals, eq(referrals.id, safeguardingConcerns.referralId))
        .where(eq(safeguardingConcerns.id, concernId)),
    );
    expect(row?.organisationId).toBe(row?.referralOrg);
    expect(row?.organisationId).toBe(leadUser.organisationId);
    const messages = await asSystem((tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.template, 'safeguarding-concern')),
    );
    expect(messages.map((m) => m.recipient)).toEqual([leadUser.email]);
    expect(messages[0]?.referralId).toBe(referralId);
    expect(messages[0]?.personalisation).toMatchObject({ raisedOn: 'Monday 23 November 2026' });
    // The email names no one: only the reference and the date.
    expect(Object.keys(messages[0]?.personalisation as object).sort()).toEqual(['raisedOn', 'reference']);
  });

  it('shows the practitioner the concern and its status', async () => {
    const list = await get(emhp, `/api/caseload/${referralId}/safeguarding-concerns`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ status: 'raised', category: 'neglect', actions: [] });
  });

  it('puts it on the lead’s board, logging the read, and refuses the board to a practitioner', async () => {
    const before = await accessRows(leadUser.id);
    const board = await get(lead, '/api/safeguarding/concerns');
    expect(board.statusCode, board.body).toBe(200);
    expect(await accessRows(leadUser.id)).toBe(before + 1);
    expect(board.json().items[0]).toMatchObject({
      id: concernId,
      status: 'raised',
      raisedByName: emhpUser.displayName,
    });
    expect((await get(emhp, '/api/safeguarding/concerns')).statusCode).toBe(403);
    expect((await get(lead, `/api/safeguarding/concerns/${randomUUID()}`)).statusCode).toBe(404);
    const one = await get(lead, `/api/safeguarding/concerns/${concernId}`);
    expect(one.statusCode).toBe(200);
    expect(one.headers.etag).toBe('"1"');
  });

  it('moves raised → acknowledged → referred to social care → closed, and never back', async () => {
    const act = (statusAfter: string, version: number, extra: object = {}) =>
      post(
        lead,
        `/api/safeguarding/concerns/${concernId}/actions`,
        { action: 'Spoke to the school', statusAfter, ...extra },
        {
          'if-match': `"${version}"`,
        },
      );
    const skip = await act('closed', 1, { outcome: 'No further action' });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().invalidParams[0].name).toBe('statusAfter');
    const acknowledged = await act('acknowledged', 1);
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json()).toMatchObject({ version: 2, status: 'acknowledged' });
    expect((await act('referred-to-social-care', 1)).statusCode).toBe(412);
    clock.advance(MINUTE);
    expect((await act('referred-to-social-care', 2)).statusCode).toBe(200);
    const noOutcome = await act('closed', 3);
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().invalidParams[0].name).toBe('outcome');
    clock.advance(MINUTE);
    const closed = await act('closed', 3, {
      outcome: 'Social care assessment under way; MHST work goes on.',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await act('acknowledged', 4)).statusCode).toBe(409);
    const seen = (await get(emhp, `/api/caseload/${referralId}/safeguarding-concerns`)).json().items[0];
    expect(seen.status).toBe('closed');
    expect(seen.leadName).toBe(leadUser.displayName);
    expect(seen.outcome).toBe('Social care assessment under way; MHST work goes on.');
    expect(seen.actions.map((a: { statusAfter: string }) => a.statusAfter)).toEqual([
      'acknowledged',
      'referred-to-social-care',
      'closed',
    ]);
    const closedOnly = (await get(lead, '/api/safeguarding/concerns?status=closed')).json().items;
    expect(closedOnly.map((c: { id: string }) => c.id)).toContain(concernId);
    const openOnly = (await get(lead, '/api/safeguarding/concerns?status=raised')).json().items;
    expect(openOnly.map((c: { id: string }) => c.id)).not.toContain(concernId);
  });

  it('keeps actions append-only', async () => {
    await expect(
      asSystem((tx) => tx.execute(sql`update safeguarding_actions set action = 'changed'`)),
    ).rejects.toThrow();
    const rows = await asSystem((tx) =>
      tx.select().from(safeguardingActions).where(eq(safeguardingActions.concernId, concernId)),
    );
    expect(rows).toHaveLength(3);
  });
});
