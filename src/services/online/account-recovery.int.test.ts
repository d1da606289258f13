import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { auditLog } from '../../db/schema/audit.js';
import { onlineAccounts, onlineRecoveryLinks } from '../../db/schema/online.js';
import { outboxMessages } from '../../db/schema/outbox.js';
import { withScope } from '../../db/scoped.js';
import { render, type TemplateName } from '../../domain/notifications/templates.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import { ONLINE_COOKIE } from '../../test-support/online.js';
import { HOUR, MINUTE, testClock } from '../../test-support/session.js';
import { sha256 } from '../identity/credentials.js';

// A young person who forgot their password asks for a link to the recovery email or phone they
// gave at sign-up, and chooses a new password with it. Nothing tells anyone whether an account
// exists, and the message says nothing about what the service is.
const PASSWORD = 'a long enough password';
const NEW_PASSWORD = 'purple-toast-river';
const ASKED = {
  message:
    'If that account has a recovery email or phone number, we have sent a link to it. The link works for 30 minutes.',
};

describe.each(testDatabases)('getting back into an online support account on $name', (factory) => {
  // Monday 9 November 2026, 2pm in London.
  const clock = testClock('2026-11-09T14:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let app: FastifyInstance;
  let address = 0;

  // A fresh address for each request, so the per-address limits never decide a test.
  const post = (url: string, payload: object) =>
    app.inject({
      method: 'POST',
      url,
      payload,
      remoteAddress: `10.30.${Math.floor(address / 200)}.${(address++ % 200) + 1}`,
    });
  const cookieOf = (response: { cookies: { name: string; value: string }[] }) =>
    response.cookies.find((c) => c.name === ONLINE_COOKIE)?.value ?? '';
  const me = (token: string) => app.inject({ url: '/api/online/me', cookies: { [ONLINE_COOKIE]: token } });
  const signIn = (username: string, password: string) => post('/api/online/session', { username, password });
  const ask = (username: string) => post('/api/online/account-recovery', { username });
  const choose = (secret: string, password = NEW_PASSWORD) =>
    post('/api/online/account-recovery/password', { secret, password });

  async function signUp(username: string, recovery: { recoveryEmail?: string; recoveryPhone?: string }) {
    const response = await post('/api/online/accounts', {
      username,
      password: PASSWORD,
      age: 15,
      gender: 'girl',
      heardFrom: 'school',
      ...recovery,
    });
    expect(response.statusCode, response.body).toBe(200);
    return cookieOf(response);
  }

  const messagesTo = (recipient: string) =>
    withScope(ctx.database.db, systemScope('test reads the outbox'), (tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.recipient, recipient)),
    );
  const accountOf = async (username: string) => {
    const [account] = await withScope(ctx.database.db, systemScope('test reads the account'), (tx) =>
      tx.select().from(onlineAccounts).where(eq(onlineAccounts.usernameKey, username.toLowerCase())),
    );
    if (!account) throw new Error('no such account');
    return account;
  };
  /** The secret in the newest message to this address: the part of the link after `#`. */
  async function newestSecret(recipient: string) {
    const messages = await messagesTo(recipient);
    const newest = messages.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    const link = (newest?.personalisation as { link?: string } | undefined)?.link ?? '';
    return link.split('#')[1] ?? '';
  }

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now });
    app = ctx.app;
  });
  afterAll(() => ctx?.dispose());

  it('answers the same whether or not the account exists or has recovery details, and sends one neutral message', async () => {
    await signUp('Hidden_Fox', { recoveryEmail: 'hidden.fox@example.com', recoveryPhone: '07700 900111' });
    await signUp('No_Details', {});
    const answers = await Promise.all([ask('Nobody_At_All'), ask('No_Details'), ask('hidden_fox')]);
    for (const answer of answers) {
      expect(answer.statusCode, answer.body).toBe(202);
      expect(answer.json()).toEqual(ASKED);
    }
    const messages = await messagesTo('hidden.fox@example.com');
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).toMatchObject({ channel: 'email', template: 'online-password-link', referralId: null });
    expect(await messagesTo('07700 900111')).toEqual([]);
    const { subject, body } = render(
      message?.template as TemplateName,
      message?.personalisation as Record<string, string>,
    );
    expect(body).toMatch(/\/online\/new-password#[\w-]{40,}/);
    const words = `${subject} ${body}`;
    expect(words).not.toMatch(/hidden_fox/i);
    expect(words).not.toMatch(/counsel|mental|therap|wellbeing|lantern/i);
    expect(body).toContain('If you did not ask for this, ignore this message.');
  });

  it('sends a text when the account has only a phone number', async () => {
    await signUp('Phone_Only', { recoveryPhone: '07700 900222' });
    expect((await ask('Phone_Only')).json()).toEqual(ASKED);
    const messages = await messagesTo('07700 900222');
    expect(messages.map((m) => m.channel)).toEqual(['sms']);
  });

  it('stores only the secret’s hash, and an audit row with no personal data', async () => {
    const secret = await newestSecret('hidden.fox@example.com');
    const account = await accountOf('Hidden_Fox');
    const rows = await withScope(ctx.database.db, systemScope('test reads links'), (tx) =>
      tx.select().from(onlineRecoveryLinks).where(eq(onlineRecoveryLinks.accountId, account.id)),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ secretHash: sha256(secret), sentTo: 'email', usedAt: null });
    expect(rows[0]?.expiresAt.getTime()).toBe(clock.now().getTime() + 30 * MINUTE);
    expect(JSON.stringify(rows)).not.toContain(secret);
    const audit = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'online-account'), eq(auditLog.entityId, account.id)));
    expect(audit.map((a) => a.action)).toContain('online-account:recovery-link-sent');
    expect(JSON.stringify(audit)).not.toMatch(/hidden|fox|example\.com|07700/i);
  });

  it('sets a new password once, ends every open session, and only the new password signs in', async () => {
    const oldSession = cookieOf(await signIn('Hidden_Fox', PASSWORD));
    expect((await me(oldSession)).statusCode).toBe(200);
    const secret = await newestSecret('hidden.fox@example.com');

    const changed = await choose(secret);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().message).toMatch(/Your password is changed/);
    expect((await me(oldSession)).statusCode).toBe(401);
    expect((await signIn('Hidden_Fox', PASSWORD)).statusCode).toBe(401);
    const fresh = await signIn('Hidden_Fox', NEW_PASSWORD);
    expect(fresh.statusCode, fresh.body).toBe(200);

    // A retry of the same success is told the link is used: it is.
    const again = await choose(secret, 'another long password');
    expect(again.statusCode).toBe(422);
    expect(again.json().invalidParams).toEqual([{ name: 'secret', reason: expect.any(String) }]);
    expect((await signIn('Hidden_Fox', NEW_PASSWORD)).statusCode).toBe(200);
    const account = await accountOf('Hidden_Fox');
    const audit = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, account.id), eq(auditLog.action, 'online-account:password-changed')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ sessionsEnded: 2 });
  });

  it('refuses an unknown, an expired and a replaced link with the same problem naming `secret`', async () => {
    await signUp('Late_Owl', { recoveryEmail: 'late.owl@example.com' });
    await ask('Late_Owl');
    const first = await newestSecret('late.owl@example.com');
    clock.advance(MINUTE);
    await ask('Late_Owl');
    const second = await newestSecret('late.owl@example.com');
    expect(second).not.toBe(first);
    clock.advance(31 * MINUTE);
    const refusals = [
      await choose('made-up-secret'),
      await choose(''),
      await choose(first),
      await choose(second),
    ];
    const problems = refusals.map((r) => ({
      status: r.statusCode,
      detail: r.json().detail,
      params: r.json().invalidParams,
    }));
    for (const problem of problems) {
      expect(problem).toEqual({
        status: 422,
        detail: 'This link has expired or has already been used. Ask for a new one.',
        params: [{ name: 'secret', reason: 'has expired or has already been used. Ask for a new one' }],
      });
    }
    expect((await signIn('Late_Owl', PASSWORD)).statusCode).toBe(200);
  });

  it('makes a newer link the only one that works', async () => {
    await signUp('Keen_Wren', { recoveryEmail: 'keen.wren@example.com' });
    await ask('Keen_Wren');
    const older = await newestSecret('keen.wren@example.com');
    clock.advance(MINUTE);
    await ask('Keen_Wren');
    const newer = await newestSecret('keen.wren@example.com');
    expect(newer).not.toBe(older);
    expect((await choose(older)).statusCode).toBe(422);
    expect((await choose(newer)).statusCode).toBe(200);
  });

  it('checks the new password with the sign-up rules, and keeps the link for another try', async () => {
    await signUp('Slow_Hare_10', { recoveryEmail: 'slow.hare@example.com' });
    await ask('Slow_Hare_10');
    const secret = await newestSecret('slow.hare@example.com');
    const short = await choose(secret, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['password']);
    const same = await choose(secret, 'SLOW_HARE_10');
    expect(same.statusCode).toBe(422);
    expect(same.json().invalidParams).toEqual([
      { name: 'password', reason: 'must not be the same as your username' },
    ]);
    expect((await choose(secret)).statusCode).toBe(200);
  });

  it('sends at most 3 links an account an hour, answering the same', async () => {
    await signUp('Busy_Bee', { recoveryEmail: 'busy.bee@example.com' });
    for (let n = 0; n < 4; n += 1) {
      const answer = await ask('Busy_Bee');
      expect(answer.statusCode).toBe(202);
      expect(answer.json()).toEqual(ASKED);
    }
    expect(await messagesTo('busy.bee@example.com')).toHaveLength(3);
    clock.advance(HOUR + MINUTE);
    await ask('Busy_Bee');
    expect(await messagesTo('busy.bee@example.com')).toHaveLength(4);
  });
});
