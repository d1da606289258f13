import { randomUUID } from 'node:crypto';
import { eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import { demoOnlineService, youngPersonSession } from '../../test-support/online.js';
import { type LanternDb, queryRows } from '../client.js';
import { users } from '../schema/identity.js';
import { onlineChats } from '../schema/online.js';
import { organisations } from '../schema/organisations.js';
import { withScope } from '../scoped.js';
import { appendChatMessagesQuickly, openChat, type QuickAppendItem } from './online-chats.repository.js';

// The set-based chat batch (migration 0026, ADR 0024) checks who may write in a chat itself, as
// row-level security would: the chat's own young person, the counsellor holding it, a duty senior
// of the same organisation, and nobody else. A batch's own repeats are stored once.
describe.each(testDatabases)('storing a batch of chat messages on $name', (factory) => {
  const at = new Date('2026-12-01T20:00:00Z');
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let db: LanternDb;
  let people: {
    accountId: string;
    counsellor: string;
    colleague: string;
    otherDuty: string;
    outsider: string;
    outsiderOrg: string;
    org: string;
  };
  let chatId: string;
  let secondChat: { id: string; accountId: string };
  let stamp: string;
  const system = <T>(work: (tx: LanternDb) => Promise<T>) => withScope(db, systemScope('test'), work);

  const staffUser = (organisationId: string, displayName: string) =>
    system(async (tx) => {
      const id = randomUUID();
      await tx.insert(users).values({ id, email: `${id}@test.example`, displayName, organisationId });
      return id;
    });

  beforeAll(async () => {
    app = await createTestApp(factory, { now: () => at });
    db = app.database.db;
    const service = await demoOnlineService(db);
    const session = await youngPersonSession(db, { age: 15, now: at });
    const [elsewhere] = await system((tx) =>
      tx.select().from(organisations).where(ne(organisations.id, service.organisationId)).limit(1),
    );
    people = {
      accountId: session.accountId,
      counsellor: await staffUser(service.organisationId, 'Sam Counsellor'),
      colleague: await staffUser(service.organisationId, 'Dee Duty'),
      otherDuty: await staffUser(service.organisationId, 'Kim Duty'),
      outsider: await staffUser(elsewhere?.id ?? '', 'Alex Elsewhere'),
      outsiderOrg: elsewhere?.id ?? '',
      org: service.organisationId,
    };
    const chat = await system((tx) =>
      openChat(tx, {
        serviceId: service.id,
        accountId: session.accountId,
        kind: 'drop-in',
        status: 'active',
        queuedAt: at,
        takenAt: at,
        counsellorUserId: people.counsellor,
      }),
    );
    chatId = chat.id;
    const second = await youngPersonSession(db, { age: 13, now: at });
    const other = await system((tx) =>
      openChat(tx, {
        serviceId: service.id,
        accountId: second.accountId,
        kind: 'drop-in',
        status: 'active',
        queuedAt: at,
        takenAt: at,
        counsellorUserId: people.counsellor,
      }),
    );
    secondChat = { id: other.id, accountId: second.accountId };
    const [row] = await queryRows<{ stamp: string }>(
      db,
      sql`select lantern_risk_phrase_stamp(${service.organisationId}::uuid) as stamp`,
    );
    stamp = row?.stamp ?? '';
  }, 240_000);
  afterAll(() => app?.dispose());

  const young = (clientMessageId: string, riskStamp = stamp): QuickAppendItem => ({
    chatId,
    senderUserId: null,
    senderOrganisationId: null,
    senderAccountId: people.accountId,
    mayDuty: false,
    clientMessageId,
    body: `young ${clientMessageId}`,
    risk: { organisationId: people.org, stamp: riskStamp },
    sentAt: at,
  });
  const staff = (
    userId: string,
    org: string,
    mayDuty: boolean,
    clientMessageId: string,
  ): QuickAppendItem => ({
    chatId,
    senderUserId: userId,
    senderOrganisationId: org,
    senderAccountId: null,
    mayDuty,
    clientMessageId,
    body: `staff ${clientMessageId}`,
    risk: null,
    sentAt: at,
  });

  it('numbers what it may store, stores a repeat in the same batch once, and names the sender', async () => {
    const answers = await appendChatMessagesQuickly(db, [
      young('y1'),
      staff(people.counsellor, people.org, false, 'c1'),
      young('y1'),
      young('y2'),
    ]);
    expect(answers.map((a) => [a.outcome, a.row?.seq])).toEqual([
      ['stored', 1],
      ['stored', 2],
      ['existing', 1],
      ['stored', 3],
    ]);
    expect(answers[1]?.row?.senderKind).toBe('counsellor');
    expect(answers[1]?.senderName).toBe('Sam Counsellor');
    expect(answers[0]?.username).toBeTruthy();
    const again = await appendChatMessagesQuickly(db, [young('y2')]);
    expect([again[0]?.outcome, again[0]?.row?.seq]).toEqual(['existing', 3]);
    const [chat] = await system((tx) => tx.select().from(onlineChats).where(eq(onlineChats.id, chatId)));
    expect(chat?.lastSeq).toBe(3);
  });

  it('lets a duty senior of the organisation in, and nobody else', async () => {
    const answers = await appendChatMessagesQuickly(db, [
      staff(people.colleague, people.org, true, 'd1'),
      staff(people.colleague, people.org, false, 'd2'),
      staff(people.outsider, people.outsiderOrg, true, 'd3'),
      { ...young('stranger'), senderAccountId: randomUUID() },
      { ...young('nowhere'), chatId: randomUUID() },
    ]);
    expect(answers.map((a) => a.outcome)).toEqual([
      'stored',
      'not-found',
      'not-found',
      'not-found',
      'not-found',
    ]);
    expect(answers[0]?.row?.senderKind).toBe('duty-senior');
    expect(answers[0]?.row?.seq).toBe(4);
  });

  it('numbers each chat of a batch on its own', async () => {
    const inSecond = (id: string) => ({
      ...young(id),
      chatId: secondChat.id,
      senderAccountId: secondChat.accountId,
    });
    const answers = await appendChatMessagesQuickly(db, [inSecond('s1'), young('y3'), inSecond('s2')]);
    expect(answers.map((a) => [a.outcome, a.row?.chatId, a.row?.seq])).toEqual([
      ['stored', secondChat.id, 1],
      ['stored', chatId, 5],
      ['stored', secondChat.id, 2],
    ]);
  });

  it('refuses a counsellor holding the chat from outside its organisation', async () => {
    const [answer] = await appendChatMessagesQuickly(db, [
      staff(people.counsellor, people.outsiderOrg, false, 'moved'),
    ]);
    expect(answer?.outcome).toBe('not-found');
  });

  it('names the one who sent a message when another resends its client id', async () => {
    const [answer] = await appendChatMessagesQuickly(db, [staff(people.otherDuty, people.org, true, 'd1')]);
    expect([answer?.outcome, answer?.row?.seq, answer?.senderName]).toEqual(['existing', 4, 'Dee Duty']);
  });

  it('sends a message matched against old risk phrases back for a full check, repeats and all', async () => {
    const answers = await appendChatMessagesQuickly(db, [young('old', 'a stamp from before'), young('old')]);
    expect(answers.map((a) => a.outcome)).toEqual(['recheck', 'recheck']);
    const [chat] = await system((tx) => tx.select().from(onlineChats).where(eq(onlineChats.id, chatId)));
    expect(chat?.lastSeq).toBe(5);
  });

  it('gives the caller back its own scope when called inside a transaction', async () => {
    const scope = await withScope(db, { ...systemScope('test'), kinds: ['young-person'] }, async (tx) => {
      await appendChatMessagesQuickly(tx, [young('in-tx')]);
      const [row] = await queryRows<{ scope: string }>(
        tx,
        sql`select current_setting('lantern.scope') as scope`,
      );
      return JSON.parse(row?.scope ?? '{}') as { kinds: string[] };
    });
    expect(scope.kinds).toEqual(['young-person']);
  });

  it('refuses new messages in an ended chat and still answers a resend', async () => {
    await system((tx) => tx.update(onlineChats).set({ status: 'ended' }).where(eq(onlineChats.id, chatId)));
    const answers = await appendChatMessagesQuickly(db, [young('late'), young('y1')]);
    expect(answers.map((a) => [a.outcome, a.row?.seq ?? null])).toEqual([
      ['ended', null],
      ['existing', 1],
    ]);
  });
});
