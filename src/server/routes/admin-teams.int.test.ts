import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.js';
import { users } from '../../db/schema/identity.js';
import { buildDemoArea } from '../../demo/demo-area.js';
import { createTestApp, TEST_SEED } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  demoUserOfRole,
  enrolledDemoUser,
  MINUTE,
  readSession,
  signIn,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

const area = buildDemoArea({ seed: TEST_SEED, scale: 1 }).organisations;
const admin = enrolledDemoUser('system-administrator');
const teamManager = enrolledDemoUser('mhst-team-manager');
const referrer = demoUserOfRole('school-staff-referrer', 1);
const mhstTeam = area.teams.find((t) => t.name === 'North Vale MHST');

describe.each(testDatabases)('teams and role grants on $name', (factory) => {
  const clock = testClock('2026-11-25T09:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
  });
  afterAll(() => ctx?.dispose());
  beforeEach(() => clock.advance(MINUTE));

  it('lists teams with their service, schools and members to a team manager', async () => {
    const session = await signInWithTotp(ctx.app, teamManager, { remoteAddress: '10.5.1.1', now: clock.now });
    const response = await ctx.app.inject({ url: '/api/admin/teams', ...asSession(session) });
    expect(response.statusCode).toBe(200);
    const north = response.json().teams.find((t: { id: string }) => t.id === mhstTeam?.id);
    expect(north).toMatchObject({
      name: 'North Vale MHST',
      service: 'Mental Health Support Teams in Schools',
      schoolCount: 20,
      memberCount: 9,
    });
    expect(north.baseSchool).toEqual(expect.any(String));
  });

  it('grants a role in a team, once however often the form is sent, and it bites on the next request', async () => {
    const target = await signIn(ctx.app, referrer.email, { remoteAddress: '10.5.2.1' });
    const session = await signInWithTotp(ctx.app, admin, { remoteAddress: '10.5.2.2', now: clock.now });
    const grant = () =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/admin/users/${referrer.id}/roles`,
        payload: { role: 'supervisor', teamId: mhstTeam?.id },
        ...asSession(session),
      });
    const first = await grant();
    expect(first.statusCode, first.body).toBe(200);
    const again = await grant();
    expect(again.json()).toEqual(first.json());
    const roles = (await readSession(ctx.app, target.token)).json().roles;
    expect(roles.map((r: { role: string }) => r.role).sort()).toEqual([
      'school-staff-referrer',
      'supervisor',
    ]);
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, referrer.id), eq(auditLog.action, 'role-granted')));
    expect(audits).toHaveLength(1);
  });

  it('names the field when the role or team is not real', async () => {
    const session = await signInWithTotp(ctx.app, admin, { remoteAddress: '10.5.3.1', now: clock.now });
    const send = (payload: object) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/admin/users/${referrer.id}/roles`,
        payload,
        ...asSession(session),
      });
    const badRole = await send({ role: 'wizard' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().invalidParams[0].name).toBe('role');
    const badTeam = await send({ role: 'emhp', teamId: '00000000-0000-4000-8000-000000000000' });
    expect(badTeam.statusCode).toBe(400);
    expect(badTeam.json().invalidParams).toEqual([{ name: 'teamId', reason: 'is not a team' }]);
  });

  it('refuses an anonymous caller with 401 before reading the body', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/admin/users/${referrer.id}/roles`,
      payload: { role: 'not even valid' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('grants a role once even when the same form arrives twice at the same moment', async () => {
    const session = await signInWithTotp(ctx.app, admin, { remoteAddress: '10.5.4.1', now: clock.now });
    const target = demoUserOfRole('school-staff-referrer', 2);
    const send = () =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/admin/users/${target.id}/roles`,
        payload: { role: 'early-help-worker' },
        ...asSession(session),
      });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().grantId).toBe(b.json().grantId);
  });

  it('refuses a second account whose email differs only in case', async () => {
    const existing = demoUserOfRole('emhp', 1);
    await expect(
      ctx.database.db.insert(users).values({
        email: existing.email.toUpperCase(),
        displayName: 'Copy',
        organisationId: existing.organisationId,
      }),
    ).rejects.toThrow();
  });

  it('lets the administrator check both hash chains from the admin API', async () => {
    const session = await signInWithTotp(ctx.app, admin, { remoteAddress: '10.5.5.1', now: clock.now });
    const response = await ctx.app.inject({ url: '/api/admin/audit-chains', ...asSession(session) });
    expect(response.statusCode).toBe(200);
    const chains = response.json().chains as {
      chain: string;
      rows: number;
      problems: unknown[];
      head: string;
    }[];
    expect(chains.map((c) => c.chain)).toEqual(['access_log', 'audit_log']);
    const auditChain = chains.find((c) => c.chain === 'audit_log');
    expect(auditChain?.rows).toBeGreaterThan(0);
    expect(auditChain?.head).toMatch(/^[0-9a-f]{64}$/);
    expect(chains.every((c) => c.problems.length === 0)).toBe(true);
  });
});
