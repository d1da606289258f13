import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../src/access/scope.js';
import { openChat } from '../src/db/repositories/online-chats.repository.js';
import { users } from '../src/db/schema/identity.js';
import { onlineChats } from '../src/db/schema/online.js';
import { withScope } from '../src/db/scoped.js';
import {
  demoOnlineService,
  type YoungPersonSession,
  youngPersonSession,
} from '../src/test-support/online.js';
import { arriveAt, pollPatiently } from './front-door-helpers.js';
import {
  COUNSELLOR_EMAIL,
  expectFitsPhone,
  signedInCounsellor,
  signedInYoungPersonPhone,
  startOnlineJourney,
} from './online-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey } from './support.js';

/** Tomorrow's date in London, as a date box wants it (YYYY-MM-DD). */
function tomorrowInLondon(): string {
  const tomorrow = new Date(Date.now() + 24 * 60 * 60_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(tomorrow);
}

// A young person on their phone writes to the service between chats; the counsellor they chatted
// with last week replies and books a session; the young person sees the reply and the booking.
describe('Messages and a booked session', () => {
  let journey: Journey;
  let young: YoungPersonSession;
  let counsellorName = '';

  beforeAll(async () => {
    pollPatiently();
    journey = await startOnlineJourney({
      prepare: async (database) => {
        const [counsellor] = await database.db.select().from(users).where(eq(users.email, COUNSELLOR_EMAIL));
        if (!counsellor) throw new Error('no demo online counsellor');
        counsellorName = counsellor.displayName;
        young = await youngPersonSession(database.db, { age: 14, gender: 'girl' });
        const service = await demoOnlineService(database.db);
        const lastWeek = new Date(Date.now() - 7 * 24 * 60 * 60_000);
        // Counsellors book sessions only for young people they have chatted with: an earlier chat.
        await withScope(database.db, systemScope('journey: an earlier chat'), async (tx) => {
          const chat = await openChat(tx, {
            serviceId: service.id,
            accountId: young.accountId,
            kind: 'drop-in',
            status: 'ended',
            queuedAt: lastWeek,
            takenAt: lastWeek,
            counsellorUserId: counsellor.id,
          });
          await tx
            .update(onlineChats)
            .set({ endedAt: new Date(lastWeek.getTime() + 40 * 60_000), summaryNote: 'Worried about exams.' })
            .where(eq(onlineChats.id, chat.id));
        });
      },
    });
  }, 120_000);
  afterAll(() => journey?.close());

  it('a message is answered and a session booked', async () => {
    const firstName = counsellorName.split(' ')[0] ?? counsellorName;

    // The young person writes to the service on their phone.
    const phone = await signedInYoungPersonPhone(journey.browser, journey.baseUrl, young);
    const phoneErrors = collectPageErrors(phone);
    await phone.goto(`${journey.baseUrl}/online/messages`);
    await arriveAt(phone, 'Your messages', 'messages, before writing');
    expect(await phone.getByText('We usually reply within 1 day').count()).toBe(1);
    expect(await phone.getByText('If someone is in danger right now').count()).toBe(1);
    await phone.getByLabel('Your message').fill('I keep worrying about my exams. Can someone talk to me?');
    await phone.getByRole('button', { name: 'Send message' }).click();
    await expect.poll(() => phone.getByText('Your message has been sent.').count()).toBe(1);
    await expect
      .poll(() => phone.getByText('I keep worrying about my exams.', { exact: false }).count())
      .toBe(1);
    await expectNoAxeViolations(phone, 'messages, after sending');
    await expectFitsPhone(phone, 'messages');

    // The counsellor finds the thread in the inbox and opens the young person.
    const desk = await signedInCounsellor(journey.browser, journey.baseUrl);
    const deskErrors = collectPageErrors(desk);
    await desk.goto(`${journey.baseUrl}/staff/online/messages`);
    await arriveAt(desk, 'Messages from young people');
    const thread = desk.locator(`a[href$="${young.accountId}"]`);
    await expect.poll(() => thread.count()).toBe(1);
    await thread.click();
    await arriveAt(desk, 'Young person', 'one young person');
    expect(await desk.getByText('I keep worrying about my exams.', { exact: false }).count()).toBe(1);
    expect(await desk.getByText('Worried about exams.').count()).toBe(1);

    // They reply.
    await desk
      .getByLabel('Your reply')
      .fill('Thanks for telling us. Exams can feel like a lot. What helps you relax?');
    await desk.getByRole('button', { name: 'Send reply' }).click();
    const banner = desk.locator('.nhsuk-notification-banner');
    await expect.poll(() => banner.textContent()).toContain('Reply sent.');
    await expectNoAxeViolations(desk, 'young person after a reply');

    // They book a session for tomorrow evening with themselves.
    await desk.locator('#book-startsAt').fill(tomorrowInLondon());
    await desk.locator('#book-startsAt-time').fill('18:30');
    await desk.getByRole('radio', { name: '30 minutes' }).check();
    await desk.getByRole('button', { name: 'Book session' }).click();
    await expect.poll(() => banner.textContent()).toContain('Session booked: Tomorrow at 6:30pm.');
    await expect.poll(() => desk.getByRole('cell', { name: /30 minutes/ }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(desk, 'young person after booking');

    // The young person sees the reply, from the counsellor's first name, and the booking.
    await phone.reload();
    await arriveAt(phone, 'Your messages', 'messages with a reply');
    await expect.poll(() => phone.getByText('What helps you relax?', { exact: false }).count()).toBe(1);
    expect(await phone.getByText(`Counsellor ${firstName}`, { exact: false }).count()).toBe(1);
    expect(await phone.getByText('Read by a counsellor', { exact: false }).count()).toBe(1);
    await phone.goto(`${journey.baseUrl}/online/bookings`);
    await arriveAt(phone, 'Your booked chats', 'bookings');
    const booking = phone.getByRole('heading', { name: `Tomorrow at 6:30pm with ${firstName}` });
    await expect.poll(() => booking.count()).toBe(1);
    expect(await phone.getByText('It lasts 30 minutes.').count()).toBe(1);
    expect(await phone.getByRole('button', { name: /Cancel this chat/ }).count()).toBe(1);
    await expectFitsPhone(phone, 'bookings');
    expect([...phoneErrors, ...deskErrors]).toEqual([]);
  }, 240_000);
});
