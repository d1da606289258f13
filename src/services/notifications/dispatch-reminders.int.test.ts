import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import * as outbox from '../../db/repositories/outbox.repository.js';
import { outboxMessages } from '../../db/schema/outbox.js';
import { withScope } from '../../db/scoped.js';
import { testDatabases } from '../../test-support/databases.js';
import { HOUR } from '../../test-support/session.js';
import { dispatchOutbox, type Sender } from './dispatch-outbox.js';

// Appointment reminders wait in the outbox until the day before; a withdrawn one is never sent.
describe.each(testDatabases)('the outbox dispatcher and reminders on $name', (factory) => {
  let database: Awaited<ReturnType<typeof factory.create>>;
  beforeAll(async () => {
    database = await factory.create();
  });
  afterAll(() => database?.dispose());
  const db = () => database.database.db;
  const at = new Date('2026-12-01T09:00:00Z');
  const words = { day: 'Thursday 3 December', time: '10:00', place: 'by video', reference: 'LV-REM-01' };

  it('sends a reminder only once its time has come, and never one that was withdrawn', async () => {
    const notBefore = new Date(at.getTime() + 24 * HOUR);
    await withScope(db(), systemScope('test'), async (tx) => {
      await outbox.enqueue(tx, [
        {
          channel: 'sms',
          template: 'appointment-reminder',
          recipient: '07700900444',
          personalisation: { ...words, contactId: 'waiting' },
          createdAt: at,
          notBefore,
        },
        {
          channel: 'sms',
          template: 'appointment-reminder',
          recipient: '07700900555',
          personalisation: { ...words, contactId: 'moved' },
          createdAt: at,
          notBefore: at,
        },
      ]);
      await outbox.withdrawReminders(tx, ['moved'], at);
    });
    const sent: { recipient: string; body: string }[] = [];
    const send: Sender = async (message) => {
      sent.push(message);
      return `provider-${sent.length}`;
    };

    // The day before is not here yet; the withdrawn one's time has come but it is withdrawn.
    expect(await dispatchOutbox(db(), send, () => at)).toEqual({ claimed: 0, sent: 0 });
    const almost = new Date(notBefore.getTime() - 1000);
    expect((await dispatchOutbox(db(), send, () => almost)).sent).toBe(0);
    expect(sent).toEqual([]);

    const dayBefore = new Date(notBefore.getTime() + 1000);
    expect(await dispatchOutbox(db(), send, () => dayBefore)).toEqual({ claimed: 1, sent: 1 });
    expect(sent.map((m) => m.recipient)).toEqual(['07700900444']);
    expect(sent[0]?.body).toBe(
      'Hi. This is a reminder that you have an appointment on Thursday 3 December at 10:00 (by video). If you cannot come, please let us know. Reference LV-REM-01.',
    );
    // Days later, still never the withdrawn one, and nothing twice.
    expect((await dispatchOutbox(db(), send, () => new Date(dayBefore.getTime() + 72 * HOUR))).sent).toBe(0);
    expect(sent).toHaveLength(1);
    const rows = await withScope(db(), systemScope('test'), (tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.template, 'appointment-reminder')),
    );
    const withdrawn = rows.find((r) => r.recipient === '07700900555');
    expect(withdrawn?.sentAt).toBeNull();
    expect(withdrawn?.attempts).toBe(0);
    expect(withdrawn?.withdrawnAt?.toISOString()).toBe(at.toISOString());
  });

  it('does not withdraw a reminder already sent', async () => {
    await withScope(db(), systemScope('test'), async (tx) => {
      await outbox.withdrawReminders(tx, ['waiting'], new Date(at.getTime() + 96 * HOUR));
    });
    const rows = await withScope(db(), systemScope('test'), (tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.recipient, '07700900444')),
    );
    expect(rows[0]?.sentAt).not.toBeNull();
    expect(rows[0]?.withdrawnAt).toBeNull();
  });
});
