import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordScope, systemScope } from '../../access/scope.js';
import { teamSchools } from '../../db/schema/organisations.js';
import { referrals, referralWorkers, triageDecisions } from '../../db/schema/referrals.js';
import { withScope } from '../../db/scoped.js';
import { demoEmailFor } from '../../demo/demo-staff.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import { referralAnswers } from '../../test-support/referral-answers.js';
import {
  asSession,
  demoIdentity,
  demoUser,
  enrolledDemoUser,
  type Session,
  signIn,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

// Who sees what at the front door, checked through the API and straight against row-level
// security: hand-overs between services, clinical rows hidden from referrers, confidential requests
// hidden from schools, and the rows that are never rewritten.
const grantOf = (role: Parameters<typeof demoEmailFor>[0]) => {
  const user = demoUser(demoEmailFor(role));
  const grant = demoIdentity.userRoles.find((g) => g.userId === user.id && g.role === role);
  if (!grant) throw new Error(`no grant for ${role}`);
  return { user, grant };
};

describe.each(testDatabases)('front door scope on $name', (factory) => {
  const clock = testClock('2026-11-30T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let spa: Session;
  let teacher: Session;
  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
    spa = await signInWithTotp(ctx.app, enrolledDemoUser('spa-clinician'), {
      remoteAddress: '10.8.0.1',
      now: clock.now,
    });
    teacher = await signIn(ctx.app, demoEmailFor('school-staff-referrer'), { remoteAddress: '10.8.0.2' });
  });
  afterAll(() => ctx?.dispose());

  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(ctx.database.db, systemScope('test'), work);
  const submit = async (payload: object) => {
    const done = await ctx.app.inject({
      method: 'POST',
      url: '/api/referrals/public',
      payload,
      remoteAddress: `10.${randomInt(1, 250)}.${randomInt(1, 250)}.1`,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(done.statusCode, done.body).toBe(201);
    const [row] = await asSystem((tx) =>
      tx.select().from(referrals).where(eq(referrals.reference, done.json().reference)),
    );
    if (!row) throw new Error('no referral');
    return row;
  };
  const versionOf = async (id: string) =>
    (await ctx.app.inject({ url: `/api/triage/referrals/${id}`, ...asSession(spa) })).json().version;
  const decide = (id: string, version: number, payload: object) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/triage/referrals/${id}/decisions`,
      payload: { thriveGrouping: 'getting-help', priority: 'routine', ...payload },
      ...asSession(spa, { headers: { 'if-match': `"${version}"` } }),
    });

  it('hands an accepted referral to the MHST serving the child’s school, out of triage’s sight', async () => {
    const { grant } = grantOf('mhst-team-manager');
    const [served] = await ctx.database.db
      .select()
      .from(teamSchools)
      .where(eq(teamSchools.teamId, grant.teamId ?? ''));
    const row = await submit(
      referralAnswers({
        child: { ...referralAnswers().child, nhsNumber: undefined, schoolUrn: served?.schoolUrn },
      }),
    );
    const accepted = await decide(row.id, await versionOf(row.id), {
      kind: 'accept',
      service: 'mental-health-support-teams',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const [moved] = await asSystem((tx) => tx.select().from(referrals).where(eq(referrals.id, row.id)));
    expect(moved?.teamId).toBe(grant.teamId);
    expect(
      (await ctx.app.inject({ url: `/api/triage/referrals/${row.id}`, ...asSession(spa) })).statusCode,
    ).toBe(404);
    const manager = await signInWithTotp(ctx.app, enrolledDemoUser('mhst-team-manager'), {
      remoteAddress: '10.8.0.3',
      now: clock.now,
    });
    const read = await ctx.app.inject({ url: `/api/referrals/${row.id}`, ...asSession(manager) });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().accessBasis).toBe('team');
  });

  it('keeps a family’s or young person’s request out of the school’s sight, while the school’s own referrals are in it', async () => {
    const { grant } = grantOf('senior-mental-health-lead');
    const own = await submit(
      referralAnswers({
        child: { ...referralAnswers().child, nhsNumber: undefined, schoolUrn: grant.schoolUrn ?? undefined },
      }),
    );
    expect(own.schoolUrn).toBeNull();
    const lead = await signIn(ctx.app, demoEmailFor('senior-mental-health-lead'), {
      remoteAddress: '10.8.0.4',
    });
    expect((await ctx.app.inject({ url: `/api/referrals/${own.id}`, ...asSession(lead) })).statusCode).toBe(
      404,
    );
  });

  it('shows a referrer their referral but never the triage decision rows behind it', async () => {
    const made = await ctx.app.inject({
      method: 'POST',
      url: '/api/referrals',
      payload: referralAnswers({
        kind: 'school',
        child: { ...referralAnswers().child, nhsNumber: undefined },
      }),
      ...asSession(teacher, { headers: { 'idempotency-key': randomUUID() } }),
    });
    const [row] = await asSystem((tx) =>
      tx.select().from(referrals).where(eq(referrals.reference, made.json().reference)),
    );
    const id = row?.id ?? '';
    expect(
      (await decide(id, await versionOf(id), { kind: 'mdt', notes: 'Clinical note about the family' }))
        .statusCode,
    ).toBe(200);
    const referrer = demoUser(demoEmailFor('school-staff-referrer'));
    const theirs: RecordScope = {
      ...systemScope('unused'),
      kinds: ['own-referrals'],
      userId: referrer.id,
      systemReason: undefined,
    };
    const seen = await withScope(ctx.database.db, theirs, async (tx) => ({
      referrals: await tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.id, id)),
      decisions: await tx.select().from(triageDecisions).where(eq(triageDecisions.referralId, id)),
    }));
    expect(seen.referrals).toHaveLength(1);
    expect(seen.decisions).toEqual([]);
    await expect(
      withScope(ctx.database.db, theirs, (tx) =>
        tx.update(triageDecisions).set({ notes: 'changed' }).where(eq(triageDecisions.referralId, id)),
      ),
    ).rejects.toThrow();
    const mine = (await ctx.app.inject({ url: '/api/my-referrals', ...asSession(teacher) })).json();
    expect(mine.referrals.find((r: { id: string }) => r.id === id).status).toBe('awaiting-mdt');
  });

  it('ends the last lead worker’s spell when a new one is named, keeping both', async () => {
    const row = await submit(
      referralAnswers({ child: { ...referralAnswers().child, nhsNumber: undefined, givenName: 'Lead' } }),
    );
    for (const name of ['Pat Jones', 'Sam Patel']) {
      const named = await ctx.app.inject({
        method: 'PUT',
        url: `/api/triage/referrals/${row.id}/lead-worker`,
        payload: { name, agency: 'Early help' },
        ...asSession(spa, { headers: { 'if-match': `"${await versionOf(row.id)}"` } }),
      });
      expect(named.statusCode, named.body).toBe(200);
    }
    const spells = await asSystem((tx) =>
      tx.select().from(referralWorkers).where(eq(referralWorkers.referralId, row.id)),
    );
    expect(spells).toHaveLength(2);
    const open = await asSystem((tx) =>
      tx
        .select()
        .from(referralWorkers)
        .where(and(eq(referralWorkers.referralId, row.id), isNull(referralWorkers.endedAt))),
    );
    expect(open.map((s) => s.externalName)).toEqual(['Sam Patel']);
  });

  it('merges only a record the duplicate check would show, and answers 404 otherwise', async () => {
    const a = await submit(
      referralAnswers({
        child: { givenName: 'Nina', familyName: 'Brown', dateOfBirth: '2011-01-01', gender: 'female' },
      }),
    );
    const b = await submit(
      referralAnswers({
        child: { givenName: 'Omar', familyName: 'Said', dateOfBirth: '2012-02-02', gender: 'male' },
      }),
    );
    const merge = await ctx.app.inject({
      method: 'POST',
      url: `/api/children/${a.childId}/merges`,
      payload: { mergedChildId: b.childId, reason: 'Trying to link two different children' },
      ...asSession(spa),
    });
    expect(merge.statusCode).toBe(404);
  });

  it('puts a referral on a meeting’s agenda once, however often it is added', async () => {
    const row = await submit(
      referralAnswers({ child: { ...referralAnswers().child, nhsNumber: undefined, givenName: 'Agenda' } }),
    );
    const meeting = await ctx.app.inject({
      method: 'POST',
      url: '/api/mdt/meetings',
      payload: { heldAt: '2026-12-02T14:00:00Z', agenciesPresent: ['CAMHS'], referralIds: [row.id] },
      ...asSession(spa, { headers: { 'idempotency-key': randomUUID() } }),
    });
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/mdt/meetings/${meeting.json().id}/agenda`,
      payload: { referralId: row.id },
      ...asSession(spa),
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().agenda).toHaveLength(1);
  });
});
