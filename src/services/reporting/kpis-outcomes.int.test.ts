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
import { asSession, demoUser, type Session, signIn, signInWithTotp } from '../../test-support/session.js';
import { reportFromBaseTables } from './base-figures.js';
import { rebuildRollups, rollupDay } from './rollup.js';

// The online 90th-percentile wait, outcomes and school staff confidence, worked out by hand
// (the demo area's places and staff, no demo referrals). October 2026:
// - Online: 10 drop-in chats taken after 1, 2, ... 10 minutes: the 90th percentile (nearest rank,
//   the 9th of 10) is 9 minutes, the median 5.5.
// - Episodes closed in October: e1 (2 contacts, PHQ-9 self 15 → 8: improved by 7, reliable change
//   6), e2 (2 contacts, PHQ-9 self 10 → 3 improved but GAD-7 self 5 → 10 deteriorated by 5, reliable
//   change 4: deteriorated overall), e3 (1 contact only, PHQ-9 twice: not paired), e4 (3 contacts,
//   PHQ-9 and GAD-7 once each: not paired), e5 (2 contacts, PHQ-9 self 12 → 10, no reliable change;
//   a PHQ-9 of 2 after it closed is left out). One more episode is still open. So 5 closed, 3 paired
//   (60%), 1 improved and 1 deteriorated (33% each).
// - Schools: S1 surveyed in August (8 answers, every statement 3) and October (8 answers, every
//   statement 4): +1.0; a later October survey with 3 answers has no results. S2 surveyed in August
//   (8 answers, every statement 2) and October (4 answers of 2 and 4 of 3: 2.5): +0.5. S3 only once.
//   So October's mean change is +0.75, shown as 0.8 points higher; 2 schools, withheld when published.
describe.each(testDatabases)('outcomes, online 90th percentile and school confidence on $name', (factory) => {
  let now = new Date('2026-11-23T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let session: Session;
  let commissioner: Session;
  const ids: Record<string, string> = {};

  const system = <T>(work: (tx: LanternDb) => Promise<T>) =>
    withScope(ctx.database.db, systemScope('test data'), work);

  async function episode(
    key: string,
    e: {
      receivedAt?: string;
      contacts: string[];
      closedAt: string | null;
      measures: [string, string, number, string][];
    },
  ) {
    await system(async (tx) => {
      const [r] = await queryRows<{ id: string }>(
        tx,
        sql`insert into referrals (reference, child_id, received_at, source, is_urgent, organisation_id, team_id)
            values (${`LV-OUT-${key}`}, ${ids.child}::uuid, ${e.receivedAt ?? '2026-08-01T09:00:00Z'}::timestamptz, 'gp', false,
              ${ids.organisation}::uuid, ${ids.team}::uuid) returning id`,
      );
      const referral = r?.id as string;
      for (const at of e.contacts) {
        await tx.execute(sql`insert into care_contacts (referral_id, practitioner_user_id, starts_at, attend_status, recorded_at, recorded_by)
          values (${referral}::uuid, ${ids.user}::uuid, ${at}::timestamptz, 'attended', ${at}::timestamptz, ${ids.user}::uuid)`);
      }
      await tx.execute(sql`insert into episodes (referral_id, opened_at, opened_by, status, closed_at, closed_by)
        values (${referral}::uuid, '2026-08-02T09:00:00Z'::timestamptz, ${ids.user}::uuid,
          ${e.closedAt ? 'discharged' : 'open'}, ${e.closedAt}::timestamptz, ${e.closedAt ? ids.user : null}::uuid)`);
      for (const [instrument, respondent, total, at] of e.measures) {
        await tx.execute(sql`insert into measure_responses (referral_id, instrument_id, instrument_version, respondent, answers, total, completed_at, via)
          values (${referral}::uuid, ${instrument}, '1', ${respondent}, '{}'::jsonb, ${total}, ${at}::timestamptz, 'in-session')`);
      }
    });
  }

  async function survey(school: string, closesAt: string, ratings: number[]) {
    await system(async (tx) => {
      const [s] = await queryRows<{ id: string }>(
        tx,
        sql`insert into confidence_surveys (school_urn, phase, opens_at, closes_at, link_hash, created_at, created_by)
            values (${Number(ids[school])}, 'after', (${closesAt}::timestamptz - interval '14 days'), ${closesAt}::timestamptz,
              ${`hash-${school}-${closesAt}`}, '2026-01-01T00:00:00Z'::timestamptz, ${ids.user}::uuid) returning id`,
      );
      for (const rating of ratings) {
        const answers = Object.fromEntries(
          ['spot-signs', 'talk-to-pupil', 'know-where-to-go', 'whole-school', 'own-wellbeing'].map((id) => [
            id,
            rating,
          ]),
        );
        await tx.execute(sql`insert into confidence_survey_responses (survey_id, answers, submitted_on)
          values (${s?.id}::uuid, ${JSON.stringify(answers)}::jsonb, (${closesAt}::timestamptz - interval '2 days')::date)`);
      }
    });
  }

  async function chat(queuedAt: string, minutes: number) {
    await system((tx) =>
      tx.execute(sql`insert into online_chats (service_id, account_id, kind, status, queued_at, taken_at)
        values (${ids.service}::uuid, ${ids.account}::uuid, 'drop-in', 'ended', ${queuedAt}::timestamptz,
          (${queuedAt}::timestamptz + make_interval(mins => ${minutes})))`),
    );
  }

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: () => now });
    const [place] = await system((tx) =>
      queryRows<Record<string, string>>(
        tx,
        sql`select (select id from organisations where kind = 'nhs-trust' order by code limit 1) as organisation,
              (select team_id from team_schools order by school_urn limit 1) as team,
              (select school_urn::text from team_schools order by school_urn limit 1) as "S1",
              (select school_urn::text from team_schools order by school_urn offset 1 limit 1) as "S2",
              (select school_urn::text from team_schools order by school_urn offset 2 limit 1) as "S3",
              (select id from users order by email limit 1) as user,
              (select id from online_services order by name limit 1) as service`,
      ),
    );
    Object.assign(ids, place);
    await system(async (tx) => {
      const [child] = await queryRows<{ id: string }>(
        tx,
        sql`insert into children (given_name, family_name, date_of_birth, gender, is_fictional)
            values ('TestO', 'Outcomechild', '2012-05-01'::date, 'female', true) returning id`,
      );
      ids.child = child?.id as string;
      const [account] = await queryRows<{ id: string }>(
        tx,
        sql`insert into online_accounts (service_id, organisation_id, username, username_key, password_hash, age_at_sign_up, gender, heard_from, signed_up_at)
            select id, organisation_id, 'ReportSky', 'reportsky', 'x', 14, 'girl', 'school', '2026-09-01T09:00:00Z'::timestamptz
            from online_services where id = ${ids.service}::uuid returning id`,
      );
      ids.account = account?.id as string;
    });
    for (let m = 1; m <= 10; m += 1) await chat(`2026-10-${String(m + 10).padStart(2, '0')}T12:00:00Z`, m);
    const twice = ['2026-09-01T09:00:00Z', '2026-09-08T09:00:00Z'];
    await episode('e1', {
      contacts: twice,
      closedAt: '2026-10-20T12:00:00Z',
      measures: [
        ['phq-9', 'self', 15, '2026-09-01T09:30:00Z'],
        ['phq-9', 'self', 8, '2026-10-19T09:30:00Z'],
      ],
    });
    await episode('e2', {
      contacts: twice,
      closedAt: '2026-10-21T12:00:00Z',
      measures: [
        ['phq-9', 'self', 10, '2026-09-01T09:30:00Z'],
        ['phq-9', 'self', 3, '2026-10-19T09:30:00Z'],
        ['gad-7', 'self', 5, '2026-09-01T09:30:00Z'],
        ['gad-7', 'self', 10, '2026-10-19T09:30:00Z'],
      ],
    });
    await episode('e3', {
      contacts: ['2026-09-01T09:00:00Z'],
      closedAt: '2026-10-22T12:00:00Z',
      measures: [
        ['phq-9', 'self', 20, '2026-09-01T09:30:00Z'],
        ['phq-9', 'self', 5, '2026-10-19T09:30:00Z'],
      ],
    });
    await episode('e4', {
      contacts: [...twice, '2026-09-15T09:00:00Z'],
      closedAt: '2026-10-23T12:00:00Z',
      measures: [
        ['phq-9', 'self', 20, '2026-09-01T09:30:00Z'],
        ['gad-7', 'self', 5, '2026-10-19T09:30:00Z'],
      ],
    });
    await episode('e5', {
      contacts: twice,
      closedAt: '2026-10-24T12:00:00Z',
      measures: [
        ['phq-9', 'self', 12, '2026-09-01T09:30:00Z'],
        ['phq-9', 'self', 10, '2026-10-19T09:30:00Z'],
        ['phq-9', 'self', 2, '2026-11-01T09:30:00Z'],
      ],
    });
    await episode('open', {
      contacts: twice,
      closedAt: null,
      measures: [
        ['phq-9', 'self', 15, '2026-09-01T09:30:00Z'],
        ['phq-9', 'self', 2, '2026-10-19T09:30:00Z'],
      ],
    });
    const eight = (rating: number) => Array.from({ length: 8 }, () => rating);
    await survey('S1', '2026-08-20T23:00:00Z', eight(3));
    await survey('S1', '2026-10-14T23:00:00Z', eight(4));
    await survey('S1', '2026-10-28T00:00:00Z', [1, 1, 1]);
    await survey('S2', '2026-08-20T23:00:00Z', eight(2));
    await survey('S2', '2026-10-20T23:00:00Z', [2, 2, 2, 2, 3, 3, 3, 3]);
    await survey('S3', '2026-10-20T23:00:00Z', eight(5));
    await rebuildRollups(ctx.database.db, { now });
    const login = async (role: StaffRole, address: string) => {
      const user = demoUser(demoEmailFor(role));
      return signInWithTotp(
        ctx.app,
        { email: user.email, totpSecret: user.totpSecret as string },
        { remoteAddress: address, now: () => now },
      );
    };
    session = await login('service-manager', '10.7.1.1');
    commissioner = await login('commissioner', '10.7.1.2').catch(() =>
      signIn(ctx.app, demoEmailFor('commissioner'), { remoteAddress: '10.7.1.2' }),
    );
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
  const october = 'view=operational&period=month&date=2026-10-01';

  it('works out the online 90th-percentile wait from the histogram', async () => {
    const r = await report(october);
    expect(kpi(r, 'online-p90-wait').current).toEqual({ kind: 'minutes', value: 9, display: '9 minutes' });
    expect(kpi(r, 'online-median-wait').current.value).toBe(5.5);
    expect(kpi(r, 'online-p90-wait').headline).toBe(
      '9 in 10 drop-in chats in October 2026 were taken within 9 minutes.',
    );
  });

  it('counts paired scores, reliable improvement and deterioration for episodes closed in October', async () => {
    const r = await report(october);
    expect(kpi(r, 'outcomes-paired').current).toEqual({ kind: 'percentage', value: 60, display: '60%' });
    expect(kpi(r, 'outcomes-improved').current.value).toBe(33);
    expect(kpi(r, 'outcomes-deteriorated').current.value).toBe(33);
    expect(kpi(r, 'outcomes-paired').area).toBe('outcomes');
    // Nothing closed in September.
    expect(kpi(r, 'outcomes-paired').previous.kind).toBe('none');
    const byAge = await report(`${october}&by=age-band`);
    expect(kpi(byAge, 'outcomes-paired').breakdown?.rows.map((row) => [row.key, row.value.value])).toEqual([
      ['11-15', 60],
    ]);
  });

  it('works out the mean change in school staff confidence, withheld for fewer than 8 schools', async () => {
    const r = await report(october);
    expect(kpi(r, 'school-confidence-change').current).toEqual({
      kind: 'mean',
      value: 0.8,
      display: '0.8 points higher',
    });
    const bySchool = await report(`${october}&by=school`);
    expect(
      kpi(bySchool, 'school-confidence-change')
        .breakdown?.rows.map((row) => [row.key, row.value.display])
        .sort(),
    ).toEqual([
      [ids.S1, '1 point higher'],
      [ids.S2, '0.5 points higher'],
    ]);
    const published = await report('period=month&date=2026-10-01', commissioner);
    expect(published.view).toBe('published');
    expect(kpi(published, 'school-confidence-change').current.kind).toBe('suppressed');
    expect(kpi(published, 'school-confidence-change').headline).toBe(
      'Change in school staff confidence in October 2026: not shown, because too few schools are involved to publish it safely.',
    );
    expect(kpi(r, 'school-confidence-change').headline).toBe(
      'On average, school staff confidence was 0.8 points higher in schools surveyed again in October 2026 than in their first survey.',
    );
    expect(kpi(published, 'outcomes-paired').current.kind).toBe('suppressed');
    expect(kpi(published, 'online-p90-wait').current).toEqual({
      kind: 'minutes',
      value: 9,
      display: '9 minutes',
    });
  });

  it('rolls up a day’s closures and surveys to the same figures as the base tables and a rebuild', async () => {
    now = new Date('2026-11-23T10:10:00Z');
    // Everything about e6 happened today, so today's rollup is the whole of it.
    await episode('e6', {
      receivedAt: '2026-11-23T07:00:00Z',
      contacts: ['2026-11-23T08:00:00Z', '2026-11-23T09:00:00Z'],
      closedAt: '2026-11-23T10:05:00Z',
      measures: [
        ['gbo', 'self', 2, '2026-11-23T08:30:00Z'],
        ['gbo', 'self', 6, '2026-11-23T09:30:00Z'],
      ],
    });
    // S3's second survey ended yesterday (22 November); its last day is rolled up again.
    await survey(
      'S3',
      '2026-11-23T00:00:00Z',
      Array.from({ length: 8 }, () => 4),
    );
    await chat('2026-11-23T10:00:00Z', 4);
    await rollupDay(ctx.database.db, '2026-11-22', { now });
    await rollupDay(ctx.database.db, '2026-11-23', { now });
    const november = await report('view=operational&period=month&date=2026-11-01');
    expect(kpi(november, 'outcomes-paired').current.value).toBe(100);
    expect(kpi(november, 'outcomes-improved').current.value).toBe(100);
    expect(kpi(november, 'school-confidence-change').current.display).toBe('1 point lower');
    expect(kpi(november, 'online-p90-wait').current.value).toBe(4);
    const query = ReportQuery.parse({ view: 'operational', period: 'month', date: '2026-11-01' });
    expect(november.kpis).toEqual(await reportFromBaseTables(ctx.database.db, query, { now }));
    const quarter = await report('view=operational&period=quarter&date=2026-11-01&by=school');
    await rebuildRollups(ctx.database.db, { now });
    expect((await report('view=operational&period=quarter&date=2026-11-01&by=school')).kpis).toEqual(
      quarter.kpis,
    );
  });
});
