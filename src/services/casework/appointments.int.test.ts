import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { careContacts } from '../../db/schema/casework.js';
import { practitionerSchoolDays } from '../../db/schema/mhst.js';
import { outboxMessages } from '../../db/schema/outbox.js';
import { carers, children } from '../../db/schema/people.js';
import { referrals } from '../../db/schema/referrals.js';
import { withScope } from '../../db/scoped.js';
import { londonWeekday, weekdayNames } from '../../domain/casework/appointments.js';
import { createTestApp } from '../../test-support/app.js';
import { testDatabases } from '../../test-support/databases.js';
import {
  asSession,
  enrolledDemoUser,
  HOUR,
  type Session,
  signInWithTotp,
  testClock,
} from '../../test-support/session.js';

// A practitioner books appointments on the days they are in school, or by video or phone; the
// young person's chosen route gets a reminder the day before, withdrawn if the appointment moves
// or is cancelled.
describe.each(testDatabases)('booking appointments on $name', (factory) => {
  // Tuesday 1 December 2026, 10:00 in London.
  const clock = testClock('2026-12-01T10:00:00Z');
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let emhp: Session;
  const emhpUser = enrolledDemoUser('emhp');
  let caseload: { referralId: string }[] = [];
  let days: { schoolUrn: number; weekday: number }[] = [];

  const asSystem = <T>(work: Parameters<typeof withScope<T>>[2]) =>
    withScope(ctx.database.db, systemScope('test'), work);
  const get = (url: string) => ctx.app.inject({ method: 'GET', url, ...asSession(emhp) });
  const send = (method: 'POST' | 'PUT', url: string, payload: object, headers = {}) =>
    ctx.app.inject({ method, url, payload, ...asSession(emhp, { headers }) });
  const book = (referralId: string, body: object) =>
    send('POST', `/api/caseload/${referralId}/contacts`, body);
  const remindersOf = (referralId: string) =>
    asSystem((tx) =>
      tx
        .select()
        .from(outboxMessages)
        .where(
          and(eq(outboxMessages.referralId, referralId), eq(outboxMessages.template, 'appointment-reminder')),
        ),
    );
  /** The young person's chosen routes, and carers, set as the test needs. */
  const setRoutes = (referralId: string, routes: string[], phone: string | null, email: string | null) =>
    asSystem(async (tx) => {
      const [row] = await tx.select().from(referrals).where(eq(referrals.id, referralId));
      await tx
        .update(children)
        .set({ contactRoutes: routes, contactPhone: phone, contactEmail: email })
        .where(eq(children.id, row?.childId as string));
      return row?.childId as string;
    });
  const contactOf = (personalisation: unknown) =>
    String((personalisation as { contactId?: string })?.contactId);
  /** A London date and time on the next given weekday (1 = Monday) after today. */
  const nextWeekday = (weekday: number, time = '10:00') => {
    for (let n = 1; n <= 7; n += 1) {
      const at = new Date(`2026-12-${String(1 + n).padStart(2, '0')}T${time}:00Z`);
      if (londonWeekday(at) === weekday) return at.toISOString();
    }
    throw new Error('no such weekday');
  };

  beforeAll(async () => {
    ctx = await createTestApp(factory, { now: clock.now, withDemoReferrals: true });
    emhp = await signInWithTotp(ctx.app, emhpUser, { remoteAddress: '10.9.1.1', now: clock.now });
    const list = await get('/api/caseload');
    expect(list.statusCode, list.body).toBe(200);
    caseload = list.json().items;
    expect(caseload.length).toBeGreaterThanOrEqual(4);
    days = await asSystem((tx) =>
      tx
        .select({ schoolUrn: practitionerSchoolDays.schoolUrn, weekday: practitionerSchoolDays.weekday })
        .from(practitionerSchoolDays)
        .where(eq(practitionerSchoolDays.userId, emhpUser.id)),
    );
    expect(days.length).toBeGreaterThan(0);
  }, 120_000);
  afterAll(() => ctx?.dispose());

  it('refuses an in-person appointment on a day the practitioner is not at that school, in words', async () => {
    const urn = days[0]?.schoolUrn as number;
    const there = [...new Set(days.filter((d) => d.schoolUrn === urn).map((d) => d.weekday))].sort();
    const away = [1, 2, 3, 4, 5].find((d) => !there.includes(d)) as number;
    const referralId = caseload[0]?.referralId as string;
    const refused = await book(referralId, {
      startsAt: nextWeekday(away),
      schoolUrn: urn,
      medium: 'in-person',
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const problem = refused.json();
    expect(problem.invalidParams[0].name).toBe('startsAt');
    expect(problem.invalidParams[0].reason).toMatch(
      new RegExp(`^You are not at that school on ${weekdayNames[away - 1]}s\\. Your days? there (is|are) `),
    );
    expect(problem.invalidParams[0].reason).toContain(weekdayNames[(there[0] as number) - 1]);
    const nowhere = await book(referralId, {
      startsAt: nextWeekday(there[0] as number),
      schoolUrn: null,
      medium: 'in-person',
    });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().invalidParams[0].name).toBe('schoolUrn');
    const saved = await asSystem((tx) =>
      tx.select().from(careContacts).where(eq(careContacts.referralId, referralId)),
    );
    expect(saved.filter((c) => c.recordedAt.getTime() === clock.now().getTime())).toHaveLength(0);

    const booked = await book(referralId, {
      startsAt: nextWeekday(there[0] as number),
      schoolUrn: urn,
      medium: 'in-person',
    });
    expect(booked.statusCode, booked.body).toBe(200);
    // Still refused more than 366 days ahead.
    const far = await book(referralId, {
      startsAt: '2028-01-10T10:00:00Z',
      schoolUrn: null,
      medium: 'video',
    });
    expect(far.statusCode).toBe(400);
  });

  it('books video and phone appointments with no school, keeping none given', async () => {
    const referralId = caseload[1]?.referralId as string;
    const booked = await book(referralId, {
      startsAt: '2026-12-05T11:00:00Z',
      schoolUrn: days[0]?.schoolUrn,
      medium: 'video',
    });
    expect(booked.statusCode, booked.body).toBe(200);
    const [row] = await asSystem((tx) =>
      tx.select().from(careContacts).where(eq(careContacts.id, booked.json().id)),
    );
    expect(row?.medium).toBe('video');
    expect(row?.schoolUrn).toBeNull();
    const detail = (await get(`/api/caseload/${referralId}`)).json();
    expect(detail.contacts.find((c: { id: string }) => c.id === booked.json().id).medium).toBe('video');
  });

  it('queues a neutral reminder for the day before, to the route the young person chose', async () => {
    const referralId = caseload[2]?.referralId as string;
    await setRoutes(referralId, ['phone', 'text'], '07700 900111', null);
    const startsAt = '2026-12-04T15:30:00Z';
    const booked = await book(referralId, { startsAt, schoolUrn: null, medium: 'phone' });
    expect(booked.statusCode, booked.body).toBe(200);
    const [reminder, ...others] = await remindersOf(referralId);
    expect(others).toHaveLength(0);
    expect(reminder?.channel).toBe('sms');
    expect(reminder?.recipient).toBe('07700 900111');
    expect(reminder?.notBefore?.toISOString()).toBe('2026-12-03T15:30:00.000Z');
    expect(reminder?.withdrawnAt).toBeNull();
    const [ref] = await asSystem((tx) => tx.select().from(referrals).where(eq(referrals.id, referralId)));
    expect(reminder?.personalisation).toEqual({
      day: 'Friday 4 December',
      time: '15:30',
      place: 'by phone',
      reference: ref?.reference,
      contactId: booked.json().id,
    });
    const detail = (await get(`/api/caseload/${referralId}`)).json();
    expect(detail.reminders).toEqual({ channel: 'sms' });
    const contact = detail.contacts.find((c: { id: string }) => c.id === booked.json().id);
    expect(contact.reminder).toEqual({ channel: 'sms', state: 'waiting' });
    // Nobody reading the caseload sees the number itself.
    expect(JSON.stringify(detail)).not.toContain('07700 900111');
  });

  it('withdraws the reminder when the appointment moves, and queues a new one', async () => {
    const referralId = caseload[2]?.referralId as string;
    const [first] = await remindersOf(referralId);
    const contactId = contactOf(first?.personalisation);
    const url = `/api/caseload/${referralId}/contacts/${contactId}`;
    const moved = await send(
      'PUT',
      url,
      { startsAt: '2026-12-01T17:00:00Z', schoolUrn: null, medium: 'video' },
      { 'if-match': '"1"' },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().version).toBe(2);
    expect(moved.headers.etag).toBe('"2"');
    const stale = await send(
      'PUT',
      url,
      { startsAt: '2026-12-02T17:00:00Z', schoolUrn: null, medium: 'video' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    const reminders = await remindersOf(referralId);
    expect(reminders).toHaveLength(2);
    const old = reminders.find((r) => r.id === first?.id);
    const fresh = reminders.find((r) => r.id !== first?.id);
    expect(old?.withdrawnAt?.toISOString()).toBe(clock.now().toISOString());
    // Less than a day ahead now: sent at once, for the new time and place.
    expect(fresh?.notBefore?.toISOString()).toBe(clock.now().toISOString());
    expect(fresh?.withdrawnAt).toBeNull();
    expect(fresh?.personalisation).toMatchObject({
      day: 'Tuesday 1 December',
      time: '17:00',
      place: 'by video',
    });
    const [row] = await asSystem((tx) =>
      tx.select().from(careContacts).where(eq(careContacts.id, contactId)),
    );
    expect(row?.startsAt.toISOString()).toBe('2026-12-01T17:00:00.000Z');
  });

  it('withdraws the reminder when the appointment is cancelled, and will not move it afterwards', async () => {
    const referralId = caseload[2]?.referralId as string;
    const reminders = await remindersOf(referralId);
    const live = reminders.find((r) => r.withdrawnAt === null);
    const contactId = contactOf(live?.personalisation);
    const cancelled = await send(
      'PUT',
      `/api/caseload/${referralId}/contacts/${contactId}/attendance`,
      { attendStatus: 'cancelled-by-patient' },
      { 'if-match': '"2"' },
    );
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const after = await remindersOf(referralId);
    expect(after.every((r) => r.withdrawnAt !== null)).toBe(true);
    const detail = (await get(`/api/caseload/${referralId}`)).json();
    const contact = detail.contacts.find((c: { id: string }) => c.id === contactId);
    expect(contact.reminder.state).toBe('withdrawn');
    expect(contact.attendStatus).toBe('cancelled-by-patient');
    const move = await send(
      'PUT',
      `/api/caseload/${referralId}/contacts/${contactId}`,
      { startsAt: '2026-12-08T10:00:00Z', schoolUrn: null, medium: 'video' },
      { 'if-match': '"3"' },
    );
    expect(move.statusCode).toBe(409);
  });

  it('sends no reminder when no route was chosen, and says so', async () => {
    const referralId = caseload[3]?.referralId as string;
    await setRoutes(referralId, ['letter'], '07700 900222', 'family@example.org');
    const booked = await book(referralId, {
      startsAt: '2026-12-07T10:00:00Z',
      schoolUrn: null,
      medium: 'video',
    });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(await remindersOf(referralId)).toHaveLength(0);
    const detail = (await get(`/api/caseload/${referralId}`)).json();
    expect(detail.reminders).toEqual({ channel: null, why: 'no-route' });
    expect(detail.contacts.find((c: { id: string }) => c.id === booked.json().id).reminder).toBeNull();
  });

  it('never reminds through a carer marked do not share', async () => {
    const referralId = caseload[3]?.referralId as string;
    const childId = await setRoutes(referralId, ['text'], '07700 900333', null);
    await asSystem((tx) =>
      tx.insert(carers).values({
        childId,
        name: 'Alex Carer',
        relationship: 'parent',
        hasParentalResponsibility: true,
        phone: '07700900333',
        doNotShare: true,
      }),
    );
    const booked = await book(referralId, {
      startsAt: '2026-12-09T10:00:00Z',
      schoolUrn: null,
      medium: 'phone',
    });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(await remindersOf(referralId)).toHaveLength(0);
    expect((await get(`/api/caseload/${referralId}`)).json().reminders).toEqual({
      channel: null,
      why: 'not-safe',
    });
  });

  it('sends no reminder for an appointment recorded after it happened', async () => {
    const referralId = caseload[0]?.referralId as string;
    await setRoutes(referralId, ['email'], null, 'young.person@example.org');
    const booked = await book(referralId, {
      startsAt: new Date(clock.now().getTime() - 2 * HOUR).toISOString(),
      schoolUrn: null,
      medium: 'video',
    });
    expect(booked.statusCode, booked.body).toBe(200);
    const reminders = await remindersOf(referralId);
    expect(
      reminders.filter((r) => (r.personalisation as { contactId: string }).contactId === booked.json().id),
    ).toHaveLength(0);
  });
});
