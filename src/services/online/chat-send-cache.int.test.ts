import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../access/authorise.js';
import { systemScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import * as chats from '../../db/repositories/online-chats.repository.js';
import { onlineAlerts, onlineChatMessages, onlineChats, riskPhrases } from '../../db/schema/online.js';
import { withScope } from '../../db/scoped.js';
import type { Hub } from '../../server/realtime/hub.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import { demoOnlineService, youngPersonSession } from '../../test-support/online.js';
import { testClock } from '../../test-support/session.js';
import { appendBatchCounts } from './chat-append-batches.js';
import { storeChatMessage } from './send-chat-message.js';

// The one-round-trip path for chat messages (migration 0026, in shared batches) keeps every guarantee of the full
// transaction: a resend stored once, only the chat's own young person, an ended chat refused, and
// a risk phrase added after the phrases were cached still matched, stored and alerted.
describe.each(testDatabases)('storing chat messages quickly on $name', (factory) => {
  const clock = testClock('2026-12-01T15:00:00Z');
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let db: LanternDb;
  let chatId: string;
  let own: ServiceContext;
  let stranger: ServiceContext;
  const deps = () => ({ db, hub: {} as Hub });
  const system = <T>(work: (tx: LanternDb) => Promise<T>) => withScope(db, systemScope('test'), work);

  beforeAll(async () => {
    app = await createTestApp(factory, { now: clock.now });
    db = app.database.db;
    const service = await demoOnlineService(db);
    const contextOf = async (age: number): Promise<ServiceContext> => {
      const session = await youngPersonSession(db, { age, now: clock.now() });
      return {
        requestId: 'test',
        now: clock.now,
        authorised: [],
        recordAccess: async () => {},
        actor: {
          kind: 'young-person',
          accountId: session.accountId,
          serviceId: service.id,
          organisationId: service.organisationId,
          sessionTokenHash: 'not used',
          isSignedIn: true,
        },
      };
    };
    own = await contextOf(14);
    stranger = await contextOf(15);
    const accountId = own.actor.kind === 'young-person' ? own.actor.accountId : '';
    const chat = await system((tx) =>
      chats.openChat(tx, {
        serviceId: service.id,
        accountId,
        kind: 'drop-in',
        status: 'active',
        queuedAt: clock.now(),
        takenAt: clock.now(),
      }),
    );
    chatId = chat.id;
  }, 240_000);
  afterAll(() => app?.dispose());

  const send = (ctx: ServiceContext, clientMessageId: string, body: string) =>
    storeChatMessage(ctx, deps(), { chatId, clientMessageId, body });

  it('numbers messages with no gaps and stores a resend once', async () => {
    const first = await send(own, 'a', 'hello');
    const again = await send(own, 'a', 'hello');
    const second = await send(own, 'b', 'how are you');
    expect([first.seq, first.isNew]).toEqual([1, true]);
    expect([again.seq, again.isNew]).toEqual([1, false]);
    expect(second.seq).toBe(2);
    expect(first.message.senderKind).toBe('young-person');
    const rows = await system((tx) =>
      tx.select().from(onlineChatMessages).where(eq(onlineChatMessages.chatId, chatId)),
    );
    expect(rows.map((r) => r.seq).sort()).toEqual([1, 2]);
    const [chat] = await system((tx) => tx.select().from(onlineChats).where(eq(onlineChats.id, chatId)));
    expect(chat?.lastSeq).toBe(2);
  });

  it('stores messages arriving together in shared statements, each checked for its own sender', async () => {
    const before = appendBatchCounts(db);
    const ids = Array.from({ length: 24 }, (_, i) => `together-${i}`);
    const results = await Promise.allSettled([
      ...ids.map((id) => send(own, id, `message ${id}`)),
      send(stranger, 'together-stranger', 'let me in'),
    ]);
    const after = appendBatchCounts(db);
    expect(after.messages - before.messages).toBe(25);
    // Fewer statements than messages: messages that came while others were stored went together.
    expect(after.statements - before.statements).toBeLessThan(25);
    const stored = results.slice(0, 24).map((r) => (r.status === 'fulfilled' ? r.value.seq : -1));
    // The chat had 2 messages: these are 3 to 26, each once, with no gaps.
    expect([...stored].sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 3));
    // The stranger's message shared a statement but not the chat's young person's reach.
    expect(results[24]).toMatchObject({ status: 'rejected', reason: { code: 'not-found' } });
    const [chat] = await system((tx) => tx.select().from(onlineChats).where(eq(onlineChats.id, chatId)));
    expect(chat?.lastSeq).toBe(26);
  });

  it('tells another young person there is no such chat', async () => {
    await expect(send(stranger, 'c', 'let me in')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('matches a risk phrase added after the phrases were cached, and raises its alert', async () => {
    await send(own, 'warm', 'the phrases are cached now');
    const organisationId = own.actor.kind === 'young-person' ? own.actor.organisationId : '';
    await system((tx) =>
      tx
        .insert(riskPhrases)
        .values({ organisationId, phrase: 'purple giraffe', category: 'other', addedAt: clock.now() }),
    );
    const sent = await send(own, 'risky', 'I saw a Purple Giraffe today');
    expect(sent.isAlertRaised).toBe(true);
    expect((sent.message.riskMatches ?? []).map((m) => m.phrase)).toEqual(['purple giraffe']);
    const alerts = await system((tx) =>
      tx.select().from(onlineAlerts).where(eq(onlineAlerts.chatId, chatId)),
    );
    expect(alerts.length).toBe(1);
  });

  it('refuses a new message once the chat has ended, but still acknowledges a resend', async () => {
    await system((tx) => tx.update(onlineChats).set({ status: 'ended' }).where(eq(onlineChats.id, chatId)));
    await expect(send(own, 'late', 'anyone there?')).rejects.toMatchObject({ code: 'conflict' });
    const resend = await send(own, 'b', 'how are you');
    expect([resend.seq, resend.isNew]).toEqual([2, false]);
  });
});
