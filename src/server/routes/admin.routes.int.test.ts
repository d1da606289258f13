import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accessLog, auditLog } from '../../db/schema/audit.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  demoIdentity,
  demoUserOfRole,
  enrolledDemoUser,
  MINUTE,
  readSession,
  type Session,
  signIn,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

const admin = enrolledDemoUser('system-administrator');
const emhp = enrolledDemoUser('emhp');
const privacyOfficer = enrolledDemoUser('privacy-officer');

interface ListedUser {
  id: string;
  email: string;
  roles: { grantId: string; role: string }[];
  version: number;
  isActive: boolean;
  hasSecondFactor: boolean;
}

describe.each(testDatabases)('staff administration on $name', (factory) => {
  const clock = testClock('2026-11-24T09:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
  });
  afterAll(() => ctx?.dispose());
  // A TOTP code works once per 30-second step, and every test signs the administrator in afresh.
  beforeEach(() => clock.advance(MINUTE));

  const asAdmin = (remoteAddress: string) =>
    signInWithTotp(ctx.app, admin, { remoteAddress, now: clock.now });
  const listUsers = async (session: Session): Promise<ListedUser[]> => {
    const response = await ctx.app.inject({ url: '/api/admin/users', ...asSession(session) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().users;
  };
  const listed = async (session: Session, userId: string) => {
    const user = (await listUsers(session)).find((candidate) => candidate.id === userId);
    if (!user) throw new Error(`user ${userId} not listed`);
    return user;
  };
  const change = (session: Session, url: string, ifMatch?: string) =>
    ctx.app.inject({
      method: 'POST',
      url,
      ...asSession(session, { headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } }),
    });
  const lastAccessLogId = async () => {
    const rows = await ctx.database.db.select({ id: accessLog.id }).from(accessLog);
    return Math.max(0, ...rows.map((row) => row.id));
  };

  it('answers 401 to someone not signed in', async () => {
    const response = await ctx.app.inject('/api/admin/users');
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers 403 to an EMHP and writes exactly one denied access-log row', async () => {
    const session = await signInWithTotp(ctx.app, emhp, { remoteAddress: '10.2.2.1', now: clock.now });
    const before = await lastAccessLogId();
    const response = await ctx.app.inject({ url: '/api/admin/users', ...asSession(session) });
    expect(response.statusCode).toBe(403);
    const rows = await ctx.database.db.select().from(accessLog).where(gt(accessLog.id, before));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: 'denied',
      action: 'user:read',
      userId: emhp.id,
      roles: ['emhp'],
    });
  });

  it('lists every demo member of staff, with roles and versions, to the system administrator', async () => {
    const users = await listUsers(await asAdmin('10.2.3.1'));
    expect(users.map((user) => user.id).sort()).toEqual(demoIdentity.users.map((user) => user.id).sort());
    const listedAdmin = users.find((user) => user.id === admin.id);
    expect(listedAdmin).toMatchObject({
      email: admin.email,
      roles: [{ grantId: expect.any(String), role: 'system-administrator' }],
      isActive: true,
      hasSecondFactor: true,
      version: 1,
    });
  });

  it('deactivates only with the current version in If-Match, and audits the change', async () => {
    const session = await asAdmin('10.2.4.1');
    const target = demoUserOfRole('camhs-clinician', 1);
    const { version } = await listed(session, target.id);
    const url = `/api/admin/users/${target.id}/deactivate`;
    const missing = await change(session, url);
    expect(missing.statusCode).toBe(428);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    const done = await change(session, url, `"${version}"`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ id: target.id, isActive: false, version: version + 1 });
    expect(done.headers.etag).toBe(`"${version + 1}"`);
    const stale = await change(session, `/api/admin/users/${target.id}/reactivate`, `"${version}"`);
    expect(stale.statusCode).toBe(412);
    expect(await listed(session, target.id)).toMatchObject({ isActive: false, version: version + 1 });
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, target.id), eq(auditLog.entity, 'user')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'deactivated',
      userId: admin.id,
      before: { isActive: true, version },
      after: { isActive: false, version: version + 1 },
    });
  });

  it('resets a second factor: sessions end and the next sign-in must enrol again', async () => {
    const target = enrolledDemoUser('camhs-clinician');
    const targetSession = await signInWithTotp(ctx.app, target, {
      remoteAddress: '10.2.5.1',
      now: clock.now,
    });
    const session = await asAdmin('10.2.5.2');
    const { version, hasSecondFactor } = await listed(session, target.id);
    expect(hasSecondFactor).toBe(true);
    const reset = await change(session, `/api/admin/users/${target.id}/reset-second-factor`, `"${version}"`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.headers.etag).toBe(`"${version + 1}"`);
    expect((await listed(session, target.id)).hasSecondFactor).toBe(false);
    expect((await readSession(ctx.app, targetSession.token)).statusCode).toBe(401);
    const again = await signIn(ctx.app, target.email, { remoteAddress: '10.2.5.3' });
    expect(again.state).toBe('second-factor-enrolment-required');
  });

  it('removes a role so that it is gone from the person’s very next request', async () => {
    const target = demoUserOfRole('school-staff-referrer', 4);
    const targetSession = await signIn(ctx.app, target.email, { remoteAddress: '10.2.6.1' });
    const rolesOf = async () =>
      (await readSession(ctx.app, targetSession.token)).json().roles.map((r: { role: string }) => r.role);
    expect(await rolesOf()).toEqual(['school-staff-referrer']);
    const session = await asAdmin('10.2.6.2');
    const url = `/api/admin/users/${target.id}/roles/${target.grantId}`;
    const revoked = await ctx.app.inject({ method: 'DELETE', url, ...asSession(session) });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await rolesOf()).toEqual([]);
    expect((await listed(session, target.id)).roles).toEqual([]);
    const twice = await ctx.app.inject({ method: 'DELETE', url, ...asSession(session) });
    expect(twice.statusCode).toBe(404);
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, target.id), eq(auditLog.action, 'role-revoked')));
    expect(audit?.before).toMatchObject({ role: 'school-staff-referrer' });
  });

  describe('the access-log viewer', () => {
    const search = (session: Session, query: string) =>
      ctx.app.inject({ url: `/api/admin/access-log?${query}`, ...asSession(session) });
    const idsOf = (response: Awaited<ReturnType<typeof search>>): number[] =>
      response.json().rows.map((row: { id: number }) => row.id);

    it('lets the privacy officer read the log oldest or newest first, and for one person', async () => {
      const emhpSession = await signInWithTotp(ctx.app, emhp, { remoteAddress: '10.2.7.1', now: clock.now });
      await ctx.app.inject({ url: '/api/admin/users', ...asSession(emhpSession) });
      const session = await signInWithTotp(ctx.app, privacyOfficer, {
        remoteAddress: '10.2.7.2',
        now: clock.now,
      });
      const oldest = await search(session, 'sort=occurredAt');
      expect(oldest.statusCode, oldest.body).toBe(200);
      expect(oldest.headers['cache-control']).toBe('no-store');
      const ascending = idsOf(oldest);
      expect(ascending.length).toBeGreaterThan(1);
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
      const descending = idsOf(await search(session, 'sort=-occurredAt'));
      expect(descending).toEqual([...descending].sort((a, b) => b - a));
      expect(descending[0]).toBeGreaterThan(ascending.at(-1) ?? 0);
      const byEmhp = (await search(session, `userId=${emhp.id}`)).json().rows;
      expect(byEmhp.length).toBeGreaterThanOrEqual(2);
      expect(byEmhp.every((row: { userId: string }) => row.userId === emhp.id)).toBe(true);
      expect(byEmhp).toContainEqual(expect.objectContaining({ action: 'user:read', outcome: 'denied' }));
    });

    it('refuses any other sort with a 400 naming sort', async () => {
      const session = await signInWithTotp(ctx.app, privacyOfficer, {
        remoteAddress: '10.2.8.1',
        now: clock.now,
      });
      for (const sort of ['email', 'id', encodeURIComponent('id;drop table access_log')]) {
        const response = await search(session, `sort=${sort}`);
        expect(response.statusCode, sort).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['sort']);
        expect(response.json().detail).toMatch(/sort/);
      }
      expect((await search(session, 'sort=occurredAt')).statusCode).toBe(200);
    });

    it('logs every reading of the log, and refuses an EMHP', async () => {
      const session = await signInWithTotp(ctx.app, privacyOfficer, {
        remoteAddress: '10.2.9.1',
        now: clock.now,
      });
      const before = await lastAccessLogId();
      expect((await search(session, 'sort=-occurredAt')).statusCode).toBe(200);
      const written = await ctx.database.db.select().from(accessLog).where(gt(accessLog.id, before));
      expect(written).toHaveLength(1);
      expect(written[0]).toMatchObject({
        userId: privacyOfficer.id,
        action: 'access-log:search',
        outcome: 'allowed',
        subjectKind: 'access-log',
      });
      const emhpSession = await signInWithTotp(ctx.app, emhp, { remoteAddress: '10.2.9.2', now: clock.now });
      const refused = await search(emhpSession, 'sort=-occurredAt');
      expect(refused.statusCode).toBe(403);
      const denial = await ctx.database.db
        .select()
        .from(accessLog)
        .where(gt(accessLog.id, written[0]?.id ?? before));
      expect(denial).toEqual([
        expect.objectContaining({ userId: emhp.id, action: 'access-log:read', outcome: 'denied' }),
      ]);
    });
  });
});
