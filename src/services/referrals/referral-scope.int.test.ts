import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../access/roles.js';
import { recordScope, systemScope } from '../../access/scope.js';
import { childDataTables } from '../../db/child-data-tables.js';
import { queryRows } from '../../db/client.js';
import { createReferral, visibleReferralIds } from '../../db/repositories/referrals.repository.js';
import { accessLog } from '../../db/schema/audit.js';
import { buildDemoArea } from '../../demo/demo-area.js';
import { demoEmailFor } from '../../demo/demo-staff.js';
import { createTestApp, TEST_SEED } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  demoUser,
  type Session,
  signIn,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';
import { resolveActor } from '../identity/resolve-actor.js';

// Who sees which referral: every reading role × referrals that are their own, their school's, their
// caseload's, their team's, another team's, their service's and another organisation's; through
// the API (404 outside scope, one access-log row each) and again straight against PostgreSQL's
// row-level security with the application's checks out of the way.
const area = buildDemoArea({ seed: TEST_SEED, scale: 1 });
const { organisations: org, identity } = area;
const grantOf = (role: StaffRole) => {
  const user = demoUser(demoEmailFor(role));
  const grant = identity.userRoles.find((g) => g.userId === user.id && g.role === role);
  return { user, teamId: grant?.teamId ?? null, schoolUrn: grant?.schoolUrn ?? null };
};
const trust = org.organisations.find((o) => o.kind === 'nhs-trust')?.id ?? '';
const council = org.organisations.find((o) => o.kind === 'local-authority')?.id ?? '';
const mhst = org.services.find((s) => s.kind === 'mhst')?.id ?? '';
const camhs = org.services.find((s) => s.kind === 'camhs')?.id ?? '';
const referrer = grantOf('school-staff-referrer');
const emhp = grantOf('emhp');
const teamManager = grantOf('mhst-team-manager');
const camhsClinician = grantOf('camhs-clinician');
const earlyHelp = grantOf('early-help-worker');
const otherTeam = org.teams.find((t) => t.serviceId === mhst && t.id !== teamManager.teamId)?.id ?? '';
const otherSchool = org.schools.find((s) => s.urn !== referrer.schoolUrn)?.urn ?? 0;

const fixtures = {
  own: {
    referrerUserId: referrer.user.id,
    schoolUrn: referrer.schoolUrn,
    teamId: teamManager.teamId,
    serviceId: mhst,
    organisationId: trust,
    allocatedUserId: emhp.user.id,
  },
  sameSchool: {
    referrerUserId: null,
    schoolUrn: referrer.schoolUrn,
    teamId: otherTeam,
    serviceId: mhst,
    organisationId: trust,
  },
  sameTeam: {
    referrerUserId: null,
    schoolUrn: otherSchool,
    teamId: teamManager.teamId,
    serviceId: mhst,
    organisationId: trust,
  },
  otherTeam: {
    referrerUserId: null,
    schoolUrn: otherSchool,
    teamId: otherTeam,
    serviceId: mhst,
    organisationId: trust,
  },
  camhs: {
    referrerUserId: null,
    schoolUrn: otherSchool,
    teamId: camhsClinician.teamId,
    serviceId: camhs,
    organisationId: trust,
  },
  otherOrganisation: {
    referrerUserId: null,
    schoolUrn: otherSchool,
    teamId: null,
    serviceId: null,
    organisationId: council,
    leadWorkerUserId: earlyHelp.user.id,
  },
} as const;
type Fixture = keyof typeof fixtures;

const expected: Partial<Record<StaffRole, Partial<Record<Fixture, string>>>> = {
  'school-staff-referrer': { own: 'own-referral' },
  'senior-mental-health-lead': { own: 'school', sameSchool: 'school' },
  emhp: { own: 'caseload' },
  'mhst-team-manager': { own: 'team', sameTeam: 'team' },
  'mhst-clinical-lead': { own: 'team', sameTeam: 'team' },
  supervisor: { own: 'team', sameTeam: 'team' },
  'senior-practitioner': { own: 'team', sameTeam: 'team' },
  'camhs-clinician': { camhs: 'team' },
  'spa-clinician': { camhs: 'service' },
  'early-help-worker': { otherOrganisation: 'caseload' },
  'safeguarding-lead': {
    own: 'organisation',
    sameSchool: 'organisation',
    sameTeam: 'organisation',
    otherTeam: 'organisation',
    camhs: 'organisation',
  },
  'service-manager': {},
};
const readers = Object.keys(expected) as StaffRole[];

describe.each(testDatabases)('referral scope on $name', (factory) => {
  const clock = testClock('2026-11-26T09:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  const ids = {} as Record<Fixture, string>;
  const sessions = new Map<StaffRole, Session>();

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
    for (const [name, relations] of Object.entries(fixtures) as [Fixture, (typeof fixtures)[Fixture]][]) {
      ids[name] = randomUUID();
      await createReferral(ctx.database.db, systemScope('test fixtures'), {
        child: {
          id: randomUUID(),
          givenName: 'Test',
          familyName: name,
          dateOfBirth: '2012-05-01',
          isFictional: true,
        },
        schoolUrn: relations.schoolUrn,
        referral: {
          id: ids[name],
          reference: `T-${name}`,
          receivedAt: clock.now(),
          source: 'school',
          ...relations,
        },
      });
    }
    for (const [index, role] of readers.entries()) {
      const user = demoUser(demoEmailFor(role));
      const remoteAddress = `10.7.0.${index + 1}`;
      sessions.set(
        role,
        user.totpSecret
          ? await signInWithTotp(
              ctx.app,
              { email: user.email, totpSecret: user.totpSecret },
              { remoteAddress, now: clock.now },
            )
          : await signIn(ctx.app, user.email, { remoteAddress }),
      );
    }
  }, 120_000);
  afterAll(() => ctx?.dispose());

  it.each(readers)('%s sees exactly its referrals through the API, each read logged once', async (role) => {
    const session = sessions.get(role) as Session;
    const seen: Partial<Record<Fixture, string>> = {};
    for (const name of Object.keys(fixtures) as Fixture[]) {
      const response = await ctx.app.inject({ url: `/api/referrals/${ids[name]}`, ...asSession(session) });
      expect([200, 404], response.body).toContain(response.statusCode);
      if (response.statusCode === 200) seen[name] = response.json().accessBasis;
      const rows = await ctx.database.db
        .select()
        .from(accessLog)
        .where(
          and(eq(accessLog.subjectId, ids[name]), eq(accessLog.userId, demoUser(demoEmailFor(role)).id)),
        );
      expect(rows.map((r) => r.outcome)).toEqual([response.statusCode === 200 ? 'allowed' : 'denied']);
    }
    expect(seen).toEqual(expected[role]);
  });

  it.each(readers)(
    '%s sees no more straight from the database, with the app checks out of the way',
    async (role) => {
      const session = sessions.get(role) as Session;
      const resolved = await resolveActor(ctx.database.db, session.token, clock.now());
      if (resolved.kind !== 'active') throw new Error(`${role} has no session`);
      const visible = await visibleReferralIds(ctx.database.db, recordScope(resolved.actor));
      const names = (Object.keys(fixtures) as Fixture[]).filter((name) => visible.includes(ids[name]));
      expect(names.sort()).toEqual(Object.keys(expected[role] ?? {}).sort());
    },
  );

  it('shows nothing to a query that set no scope at all', async () => {
    const [row] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from referrals`,
    );
    expect(row?.n).toBe(0);
    const [children] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from children`,
    );
    expect(children?.n).toBe(0);
  });

  it('lets a clinician break the glass with a reason, marks it and alerts the privacy officer', async () => {
    const session = sessions.get('emhp') as Session;
    const url = `/api/referrals/${ids.otherTeam}`;
    expect((await ctx.app.inject({ url, ...asSession(session) })).statusCode).toBe(404);
    const short = await ctx.app.inject({
      method: 'POST',
      url: `${url}/break-glass`,
      payload: { reason: 'urgent' },
      ...asSession(session),
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().invalidParams[0].name).toBe('reason');
    const opened = await ctx.app.inject({
      method: 'POST',
      url: `${url}/break-glass`,
      payload: { reason: 'Called by police about this child tonight' },
      ...asSession(session),
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ id: ids.otherTeam, accessBasis: 'break-glass' });
    const marked = await ctx.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.subjectId, ids.otherTeam), eq(accessLog.outcome, 'break-glass')));
    expect(marked).toHaveLength(1);
    expect(marked[0]?.reason).toBe('Called by police about this child tonight');
    // The glass is broken for that request only.
    expect((await ctx.app.inject({ url, ...asSession(session) })).statusCode).toBe(404);

    const officer = demoUser(demoEmailFor('privacy-officer'));
    const privacy = await signInWithTotp(
      ctx.app,
      { email: officer.email, totpSecret: officer.totpSecret ?? '' },
      { remoteAddress: '10.7.1.1', now: clock.now },
    );
    const alerts = await ctx.app.inject({ url: '/api/admin/privacy-alerts', ...asSession(privacy) });
    expect(alerts.json().alerts).toEqual([
      expect.objectContaining({ kind: 'break-glass', subjectId: ids.otherTeam, userId: emhp.user.id }),
    ]);
    const others = await ctx.app.inject({ url: '/api/admin/privacy-alerts', ...asSession(session) });
    expect(others.statusCode).toBe(403);
  });

  it('answers 404 to break-glass on a referral that does not exist', async () => {
    const session = sessions.get('spa-clinician') as Session;
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/referrals/${randomUUID()}/break-glass`,
      payload: { reason: 'Looking for a child who is not there' },
      ...asSession(session),
    });
    expect(response.statusCode).toBe(404);
  });

  it('has forced row-level security on every table that holds a child’s data', async () => {
    const tables = await ctx.database.withOwnerConnection((db) =>
      queryRows<{ name: string; rls: boolean; forced: boolean; childColumn: boolean }>(
        db,
        sql`select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
              exists (select 1 from information_schema.columns col where col.table_schema = 'public'
                and col.table_name = c.relname and col.column_name in ('child_id', 'referral_id')) as "childColumn"
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind = 'r'`,
      ),
    );
    for (const table of childDataTables) {
      expect(
        tables.find((t) => t.name === table),
        table,
      ).toMatchObject({ rls: true, forced: true });
    }
    const unlisted = tables
      .filter((t) => t.childColumn && !childDataTables.includes(t.name))
      .map((t) => t.name);
    expect(unlisted).toEqual([]);
  });

  it('makes every view check the reader’s own rights (security_invoker)', async () => {
    const views = await ctx.database.withOwnerConnection((db) =>
      queryRows<{ name: string; invoker: boolean }>(
        db,
        sql`select c.relname as name,
              coalesce('security_invoker=true' = any (c.reloptions), false) as invoker
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind = 'v'`,
      ),
    );
    expect(views.filter((v) => !v.invoker).map((v) => v.name)).toEqual([]);
  });

  it('refuses the read when the access log cannot be written', async () => {
    const session = sessions.get('school-staff-referrer') as Session;
    await ctx.database.withOwnerConnection((db) =>
      db.execute(sql`revoke insert on access_log from lantern_app`),
    );
    try {
      const response = await ctx.app.inject({ url: `/api/referrals/${ids.own}`, ...asSession(session) });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain('own');
      expect(response.body).not.toContain('Test');
    } finally {
      await ctx.database.withOwnerConnection((db) =>
        db.execute(sql`grant insert on access_log to lantern_app`),
      );
    }
    expect(
      (await ctx.app.inject({ url: `/api/referrals/${ids.own}`, ...asSession(session) })).statusCode,
    ).toBe(200);
  });

  it('refuses to store a child for a request whose scope reaches nothing', async () => {
    const anonymous = recordScope({ kind: 'anonymous' });
    await expect(
      createReferral(ctx.database.db, anonymous, {
        child: { id: randomUUID(), givenName: 'No', familyName: 'Scope', dateOfBirth: '2012-01-01' },
        schoolUrn: null,
        referral: {
          id: randomUUID(),
          reference: 'T-NOSCOPE',
          receivedAt: clock.now(),
          source: 'self',
          organisationId: trust,
        },
      }),
    ).rejects.toThrow();
  });
});
