import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../access/roles.js';
import { systemScope } from '../../access/scope.js';
import { queryRows } from '../../db/client.js';
import { accessLog } from '../../db/schema/audit.js';
import { onlineAccounts } from '../../db/schema/online.js';
import { withScope } from '../../db/scoped.js';
import { DEMO_YOUNG_PERSON_USERNAME } from '../../demo/demo-online.js';
import { demoEmailFor } from '../../demo/demo-staff.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import { asYoungPerson, youngPersonSession } from '../../test-support/online.js';
import {
  asSession,
  demoUser,
  type Session,
  signIn,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

// Usage figures on the demo area (six months of online support before 23 November 2026): they agree
// with plain counts of the rows, reach commissioners as aggregates, and never name a young person.
describe.each(testDatabases)('online support usage figures on $name', (factory) => {
  const clock = testClock('2026-11-23T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  const sessions = new Map<StaffRole, Session>();
  const period = '?from=2026-08-01&to=2026-10-31';
  // London days from 1 August to 31 October 2026: BST until 25 October, GMT after.
  const since = '2026-07-31T23:00:00Z';
  const until = '2026-11-01T00:00:00Z';

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now, withDemoReferrals: true });
    const roles: StaffRole[] = ['online-duty-senior', 'commissioner', 'service-manager', 'online-counsellor'];
    for (const [i, role] of roles.entries()) {
      const user = demoUser(demoEmailFor(role));
      const remoteAddress = `10.9.0.${i + 1}`;
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
  }, 300_000);
  afterAll(() => ctx?.dispose());

  const get = (role: StaffRole, url: string) =>
    ctx.app.inject({ method: 'GET', url, ...asSession(sessions.get(role) as Session) });
  const count = async (query: ReturnType<typeof sql>) =>
    withScope(ctx.database.db, systemScope('test'), async (tx) => {
      const [row] = await queryRows<{ n: number }>(tx, query);
      return Number(row?.n ?? 0);
    });

  it('gives the duty senior figures that agree with plain counts of the rows', async () => {
    const response = await get('online-duty-senior', `/api/online/usage${period}`);
    expect(response.statusCode, response.body).toBe(200);
    const figures = response.json();
    const inPeriod = sql`queued_at >= ${since}::timestamptz and queued_at < ${until}::timestamptz`;
    const seen = sql`select count(*) as n from online_chats where taken_at is not null and ${inPeriod}`;
    expect(figures.chats.total).toBe(await count(seen));
    expect(figures.chats.total).toBeGreaterThan(500);
    expect(figures.chats.booked).toBe(
      await count(
        sql`select count(*) as n from online_chats where kind = 'booked' and taken_at is not null and ${inPeriod}`,
      ),
    );
    expect(figures.chats.leftQueue).toBe(
      await count(sql`select count(*) as n from online_chats where status = 'left-queue' and ${inPeriod}`),
    );
    expect(figures.youngPeople).toBe(
      await count(sql`select count(*) as n from (
        select account_id from online_chats where taken_at is not null and ${inPeriod}
        union select account_id from online_messages where direction = 'from-young-person'
          and sent_at >= ${since}::timestamptz and sent_at < ${until}::timestamptz) used`),
    );
    expect(figures.escalations.count).toBe(
      await count(sql`select count(*) as n from online_escalations
        where raised_at >= ${since}::timestamptz and raised_at < ${until}::timestamptz`),
    );
    const assessed = figures.riskLevels.reduce((sum: number, r: { count: number }) => sum + r.count, 0);
    expect(assessed).toBe(
      await count(sql`select count(*) as n from online_chats where status = 'ended' and ${inPeriod}`),
    );
    const evenings =
      await count(sql`select count(*) as n from online_chats where taken_at is not null and ${inPeriod}
      and (extract(isodow from queued_at at time zone 'Europe/London') >= 6
        or (queued_at at time zone 'Europe/London')::time < '09:00' or (queued_at at time zone 'Europe/London')::time >= '17:00')`);
    expect(figures.eveningsAndWeekends.count).toBe(evenings);
    expect(figures.eveningsAndWeekends.percent).toBeGreaterThanOrEqual(55);
    expect(figures.eveningsAndWeekends.percent).toBeLessThanOrEqual(75);
    expect(figures.byHour.reduce((sum: number, h: { count: number }) => sum + h.count, 0)).toBe(
      figures.chats.total,
    );
    expect(figures.waits.medianMinutes).toBeGreaterThanOrEqual(15);
    expect(figures.waits.medianMinutes).toBeLessThanOrEqual(figures.waits.p90Minutes);
    for (const mix of [figures.gender, figures.age, figures.newAndReturning]) {
      expect(mix.reduce((sum: number, s: { percent: number }) => sum + s.percent, 0)).toBe(100);
    }
    expect(figures.headline).toMatch(
      /^\d+ young people used the online service from 1 August 2026 to 31 October 2026; \d+% were girls; \d+% of use was on evenings and weekends\.$/,
    );
  });

  it('gives commissioners and service managers the same aggregates, and logs the read', async () => {
    const duty = (await get('online-duty-senior', `/api/online/usage${period}`)).json();
    for (const role of ['commissioner', 'service-manager'] as const) {
      const response = await get(role, `/api/online/usage${period}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual(duty);
    }
    const commissioner = demoUser(demoEmailFor('commissioner'));
    const rows = await ctx.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.userId, commissioner.id), eq(accessLog.subjectKind, 'online-usage')));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toMatchObject({ basis: 'aggregates', outcome: 'allowed', subjectId: null });
  });

  it('holds no usernames or ids of accounts', async () => {
    const body = (await get('commissioner', `/api/online/usage${period}`)).body;
    const accounts = await withScope(ctx.database.db, systemScope('test'), (tx) =>
      tx.select({ id: onlineAccounts.id, username: onlineAccounts.username }).from(onlineAccounts),
    );
    expect(accounts.map((a) => a.username)).toContain(DEMO_YOUNG_PERSON_USERNAME);
    for (const account of accounts) {
      expect(body).not.toContain(account.id);
      expect(body).not.toContain(`"${account.username}"`);
    }
    expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  });

  it('refuses a counsellor with 403 and a young person too', async () => {
    expect((await get('online-counsellor', '/api/online/usage')).statusCode).toBe(403);
    const young = await youngPersonSession(ctx.database.db, { now: clock.now() });
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/online/usage',
      ...asYoungPerson(young),
    });
    expect(response.statusCode).toBe(403);
  });

  it('shows this month by default and refuses a period that ends before it starts', async () => {
    const month = (await get('online-duty-senior', '/api/online/usage')).json();
    expect([month.from, month.to, month.period]).toEqual(['2026-11-01', '2026-11-30', 'this month']);
    expect(month.headline).toContain('this month');
    const bad = await get('online-duty-senior', '/api/online/usage?from=2026-10-02&to=2026-10-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams).toEqual([{ name: 'from', reason: 'must be on or before to' }]);
  });
});
