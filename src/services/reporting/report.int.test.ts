import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../access/roles.js';
import { systemScope } from '../../access/scope.js';
import type { Report, ReportQuery } from '../../contracts/reporting.js';
import { ReportQuery as ReportQuerySchema } from '../../contracts/reporting.js';
import { queryRows } from '../../db/client.js';
import { accessLog } from '../../db/schema/audit.js';
import { withScope } from '../../db/scoped.js';
import { demoEmailFor } from '../../demo/demo-staff.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  demoUser,
  type Session,
  signIn,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';
import { reportFromBaseTables } from './base-figures.js';
import { buildReport } from './report.js';
import { rebuildRollups, rollupDay } from './rollup.js';

// The KPI report on the demo area (18 months of referrals before 23 November 2026): the rollup
// figures equal the base-table figures, commissioners get the published view only, and no reply
// names or identifies a child.
describe.each(testDatabases)('KPI report on the demo area on $name', (factory) => {
  const clock = testClock('2026-11-23T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  const sessions = new Map<StaffRole, Session>();
  const identifying: string[] = [];

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now, withDemoReferrals: true });
    await rebuildRollups(ctx.database.db, { now: clock.now() });
    const roles: StaffRole[] = ['commissioner', 'service-manager', 'emhp', 'mhst-team-manager'];
    for (const [i, role] of roles.entries()) {
      const user = demoUser(demoEmailFor(role));
      const remoteAddress = `10.8.0.${i + 1}`;
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
    await withScope(ctx.database.db, systemScope('test'), async (tx) => {
      const rows = await queryRows<{ id: string; reference: string; child_id: string; given_name: string }>(
        tx,
        sql`select r.id, r.reference, r.child_id, c.given_name from referrals r join children c on c.id = r.child_id limit 200`,
      );
      for (const r of rows) identifying.push(r.id, r.reference, r.child_id);
    });
  }, 600_000);
  afterAll(() => ctx?.dispose());

  const get = (role: StaffRole, url: string) =>
    ctx.app.inject({ method: 'GET', url, ...asSession(sessions.get(role) as Session) });
  const query = (q: Record<string, unknown>): ReportQuery => ReportQuerySchema.parse(q);

  it('gives the same exact figures from the rollups as from the base tables', async () => {
    for (const q of [
      { period: 'quarter', date: '2026-08-15' },
      { period: 'month', date: '2026-10-01', by: 'gender' },
      { period: 'quarter', date: '2026-11-01', by: 'school' },
      { period: 'month', date: '2026-11-10', by: 'age-band', ethnicity: 'W' },
      // Financial years: the oldest in the series are before any snapshot is kept.
      { period: 'year', by: 'team' },
      { period: 'quarter', date: '2024-05-01' },
    ]) {
      const url = `/api/reports/kpis?view=operational&${new URLSearchParams(q as Record<string, string>)}`;
      const response = await get('service-manager', url);
      expect(response.statusCode, response.body).toBe(200);
      const fromRollups = (response.json() as Report).kpis;
      const fromBase = await reportFromBaseTables(ctx.database.db, query({ ...q, view: 'operational' }), {
        now: clock.now(),
      });
      expect(fromRollups).toEqual(fromBase);
    }
  });

  it('has figures for the main KPIs on the demo area', async () => {
    const response = await get(
      'service-manager',
      '/api/reports/kpis?view=operational&period=quarter&date=2026-08-01',
    );
    const report = response.json() as Report;
    const figure = (id: string) => report.kpis.find((k) => k.id === id)?.current;
    expect(figure('referrals-received')?.value).toBeGreaterThan(0);
    expect(figure('children-seen')?.value).toBeGreaterThan(0);
    expect(figure('started-within-four-weeks')?.kind).toBe('percentage');
    expect(figure('waiting-list')?.kind).toBe('count');
    expect(report.headlines.length).toBeGreaterThan(0);
    expect(report.rolledUpAt).not.toBeNull();
  });

  it('keeps the same figures when a day is rolled up again with nothing new', async () => {
    const before = (
      await get('service-manager', '/api/reports/kpis?view=operational&period=month&date=2026-11-01')
    ).json() as Report;
    await rollupDay(ctx.database.db, '2026-11-23', { now: clock.now() });
    await rollupDay(ctx.database.db, '2026-11-22', { now: clock.now() });
    await rollupDay(ctx.database.db, '2026-11-23', { now: clock.now() });
    const after = (
      await get('service-manager', '/api/reports/kpis?view=operational&period=month&date=2026-11-01')
    ).json() as Report;
    expect(after.kpis).toEqual(before.kpis);
  });

  it('gives a commissioner the published view, refuses them exact figures, and logs one row a read', async () => {
    const published = await get('commissioner', '/api/reports/kpis?period=quarter&date=2026-08-01&by=gender');
    expect(published.statusCode).toBe(200);
    expect((published.json() as Report).view).toBe('published');
    const exact = await get('commissioner', '/api/reports/kpis?view=operational');
    expect(exact.statusCode).toBe(403);
    const refused = await get('emhp', '/api/reports/kpis');
    expect(refused.statusCode).toBe(403);
    const rows = await ctx.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.subjectKind, 'report'), eq(accessLog.action, 'report:read-published')));
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  it('publishes only suppressed, rounded counts', async () => {
    const response = await get('commissioner', '/api/reports/kpis?period=quarter&date=2026-08-01&by=school');
    const report = response.json() as Report;
    for (const kpi of report.kpis) {
      for (const figure of [kpi.current, kpi.previous, ...(kpi.breakdown?.rows.map((r) => r.value) ?? [])]) {
        if (figure.kind === 'count') expect((figure.value as number) % 5).toBe(0);
        if (figure.kind === 'suppressed') expect(figure.display).toBe('*');
      }
    }
  });

  it('never names or identifies a child, in JSON or CSV', async () => {
    for (const url of [
      '/api/reports/kpis?period=quarter&date=2026-08-01&by=school',
      '/api/reports/kpis.csv?period=quarter&date=2026-08-01&by=gender&view=operational',
    ]) {
      const response = await get('commissioner', url);
      expect(response.statusCode).toBe(200);
      for (const value of identifying) expect(response.body).not.toContain(value);
    }
  });

  it('downloads the published view as CSV whatever view is asked for', async () => {
    const response = await get(
      'service-manager',
      '/api/reports/kpis.csv?period=quarter&date=2026-08-01&view=operational',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="lantern-kpis-quarter-2026-07-01.csv"',
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const [header, ...lines] = response.body.trim().split('\r\n');
    expect(header).toContain('KPI,Title,Period');
    const referrals = lines.find((l) => l.startsWith('referrals-received,')) as string;
    const figure = Number(referrals.split(',')[5]?.replaceAll('"', '').replaceAll(',', ''));
    expect(figure % 5).toBe(0);
  });

  it('shows an MHST team manager exact figures for their own team only', async () => {
    const [own] = await withScope(ctx.database.db, systemScope('test'), (tx) =>
      queryRows<{ team_id: string }>(
        tx,
        sql`select ur.team_id from user_roles ur join users u on u.id = ur.user_id
            where u.email = ${demoEmailFor('mhst-team-manager')} and ur.role = 'mhst-team-manager'`,
      ),
    );
    const [other] = await withScope(ctx.database.db, systemScope('test'), (tx) =>
      queryRows<{ id: string }>(tx, sql`select id from teams where id <> ${own?.team_id} limit 1`),
    );
    const base = '/api/reports/kpis?view=operational&period=quarter&date=2026-08-15';
    const mine = await get('mhst-team-manager', base);
    expect(mine.statusCode, mine.body).toBe(200);
    expect((mine.json() as Report).filters).toEqual({ team: own?.team_id });
    const theirs = await get('mhst-team-manager', `${base}&team=${other?.id}`);
    expect(theirs.statusCode).toBe(422);
    expect(theirs.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['team']);
    const byTeam = await get('mhst-team-manager', `${base}&by=team`);
    expect(byTeam.statusCode).toBe(422);
    expect(byTeam.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['by']);
    // Their team counts as one of the two dimensions, and the problem says so.
    const [school] = await withScope(ctx.database.db, systemScope('test'), (tx) =>
      queryRows<{ urn: number }>(
        tx,
        sql`select school_urn as urn from team_schools where team_id = ${own?.team_id} limit 1`,
      ),
    );
    const tooMany = await get('mhst-team-manager', `${base}&school=${school?.urn}&by=gender`);
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().detail).toContain('limited to your team');
    expect(tooMany.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['by']);
    const oneMore = await get('mhst-team-manager', `${base}&by=gender`);
    expect(oneMore.statusCode, oneMore.body).toBe(200);
    const repeated = await get('mhst-team-manager', `${base}&school=${school?.urn}&by=school`);
    expect(repeated.json().detail).toContain('different dimension');
    // The same role held across the organisation, for no team, gets no team's exact figures.
    const teamManager = demoUser(demoEmailFor('mhst-team-manager'));
    const noTeam = {
      requestId: 'test',
      now: clock.now,
      authorised: [],
      recordAccess: async () => {},
      actor: {
        kind: 'staff' as const,
        userId: teamManager.id,
        organisationId: teamManager.organisationId,
        roles: ['mhst-team-manager' as const],
        grants: [{ role: 'mhst-team-manager' as const, teamId: null, serviceId: null, schoolUrn: null }],
        sessionTokenHash: 'test',
        isSignedIn: true,
      },
    };
    const deps = { db: ctx.database.db, now: clock.now };
    const asked = query({ view: 'operational', period: 'quarter', date: '2026-08-15' });
    await expect(buildReport(noTeam, deps, asked)).rejects.toMatchObject({
      code: 'unprocessable-content',
      invalidParams: [{ name: 'view' }],
    });
    const published = await get(
      'mhst-team-manager',
      `/api/reports/kpis?period=quarter&date=2026-08-15&team=${other?.id}`,
    );
    expect(published.statusCode).toBe(200);
    // A service manager's exact figures cover every team.
    const manager = await get('service-manager', base);
    expect((manager.json() as Report).filters).toEqual({});
  });

  it('answers a problem naming the field for too many dimensions', async () => {
    const response = await get('commissioner', '/api/reports/kpis?gender=female&age-band=11-15&by=school');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('by');
  });

  it('agrees with the online usage page and with plain counts of school work', async () => {
    const usage = (
      await get('service-manager', '/api/online/usage?from=2026-10-01&to=2026-10-31')
    ).json() as {
      youngPeople: number;
      chats: { total: number };
      eveningsAndWeekends: { count: number; percent: number };
      gender: { key: string; count: number }[];
    };
    const report = (
      await get('service-manager', '/api/reports/kpis?view=operational&period=month&date=2026-10-01')
    ).json() as Report;
    const value = (id: string) => report.kpis.find((k) => k.id === id)?.current.value;
    expect(usage.youngPeople).toBeGreaterThan(0);
    expect(value('online-young-people')).toBe(usage.youngPeople);
    expect(value('online-chats')).toBe(usage.chats.total);
    expect(value('online-evenings-weekends')).toBe(usage.eveningsAndWeekends.percent);
    const girls = usage.gender.find((g) => g.key === 'girl')?.count ?? 0;
    expect(value('online-female')).toBe(Math.round((100 * girls) / usage.youngPeople));
    const counted = await withScope(ctx.database.db, systemScope('test'), async (tx) => {
      const [row] = await queryRows<{ schools: number; pupils: number; calls: number; workshops: number }>(
        tx,
        sql`select (select count(distinct school_urn)::int from team_schools) as schools,
              (select sum(pupil_count)::int from schools where urn in (select school_urn from team_schools)) as pupils,
              (select count(*)::int from consultation_calls where received_at >= '2026-09-30T23:00:00Z'
                and received_at < '2026-10-31T24:00:00Z') as calls,
              (select count(*)::int from group_sessions where held_at >= '2026-09-30T23:00:00Z'
                and held_at < '2026-10-31T24:00:00Z') as workshops`,
      );
      return row;
    });
    expect(value('mhst-schools')).toBe(counted?.schools);
    expect(value('mhst-pupils')).toBe(counted?.pupils);
    expect(value('consultation-calls') ?? 0).toBe(counted?.calls);
    expect(value('workshops') ?? 0).toBe(counted?.workshops);
  });
});
