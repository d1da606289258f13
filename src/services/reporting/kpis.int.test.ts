import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../access/roles.js';
import { systemScope } from '../../access/scope.js';
import type { KpiResult, Report } from '../../contracts/reporting.js';
import { ReportQuery } from '../../contracts/reporting.js';
import { type LanternDb, queryRows } from '../../db/client.js';
import { withScope } from '../../db/scoped.js';
import { demoEmailFor } from '../../demo/demo-staff.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import { asSession, demoUser, type Session, signInWithTotp, testClock } from '../../test-support/session.js';
import { reportFromBaseTables } from './base-figures.js';
import { rebuildRollups, rollupDay, takeSnapshots } from './rollup.js';
import { runRollupJob } from './schedule.js';

// Each KPI against a small data set worked out by hand (the demo area's places and staff, no demo
// referrals). October 2026:
// - r1: child A (girl, 14, White British, SEN support), from a school, urgent, received 1 Oct,
//   accepted 2 Oct, seen 10 and 17 Oct (did not attend 24 Oct): first contact after 9 days.
// - r2: child B (boy, 17, Black African), from a GP, received 5 Oct, declined 6 Oct.
// - r3: child C (girl, 12, ethnicity not recorded), self-referral, received 20 Oct, more information
//   asked 21 Oct, a decline on 22 Oct later corrected (invalidated), first seen 2 Nov (13 days).
// - r4: child B, from a parent, received 10 Sep, signposted 3 Oct.
// So in October: 3 referrals (1 school, 1 GP, 1 self; 1 urgent), 3 triaged (r1, r2, r4), 1 declined;
// 1 child seen, and seen twice; 1 first contact (9 days, within four weeks); at the end of October
// only r3 is waiting, for 12 days (received 20 Oct, the list taken at midnight on 1 Nov).
describe.each(testDatabases)('each KPI on a small data set on $name', (factory) => {
  let now = new Date('2026-11-23T10:00:00Z');
  const clock = testClock('2026-11-23T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let session: Session;
  let commissioner: Session;
  const ids: Record<string, string> = {};

  const system = <T>(work: (tx: LanternDb) => Promise<T>) =>
    withScope(ctx.database.db, systemScope('test data'), work);

  async function addChild(
    key: string,
    child: { gender: string; dob: string; ethnicity: string | null; sen: string | null },
  ) {
    const [row] = await system((tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`insert into children (given_name, family_name, date_of_birth, gender, ethnicity, special_educational_needs, is_fictional)
            values (${`Test${key}`}, 'Reportchild', ${child.dob}::date, ${child.gender}, ${child.ethnicity}, ${child.sen}, true)
            returning id`,
      ),
    );
    ids[key] = row?.id as string;
  }

  async function addReferral(
    key: string,
    child: string,
    r: { at: string; source: string; urgent?: boolean; school?: boolean },
  ) {
    const [row] = await system((tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`insert into referrals (reference, child_id, received_at, source, is_urgent, school_urn, organisation_id, team_id)
            values (${`LV-TEST-${key}`}, ${ids[child]}::uuid, ${r.at}::timestamptz, ${r.source}, ${r.urgent ?? false},
              ${r.school ? Number(ids.school) : null}, ${ids.organisation}::uuid, ${ids.team}::uuid)
            returning id`,
      ),
    );
    ids[key] = row?.id as string;
  }

  const decide = (referral: string, kind: string, at: string, invalidated = false) =>
    system((tx) =>
      tx.execute(sql`insert into triage_decisions (referral_id, kind, thrive_grouping, priority, recorded_at, recorded_by, invalidated_at)
        values (${ids[referral]}::uuid, ${kind}, 'getting-help', 'routine', ${at}::timestamptz, ${ids.user}::uuid,
          ${invalidated ? at : null}::timestamptz)`),
    );
  const contact = (referral: string, at: string, status: string) =>
    system(async (tx) => {
      await tx.execute(sql`insert into care_contacts (referral_id, practitioner_user_id, starts_at, attend_status, recorded_at, recorded_by)
        values (${ids[referral]}::uuid, ${ids.user}::uuid, ${at}::timestamptz, ${status}, ${at}::timestamptz, ${ids.user}::uuid)`);
      await tx.execute(sql`update referrals set first_contact_at = (select min(starts_at) from care_contacts
        where referral_id = referrals.id and attend_status in ('attended', 'late-seen')) where id = ${ids[referral]}::uuid`);
    });

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: () => now });
    const [place] = await system((tx) =>
      queryRows<{ organisation: string; team: string; school: string; user: string }>(
        tx,
        sql`select (select id from organisations where kind = 'nhs-trust' order by code limit 1) as organisation,
              (select team_id from team_schools order by school_urn limit 1) as team,
              (select school_urn::text from team_schools order by school_urn limit 1) as school,
              (select id from users order by email limit 1) as user`,
      ),
    );
    Object.assign(ids, place);
    await addChild('A', { gender: 'female', dob: '2012-05-01', ethnicity: 'A', sen: 'sen-support' });
    await addChild('B', { gender: 'male', dob: '2009-03-01', ethnicity: 'N', sen: null });
    await addChild('C', { gender: 'female', dob: '2014-01-01', ethnicity: null, sen: null });
    await addReferral('r1', 'A', {
      at: '2026-10-01T09:00:00Z',
      source: 'school',
      urgent: true,
      school: true,
    });
    await addReferral('r2', 'B', { at: '2026-10-05T09:00:00Z', source: 'gp' });
    await addReferral('r3', 'C', { at: '2026-10-20T09:00:00Z', source: 'self' });
    await addReferral('r4', 'B', { at: '2026-09-10T09:00:00Z', source: 'parent' });
    await decide('r1', 'accept', '2026-10-02T09:00:00Z');
    await decide('r2', 'decline', '2026-10-06T09:00:00Z');
    await decide('r3', 'more-information', '2026-10-21T09:00:00Z');
    await decide('r3', 'decline', '2026-10-22T09:00:00Z', true);
    await decide('r4', 'signpost', '2026-10-03T09:00:00Z');
    await contact('r1', '2026-10-10T09:00:00Z', 'attended');
    await contact('r1', '2026-10-17T09:00:00Z', 'late-seen');
    await contact('r1', '2026-10-24T09:00:00Z', 'did-not-attend');
    await contact('r3', '2026-11-02T10:00:00Z', 'attended');
    await rebuildRollups(ctx.database.db, { now });
    const login = async (role: StaffRole, address: string) => {
      const user = demoUser(demoEmailFor(role));
      return signInWithTotp(
        ctx.app,
        { email: user.email, totpSecret: user.totpSecret as string },
        { remoteAddress: address, now: () => now },
      );
    };
    session = await login('service-manager', '10.7.0.1');
    commissioner = await login('commissioner', '10.7.0.2').catch(async () => {
      const { signIn } = await import('../../test-support/session.js');
      return signIn(ctx.app, demoEmailFor('commissioner'), { remoteAddress: '10.7.0.2' });
    });
    void clock;
  }, 300_000);
  afterAll(() => ctx?.dispose());

  const report = async (query: string, as: Session = session) => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/reports/kpis?${query}`,
      ...asSession(as),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Report;
  };
  const kpi = (r: Report, id: string) => r.kpis.find((k) => k.id === id) as KpiResult;

  it('counts October exactly in the operational view', async () => {
    const r = await report('view=operational&period=month&date=2026-10-01');
    const value = (id: string) => kpi(r, id).current.value;
    expect(r.period).toEqual({
      kind: 'month',
      start: '2026-10-01',
      end: '2026-10-31',
      label: 'October 2026',
    });
    expect(value('referrals-received')).toBe(3);
    expect(value('referrals-from-school')).toBe(33);
    expect(value('referrals-from-self')).toBe(33);
    expect(value('referrals-from-parent')).toBe(0);
    expect(value('urgent-referrals')).toBe(33);
    expect(value('inappropriate-referrals')).toBe(33);
    expect(value('children-seen')).toBe(1);
    expect(value('children-seen-twice')).toBe(1);
    expect(value('started-within-four-weeks')).toBe(100);
    expect(kpi(r, 'median-wait-first-contact').current).toEqual({
      kind: 'days',
      value: 9,
      display: '9 days',
    });
    expect(value('p90-wait-first-contact')).toBe(9);
    expect(value('waiting-list')).toBe(1);
    expect(kpi(r, 'longest-wait').current.display).toBe('12 days');
    expect(kpi(r, 'clock-stop-within-four-weeks').current.kind).toBe('none');
    expect(kpi(r, 'inappropriate-referrals').rag).toBe('red');
    expect(kpi(r, 'started-within-four-weeks').rag).toBe('green');
    // September: r4 only.
    expect(kpi(r, 'referrals-received').previous.value).toBe(1);
    expect(kpi(r, 'referrals-received').change).toEqual({ display: 'Up 2', direction: 'up' });
    expect(kpi(r, 'referrals-received').series.map((s) => s.value.value)).toEqual([0, 0, 0, 0, 1, 3]);
  });

  it('breaks October down by gender and filters it by ethnic group', async () => {
    const byGender = await report('view=operational&period=month&date=2026-10-01&by=gender');
    expect(kpi(byGender, 'referrals-received').breakdown).toEqual({
      dimension: 'gender',
      rows: [
        { key: 'female', label: 'Female', value: { kind: 'count', value: 2, display: '2' } },
        { key: 'male', label: 'Male', value: { kind: 'count', value: 1, display: '1' } },
      ],
    });
    const white = await report('view=operational&period=month&date=2026-10-01&ethnicity=W');
    expect(kpi(white, 'referrals-received').current.value).toBe(1);
    expect(kpi(white, 'children-seen').current.value).toBe(1);
    const bySen = await report('view=operational&period=month&date=2026-10-01&by=sen');
    expect(
      kpi(bySen, 'referrals-received').breakdown?.rows.map((row) => [row.label, row.value.value]),
    ).toEqual([
      ['Not recorded', 2],
      ['SEN support', 1],
    ]);
  });

  it('suppresses every small figure in the published view, in numbers and in words', async () => {
    const r = await report('period=month&date=2026-10-01&by=gender', commissioner);
    expect(r.view).toBe('published');
    const referrals = kpi(r, 'referrals-received');
    expect(referrals.current).toEqual({ kind: 'suppressed', value: null, display: '*' });
    expect(referrals.breakdown?.rows.every((row) => row.value.kind === 'suppressed')).toBe(true);
    expect(referrals.headline).toBe('Fewer than 8 referrals were received in October 2026.');
    expect(kpi(r, 'median-wait-first-contact').current.kind).toBe('suppressed');
    expect(kpi(r, 'median-wait-first-contact').headline).not.toMatch(/\d+ days/);
    expect(kpi(r, 'urgent-referrals').current.kind).toBe('suppressed');
    expect(referrals.change).toBeNull();
    expect(kpi(r, 'inappropriate-referrals').rag).toBeNull();
    expect(JSON.stringify(r)).not.toContain('Reportchild');
  });

  it('rolls up a new day incrementally to the same figures as the base tables and a full rebuild', async () => {
    now = new Date('2026-11-23T10:10:00Z');
    await addReferral('r5', 'C', { at: '2026-11-23T10:02:00Z', source: 'self' });
    await contact('r3', '2026-11-23T10:05:00Z', 'attended');
    const before = await report('view=operational&period=month&date=2026-11-01');
    expect(kpi(before, 'referrals-received').current.value).toBe(0);
    expect(kpi(before, 'children-seen').current.value).toBe(1);
    expect(kpi(before, 'children-seen-twice').current.value).toBe(0);
    await rollupDay(ctx.database.db, '2026-11-23', { now });
    // The waiting list is a period-end figure, taken apart from the day's rollup (hourly).
    expect(
      kpi(await report('view=operational&period=month&date=2026-11-01'), 'waiting-list').current.value,
    ).toBe(0);
    await takeSnapshots(ctx.database.db, { now });
    const after = await report('view=operational&period=month&date=2026-11-01');
    expect(kpi(after, 'referrals-received').current.value).toBe(1);
    expect(kpi(after, 'children-seen').current.value).toBe(1);
    expect(kpi(after, 'children-seen-twice').current.value).toBe(1);
    expect(kpi(after, 'waiting-list').current.value).toBe(1);
    // The quarter: A (10 and 17 October) and C (2 and 23 November) were both seen twice, both 11 to 15.
    const query = ReportQuery.parse({ view: 'operational', period: 'month', date: '2026-11-01' });
    expect(after.kpis).toEqual(await reportFromBaseTables(ctx.database.db, query, { now }));
    const quarter = await report('view=operational&period=quarter&date=2026-11-01&by=age-band');
    await rebuildRollups(ctx.database.db, { now });
    const rebuilt = await report('view=operational&period=quarter&date=2026-11-01&by=age-band');
    expect(rebuilt.kpis).toEqual(quarter.kpis);
    expect(
      kpi(rebuilt, 'children-seen-twice').breakdown?.rows.map((row) => [row.key, row.value.value]),
    ).toEqual([['11-15', 2]]);
  });

  it('schedules a full rebuild once a day across processes, and today on every run', async () => {
    const at = (iso: string) => new Date(iso);
    const fullRuns = async () =>
      Number(
        (
          await queryRows<{ n: number }>(
            ctx.database.db,
            sql`select count(*)::int as n from report_runs where kind = 'full'`,
          )
        )[0]?.n,
      );
    const before = await fullRuns();
    // The set-up rebuilt today already, so a process starting now only rolls up today and takes the
    // period-end figures it has none of.
    const state = { day: null, snapshotAt: null };
    expect(await runRollupJob(ctx.database.db, at('2026-11-23T10:20:00Z'), state)).toEqual({
      full: false,
      days: ['2026-11-23'],
      snapshot: true,
    });
    expect(await runRollupJob(ctx.database.db, at('2026-11-23T10:25:00Z'), state)).toEqual({
      full: false,
      days: ['2026-11-23'],
      snapshot: false,
    });
    expect(await runRollupJob(ctx.database.db, at('2026-11-23T11:25:00Z'), state)).toEqual({
      full: false,
      days: ['2026-11-23'],
      snapshot: true,
    });
    expect(await fullRuns()).toBe(before);
    // After midnight the first process to run rebuilds; a second starting that day does not.
    expect(await runRollupJob(ctx.database.db, at('2026-11-24T00:05:00Z'), state)).toEqual({
      full: true,
      days: ['2026-11-23', '2026-11-24'],
      snapshot: false,
    });
    const other = { day: null, snapshotAt: null };
    expect(await runRollupJob(ctx.database.db, at('2026-11-24T00:10:00Z'), other)).toEqual({
      full: false,
      days: ['2026-11-24'],
      snapshot: true,
    });
    expect(await fullRuns()).toBe(before + 1);
    // A rebuild of rollups shaped otherwise (older code) does not count.
    await ctx.database.withOwnerConnection((owner) =>
      owner.execute(sql`update report_runs set shape = 'older' where kind = 'full'`),
    );
    expect(
      (await runRollupJob(ctx.database.db, at('2026-11-24T00:15:00Z'), { day: null, snapshotAt: null })).full,
    ).toBe(true);
    expect(await fullRuns()).toBe(before + 2);
    // Nor does today's rebuild of this shape once older code has rebuilt after it (a rollback).
    await ctx.database.withOwnerConnection((owner) =>
      owner.execute(sql`insert into report_runs (kind, day, started_at, finished_at, rows, shape)
        values ('full', null, '2026-11-24T00:20:00Z', '2026-11-24T00:21:00Z', 0, null)`),
    );
    const afterRollback = await runRollupJob(ctx.database.db, at('2026-11-24T00:25:00Z'), {
      day: null,
      snapshotAt: null,
    });
    expect(afterRollback.full).toBe(true);
    expect(await fullRuns()).toBe(before + 4);
  });

  it('refuses a day in the future or beyond the days kept', async () => {
    await expect(rollupDay(ctx.database.db, '2026-11-30', { now })).rejects.toThrow(/day that has started/);
    await expect(rollupDay(ctx.database.db, '2026-01-01', { now })).rejects.toThrow(/full rebuild/);
  });
});
