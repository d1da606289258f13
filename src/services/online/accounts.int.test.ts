import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordScope, systemScope } from '../../access/scope.js';
import { findAccountWithService } from '../../db/repositories/online-accounts.repository.js';
import { auditLog } from '../../db/schema/audit.js';
import { onlineAccounts } from '../../db/schema/online.js';
import { schools } from '../../db/schema/organisations.js';
import { withScope } from '../../db/scoped.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import { asYoungPerson, ONLINE_COOKIE, youngPersonSession } from '../../test-support/online.js';
import {
  asSession,
  enrolledDemoUser,
  HOUR,
  problemOf,
  type Session,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

// A young person makes an anonymous account, signs out and in again, and reads their own account;
// anyone can see whether the service is open; a duty senior changes its settings.
const signUp = (overrides: Record<string, unknown> = {}) => ({
  username: `sky-${Math.random().toString(36).slice(2, 9)}`,
  password: 'a long enough password',
  age: 15,
  gender: 'girl',
  heardFrom: 'school',
  ...overrides,
});

describe.each(testDatabases)('young people’s online accounts on $name', (factory) => {
  // Monday 9 November 2026, 2pm in London: the demo service is open (midday to 10pm).
  const clock = testClock('2026-11-09T14:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let app: FastifyInstance;
  let dutySenior: Session;

  const post = (
    url: string,
    payload: object,
    extra: { remoteAddress?: string; headers?: Record<string, string> } = {},
  ) =>
    app.inject({
      method: 'POST',
      url,
      payload,
      remoteAddress: extra.remoteAddress ?? '10.20.0.1',
      ...(extra.headers ? { headers: extra.headers } : {}),
    });
  const cookieOf = (response: { cookies: { name: string; value: string }[] }) =>
    response.cookies.find((c) => c.name === ONLINE_COOKIE)?.value ?? '';
  const me = (token: string) => app.inject({ url: '/api/online/me', cookies: { [ONLINE_COOKIE]: token } });

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
    app = ctx.app;
    dutySenior = await signInWithTotp(app, enrolledDemoUser('online-duty-senior'), {
      remoteAddress: '10.20.9.1',
      now: clock.now,
    });
  });
  afterAll(() => ctx?.dispose());

  it('signs a young person up, signs them in, and keeps no username in the audit row', async () => {
    const answers = signUp({ username: 'Quiet_Otter' });
    const response = await post('/api/online/accounts', answers);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.username).toBe('Quiet_Otter');
    const token = cookieOf(response);
    expect(token).not.toBe('');
    const mine = await me(token);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      username: 'Quiet_Otter',
      ageNow: 15,
      isInAgeRange: true,
      ages: { minAge: 11, maxAge: 19 },
      serviceName: 'Lantern Online',
      csrfToken: body.csrfToken,
    });
    const [account] = await withScope(ctx.database.db, systemScope('test reads the account'), (tx) =>
      tx.select().from(onlineAccounts).where(eq(onlineAccounts.usernameKey, 'quiet_otter')),
    );
    expect(account?.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'online-account'), eq(auditLog.entityId, account?.id ?? '')));
    expect(audit.map((row) => row.action)).toEqual(['signed-up']);
    expect(JSON.stringify(audit)).not.toMatch(/otter/i);
  });

  it('refuses a username someone has, whatever its case, naming the field', async () => {
    const response = await post('/api/online/accounts', signUp({ username: 'QUIET_OTTER' }));
    expect(response.statusCode).toBe(409);
    expect(response.json().invalidParams).toEqual([{ name: 'username', reason: expect.any(String) }]);
  });

  it('kindly refuses ages the service is not for, and makes no account', async () => {
    for (const age of [9, 22]) {
      const response = await post('/api/online/accounts', signUp({ username: `age-${age}`, age }));
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().invalidParams[0].name).toBe('age');
      expect(response.json().detail).toMatch(/aged 11 to 19/);
      expect(cookieOf(response)).toBe('');
    }
    const rows = await withScope(ctx.database.db, systemScope('test'), (tx) =>
      tx.select().from(onlineAccounts).where(eq(onlineAccounts.usernameKey, 'age-9')),
    );
    expect(rows).toEqual([]);
  });

  it('names the field for a username like an email, a missing description, or a school not in the area', async () => {
    const email = await post('/api/online/accounts', signUp({ username: 'sky@example.com' }));
    expect(email.statusCode).toBe(400);
    expect(email.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['username']);
    const description = await post('/api/online/accounts', signUp({ gender: 'self-described' }));
    expect(description.json().invalidParams.map((p: { name: string }) => p.name)).toEqual([
      'genderDescription',
    ]);
    const school = await post('/api/online/accounts', signUp({ schoolUrn: 999_999 }));
    expect(school.statusCode).toBe(422);
    expect(school.json().invalidParams[0].name).toBe('schoolUrn');
    const [inArea] = await ctx.database.db.select({ urn: schools.urn }).from(schools).limit(1);
    const withSchool = await post(
      '/api/online/accounts',
      signUp({ schoolUrn: inArea?.urn, heardFrom: 'gp' }),
    );
    expect(withSchool.statusCode, withSchool.body).toBe(200);
  });

  it('replays a retried sign-up with the same Idempotency-Key instead of making a second account', async () => {
    const answers = signUp({ username: 'Retry_Robin' });
    const headers = { 'idempotency-key': 'sign-up-retry-0001' };
    const first = await post('/api/online/accounts', answers, { headers });
    const second = await post('/api/online/accounts', answers, { headers });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const rows = await withScope(ctx.database.db, systemScope('test'), (tx) =>
      tx.select().from(onlineAccounts).where(eq(onlineAccounts.usernameKey, 'retry_robin')),
    );
    expect(rows).toHaveLength(1);
  });

  it('signs out (with the CSRF token only), and back in with the right password', async () => {
    const signedUp = await post('/api/online/accounts', signUp({ username: 'Brave_Badger' }));
    const token = cookieOf(signedUp);
    const { csrfToken } = signedUp.json();
    const forged = await app.inject({
      method: 'DELETE',
      url: '/api/online/session',
      cookies: { [ONLINE_COOKIE]: token },
    });
    expect(forged.statusCode).toBe(403);
    expect((await me(token)).statusCode).toBe(200);
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/online/session',
      cookies: { [ONLINE_COOKIE]: token },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode, out.body).toBe(200);
    expect((await me(token)).statusCode).toBe(401);

    const remoteAddress = '10.20.1.1';
    const wrong = await post(
      '/api/online/session',
      { username: 'brave_badger', password: 'not the password' },
      { remoteAddress },
    );
    const unknown = await post(
      '/api/online/session',
      { username: 'nobody_here', password: 'not the password' },
      { remoteAddress },
    );
    expect(wrong.statusCode).toBe(401);
    expect(problemOf(wrong)).toEqual(problemOf(unknown));
    const back = await post(
      '/api/online/session',
      { username: 'brave_badger', password: 'a long enough password' },
      { remoteAddress },
    );
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().username).toBe('Brave_Badger');
    expect((await me(cookieOf(back))).json().username).toBe('Brave_Badger');
  });

  it('makes a username wait after repeated wrong passwords, even for the right one', async () => {
    await post('/api/online/accounts', signUp({ username: 'Patient_Pika' }));
    const attempt = (password: string, i: number) =>
      post('/api/online/session', { username: 'Patient_Pika', password }, { remoteAddress: `10.20.2.${i}` });
    for (let i = 0; i < 5; i += 1) expect((await attempt('wrong password!', i)).statusCode).toBe(401);
    const locked = await attempt('a long enough password', 9);
    expect(locked.statusCode).toBe(429);
  });

  it('limits sign-ups from one address', async () => {
    let last = 0;
    for (let i = 0; i < 31; i += 1) {
      last = (await post('/api/online/accounts', { username: 'x' }, { remoteAddress: '10.20.3.1' }))
        .statusCode;
    }
    expect(last).toBe(429);
  });

  it('lets a young person reach only their own account', async () => {
    const one = await youngPersonSession(ctx.database.db, { now: clock.now() });
    const other = await youngPersonSession(ctx.database.db, { now: clock.now() });
    const actor = {
      kind: 'young-person' as const,
      accountId: one.accountId,
      serviceId: '',
      organisationId: '',
      sessionTokenHash: '',
      isSignedIn: true as const,
    };
    const [own, others] = await withScope(ctx.database.db, recordScope(actor), async (tx) => [
      await findAccountWithService(tx, one.accountId),
      await findAccountWithService(tx, other.accountId),
    ]);
    expect(own?.id).toBe(one.accountId);
    expect(others).toBeNull();
    const staffOnly = await app.inject({ url: '/api/online/settings', ...asYoungPerson(one) });
    expect(staffOnly.statusCode).toBe(403);
    const staffMe = await app.inject({ url: '/api/online/me', ...asSession(dutySenior) });
    expect(staffMe.statusCode).toBe(403);
    expect((await app.inject({ url: '/api/online/me' })).statusCode).toBe(401);
  });

  it('lets the duty senior change the settings with If-Match, refusing a stale version', async () => {
    const read = await app.inject({ url: '/api/online/settings', ...asSession(dutySenior) });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    const settings = read.json();
    expect(settings.hours).toEqual(['Monday to Friday: midday to 10pm', 'Saturday to Sunday: 6pm to 10pm']);
    const { serviceName: _n, hours: _h, version: _v, ...input } = settings;
    const changed = { ...input, minAge: 12 };
    const put = (ifMatch: string) =>
      app.inject({
        method: 'PUT',
        url: '/api/online/settings',
        payload: changed,
        ...asSession(dutySenior, { headers: { 'if-match': ifMatch } }),
      });
    const saved = await put('"1"');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    expect(saved.json().minAge).toBe(12);
    expect((await put('"1"')).statusCode).toBe(412);
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entity, 'online-service'));
    expect(audit.map((row) => row.action)).toEqual(['settings-changed']);
    // The new youngest age applies to sign-up at once.
    const eleven = await post('/api/online/accounts', signUp({ age: 11 }));
    expect(eleven.statusCode).toBe(422);
    expect(eleven.json().detail).toMatch(/aged 12 to 19/);
  });

  it('says whether the service is open, and when it opens when it is not', async () => {
    const open = await app.inject({ url: '/api/online/status' });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toMatchObject({
      serviceName: 'Lantern Online',
      isOpen: true,
      sentence: "We're open now until 10pm.",
      closesAt: '2026-11-09T22:00:00.000Z',
      opensAt: null,
      hours: ['Monday to Friday: midday to 10pm', 'Saturday to Sunday: 6pm to 10pm'],
    });
    expect(open.json().crisisContacts.map((c: { name: string }) => c.name)).toContain('Childline');
    clock.advance(9 * HOUR);
    const closed = (await app.inject({ url: '/api/online/status' })).json();
    expect(closed).toMatchObject({
      isOpen: false,
      sentence: "We're closed. We open tomorrow at midday.",
      opensAt: '2026-11-10T12:00:00.000Z',
    });
  });
});
