import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.js';
import { users } from '../../db/schema/identity.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  enrolledDemoUser,
  MINUTE,
  readSession,
  signIn,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

const admin = enrolledDemoUser('system-administrator');

describe.each(testDatabases)('adding a member of staff on $name', (factory) => {
  const clock = testClock('2026-11-27T09:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
  });
  afterAll(() => ctx?.dispose());
  beforeEach(() => clock.advance(MINUTE));

  const create = async (payload: object, remoteAddress: string) => {
    const session = await signInWithTotp(ctx.app, admin, { remoteAddress, now: clock.now });
    return ctx.app.inject({ method: 'POST', url: '/api/admin/users', payload, ...asSession(session) });
  };

  it('gives a temporary password that must be replaced before anything else works', async () => {
    const created = await create(
      {
        email: 'Sam.Starter@demo.lantern.example',
        displayName: 'Sam Starter',
        role: 'school-staff-referrer',
      },
      '10.8.1.1',
    );
    expect(created.statusCode, created.body).toBe(200);
    const { id, temporaryPassword } = created.json();
    expect(temporaryPassword).toMatch(/^[a-z2-9]{16}$/);
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'created')));
    expect(audits).toHaveLength(1);

    const half = await signIn(ctx.app, 'sam.starter@demo.lantern.example', {
      remoteAddress: '10.8.1.2',
      password: temporaryPassword,
    });
    expect(half.state).toBe('password-change-required');
    expect(
      (
        await ctx.app.inject({
          url: '/api/referrals/00000000-0000-4000-8000-000000000000',
          ...asSession(half),
        })
      ).statusCode,
    ).toBe(401);

    const choose = (newPassword: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/session/password',
        remoteAddress: '10.8.1.2',
        payload: { newPassword },
        ...asSession(half),
      });
    const short = await choose('short');
    expect(short.statusCode).toBe(400);
    expect(short.json().invalidParams[0].name).toBe('newPassword');
    const same = await choose(temporaryPassword);
    expect(same.statusCode).toBe(400);
    const chosen = await choose('kettle harbour violet lantern');
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().state).toBe('signed-in');
    const token = String(chosen.headers['set-cookie']).match(/lantern_session=([^;]+)/)?.[1] ?? '';
    expect((await readSession(ctx.app, token)).json().state).toBe('signed-in');
    // The temporary password no longer works; the chosen one does.
    await expect(
      signIn(ctx.app, 'sam.starter@demo.lantern.example', {
        remoteAddress: '10.8.1.3',
        password: temporaryPassword,
      }),
    ).rejects.toThrow();
    const again = await signIn(ctx.app, 'sam.starter@demo.lantern.example', {
      remoteAddress: '10.8.1.4',
      password: 'kettle harbour violet lantern',
    });
    expect(again.state).toBe('signed-in');
  });

  it('sends someone whose role needs a second factor on to set up an app after choosing a password', async () => {
    const created = await create(
      { email: 'pat.practitioner@demo.lantern.example', displayName: 'Pat Practitioner', role: 'emhp' },
      '10.8.2.1',
    );
    const half = await signIn(ctx.app, 'pat.practitioner@demo.lantern.example', {
      remoteAddress: '10.8.2.2',
      password: created.json().temporaryPassword,
    });
    const chosen = await ctx.app.inject({
      method: 'POST',
      url: '/api/session/password',
      remoteAddress: '10.8.2.2',
      payload: { newPassword: 'seven orange bicycles' },
      ...asSession(half),
    });
    expect(chosen.json().state).toBe('second-factor-enrolment-required');
  });

  it('never makes a second account for the same email, whatever its case', async () => {
    const payload = {
      email: 'dup.licate@demo.lantern.example',
      displayName: 'Dup Licate',
      role: 'supervisor',
    };
    expect((await create(payload, '10.8.3.1')).statusCode).toBe(200);
    clock.advance(MINUTE); // the administrator signs in again, with a fresh code
    const again = await create({ ...payload, email: 'DUP.licate@demo.lantern.example' }, '10.8.3.2');
    expect(again.statusCode).toBe(409);
    expect(again.json().invalidParams).toEqual([
      { name: 'email', reason: 'is already used by another account' },
    ]);
  });

  it('answers a retried form with the first answer when it carries the same Idempotency-Key', async () => {
    const session = await signInWithTotp(ctx.app, admin, { remoteAddress: '10.8.4.1', now: clock.now });
    const payload = {
      email: 'retry.person@demo.lantern.example',
      displayName: 'Retry Person',
      role: 'supervisor',
    };
    const send = (body: object, key: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/admin/users',
        payload: body,
        ...asSession(session, { headers: { 'idempotency-key': key } }),
      });
    const first = await send(payload, 'retry-key-0001');
    expect(first.statusCode, first.body).toBe(200);
    const retry = await send(payload, 'retry-key-0001');
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const reused = await send({ ...payload, displayName: 'Someone Else' }, 'retry-key-0001');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().invalidParams[0].name).toBe('Idempotency-Key');
    const badKey = await send(payload, 'no spaces allowed');
    expect(badKey.statusCode).toBe(400);
    const created = await ctx.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'retry.person@demo.lantern.example'));
    expect(created).toHaveLength(1);
  });

  it('makes one account when the same keyed request arrives twice at once', async () => {
    const session = await signInWithTotp(ctx.app, admin, { remoteAddress: '10.8.5.1', now: clock.now });
    const payload = {
      email: 'twice.at.once@demo.lantern.example',
      displayName: 'Twice At Once',
      role: 'supervisor',
    };
    const send = () =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/admin/users',
        payload,
        ...asSession(session, { headers: { 'idempotency-key': 'same-moment-0001' } }),
      });
    const answers = await Promise.all([send(), send()]);
    // One makes the account; the other is told the first is still running, or gets its answer.
    expect(answers.map((a) => a.statusCode).sort()).toEqual(expect.arrayContaining([200]));
    for (const answer of answers) expect([200, 409]).toContain(answer.statusCode);
    const created = await ctx.database.db.select().from(users).where(eq(users.email, payload.email));
    expect(created).toHaveLength(1);
  });
});
