import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import { outboxMessages } from '../../db/schema/outbox.js';
import { withScope } from '../../db/scoped.js';
import { testDatabases } from '../../test-support/databases.js';
import { dispatchOutbox, MAX_ATTEMPTS, notifySender } from './dispatch-outbox.js';

/** A stand-in for GOV.UK Notify's API on this machine: it records what the official client sends. */
async function fakeNotify(failFirst: number) {
  const received: { path: string; body: Record<string, unknown>; authorization: string }[] = [];
  let failures = failFirst;
  const read = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      request.on('data', (chunk) => {
        text += chunk;
      });
      request.on('end', () => resolve(text));
    });
  const server = createServer(async (request, response) => {
    const body = JSON.parse(await read(request));
    if (failures > 0) {
      failures -= 1;
      response.writeHead(500).end('{}');
      return;
    }
    received.push({ path: request.url ?? '', body, authorization: String(request.headers.authorization) });
    response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: randomUUID() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

describe.each(testDatabases)('the outbox dispatcher on $name', (factory) => {
  let database: Awaited<ReturnType<typeof factory.create>>;
  beforeAll(async () => {
    database = await factory.create();
  });
  afterAll(() => database?.dispose());
  const db = () => database.database.db;
  const at = new Date('2026-12-01T09:00:00Z');

  it('sends each message once through GOV.UK Notify’s client, retrying failures, with neutral words', async () => {
    const notify = await fakeNotify(1);
    try {
      await withScope(db(), systemScope('test'), (tx) =>
        outbox.enqueue(tx, [
          {
            channel: 'sms',
            template: 'request-received',
            recipient: '07700900123',
            personalisation: { reference: 'LV-AAAA-BB', lookedAtBy: 'Monday 7 December 2026' },
            createdAt: at,
          },
          {
            channel: 'email',
            template: 'referral-received',
            recipient: 'gp@example.com',
            personalisation: {
              reference: 'LV-CCCC-DD',
              receivedOn: 'Tuesday 1 December 2026',
              lookedAtBy: 'Tuesday 8 December 2026',
            },
            createdAt: new Date(at.getTime() + 1000),
          },
        ]),
      );
      const send = notifySender({
        apiKey: `lantern_test-${randomUUID()}-${randomUUID()}`,
        emailTemplateId: randomUUID(),
        smsTemplateId: randomUUID(),
        baseUrl: notify.url,
      });
      const first = await dispatchOutbox(db(), send, () => at);
      expect(first).toEqual({ claimed: 2, sent: 1 });
      const second = await dispatchOutbox(db(), send, () => at);
      expect(second).toEqual({ claimed: 1, sent: 1 });
      expect(await dispatchOutbox(db(), send, () => at)).toEqual({ claimed: 0, sent: 0 });
      expect(notify.received.map((r) => r.path).sort()).toEqual([
        '/v2/notifications/email',
        '/v2/notifications/sms',
      ]);
      const sms = notify.received.find((r) => r.path.endsWith('sms'));
      expect(sms?.authorization).toMatch(/^Bearer /);
      const words = JSON.stringify(sms?.body.personalisation);
      expect(words).toContain('LV-AAAA-BB');
      expect(words).not.toMatch(/referral|mental health|CAMHS/i);
      const rows = await withScope(db(), systemScope('test'), (tx) => tx.select().from(outboxMessages));
      expect(rows.every((r) => r.sentAt !== null && r.providerReference)).toBe(true);
      expect(rows.map((r) => r.lastError)).toEqual([null, null]);
    } finally {
      notify.close();
    }
  });

  it('stops retrying after the last attempt and keeps the recipient out of the stored error', async () => {
    const id = randomUUID();
    await withScope(db(), systemScope('test'), (tx) =>
      tx.insert(outboxMessages).values({
        id,
        channel: 'letter',
        template: 'request-update',
        recipient: '1 Secret Street',
        personalisation: { reference: 'LV-EEEE-FF' },
        createdAt: at,
      }),
    );
    const refuse = async () => {
      throw new Error('no letters to 1 Secret Street');
    };
    for (let n = 0; n < MAX_ATTEMPTS + 2; n += 1) await dispatchOutbox(db(), refuse, () => at);
    const [row] = await withScope(db(), systemScope('test'), (tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.id, id)),
    );
    expect(row?.attempts).toBe(MAX_ATTEMPTS);
    expect(row?.sentAt).toBeNull();
    expect(row?.lastError).not.toContain('Secret');
  });
});
