import { eq } from 'drizzle-orm';
import type { Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../src/access/scope.js';
import type { LanternDb } from '../src/db/client.js';
import { onlineAccounts, onlineServices } from '../src/db/schema/online.js';
import { withScope } from '../src/db/scoped.js';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { londonWallClock } from '../src/domain/organisations/opening-hours.js';
import {
  demoOnlineService,
  type YoungPersonSession,
  youngPersonSession,
} from '../src/test-support/online.js';
import { arriveAt, choice, desktopPage, pollPatiently, signInStaff } from './front-door-helpers.js';
import {
  DUTY_SENIOR_EMAIL,
  expectFitsPhone,
  openAllHours,
  signedInCounsellor,
  signedInYoungPersonPhone,
  startOnlineJourney,
} from './online-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey } from './support.js';

// The online support pages the other journeys do not reach: a commissioner reads the usage figures
// (and no username is on the page); a young person leaves the drop-in queue; a young person's
// connection drops mid-chat and what they wrote meanwhile arrives once; and a duty senior changes
// the opening hours and the chat limit, which young people then see.

const LEAVING = 'kestrel-leaves-7';
const RECONNECTING = 'heron-drops-4';
const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The day after tomorrow in London, 1 (Monday) to 7: the service is never open now when only then. */
function dayAfterTomorrow(): number {
  return ((londonWallClock(new Date()).dayOfWeek + 1) % 7) + 1;
}

/** The service opens only on the day after tomorrow, midday to 10pm: closed whenever this runs. */
async function openOnlyDayAfterTomorrow(db: LanternDb): Promise<void> {
  const service = await demoOnlineService(db);
  const openingHours = [{ dayOfWeek: dayAfterTomorrow(), opens: '12:00', closes: '22:00' }];
  await withScope(db, systemScope('journey: online service closed now'), (tx) =>
    tx.update(onlineServices).set({ openingHours }).where(eq(onlineServices.id, service.id)),
  );
}

/** The young person's chat page, waiting in the drop-in queue. */
async function joinQueue(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/online/chat`);
  await arriveAt(page, 'Chat to a counsellor');
  await page.getByRole('button', { name: 'Start a chat' }).click();
  await arriveAt(page, 'You are waiting for a counsellor', 'waiting in the queue');
}

/**
 * Sends the page's chat socket through Playwright, so the journey can cut the connection. While
 * "offline" (the browser context offline too), a reconnect attempt waits, still connecting, until
 * the journey goes back online: as on a phone that has lost its signal.
 */
async function cuttableChatSocket(page: Page) {
  const connected: WebSocketRoute[] = [];
  let online: Promise<void> = Promise.resolve();
  let backOnline = () => {};
  await page.routeWebSocket(/\/api\/online\/socket$/, async (socket) => {
    await online;
    socket.connectToServer();
    connected.push(socket);
  });
  return {
    async goOffline() {
      online = new Promise((resolve) => {
        backOnline = resolve;
      });
      await page.context().setOffline(true);
      for (const socket of connected.splice(0)) await socket.close();
    },
    async goOnline() {
      await page.context().setOffline(false);
      backOnline();
    },
  };
}

describe('Online support: staff settings and usage, leaving the queue, reconnecting', () => {
  let journey: Journey;
  let db: LanternDb;
  let usernames: string[] = [];
  const young = new Map<string, YoungPersonSession>();
  const sessionOf = (username: string) => {
    const session = young.get(username);
    if (!session) throw new Error(`no young person ${username}`);
    return session;
  };

  // One counsellor desk for the whole file: a second sign-in within the same 30 seconds would
  // reuse the authenticator code, which Lantern refuses (as it should).
  let desk: Page | undefined;
  let deskErrors: string[] = [];
  async function counsellorDesk(): Promise<Page> {
    if (!desk) {
      desk = await signedInCounsellor(journey.browser, journey.baseUrl);
      deskErrors = collectPageErrors(desk);
    }
    return desk;
  }

  beforeAll(async () => {
    pollPatiently();
    journey = await startOnlineJourney({
      prepare: async (database) => {
        db = database.db;
        for (const username of [LEAVING, RECONNECTING]) {
          young.set(username, await youngPersonSession(db, { username, age: 15, gender: 'boy' }));
        }
        const accounts = await withScope(db, systemScope('journey: every username'), (tx) =>
          tx.select({ username: onlineAccounts.username }).from(onlineAccounts),
        );
        usernames = accounts.map((a) => a.username);
      },
    });
  });
  afterAll(() => journey?.close());

  it('a commissioner reads the usage figures for a period kept in the address, with no usernames', async () => {
    // The demo area's young people (about 350) and this journey's own: none may reach the page.
    expect(usernames.length).toBeGreaterThan(300);
    const page = await desktopPage(journey.browser);
    const errors = collectPageErrors(page);
    await signInStaff(page, journey.baseUrl, demoEmailFor('commissioner'));
    await page.getByRole('link', { name: 'Online support usage' }).click();
    await arriveAt(page, 'Online support usage', 'usage, this month');
    const headline = page.locator('p.nhsuk-body-l[role="status"]');
    await expect.poll(() => headline.count()).toBe(1);
    expect(await headline.innerText()).toMatch(/this month\b/);

    // Last month: the address says so, and a reload keeps it.
    await choice(page, 'Period', 'Last month').check();
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('last-month');
    await expect.poll(() => headline.innerText()).toMatch(/last month\b/);
    await expectNoAxeViolations(page, 'usage, last month');
    await page.reload();
    await arriveAt(page, 'Online support usage', 'usage, last month after a reload');
    expect(await choice(page, 'Period', 'Last month').isChecked()).toBe(true);
    await expect.poll(() => headline.innerText()).toMatch(/last month\b/);

    // Chosen dates around the demo's months of chats (the demo area ends on 23 November 2026).
    await choice(page, 'Period', 'Choose the dates').check();
    await page.getByLabel('From', { exact: true }).fill('2026-08-24');
    await page.getByLabel('To', { exact: true }).fill('2026-11-23');
    await expectNoAxeViolations(page, 'usage, choosing dates');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect
      .poll(() => Object.fromEntries(new URL(page.url()).searchParams))
      .toEqual({ period: 'custom', from: '2026-08-24', to: '2026-11-23' });
    await expect
      .poll(() => headline.innerText())
      .toMatch(
        /^\d+ young people used the online service from 24 August 2026 to 23 November 2026; \d+% were girls; \d+% of use was on evenings and weekends\.$/,
      );
    expect(Number((await headline.innerText()).split(' ')[0])).toBeGreaterThan(0);

    // The chart is an image named by its summary, and the same figures are in a table.
    const chart = page.locator('svg[role="img"]');
    await expect.poll(() => chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toMatch(/^Chart: Chats by the hour they started/);
    await page.getByText('Chats by hour as a table').click();
    const table = page.getByRole('table', { name: /Chats by hour of day they started/ });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(24);
    expect(await table.innerText()).toContain('18:00 to 19:00');
    await expectNoAxeViolations(page, 'usage, chosen dates, table open');

    // No username anywhere: not in the words on the page, nor in its markup.
    const text = await page.locator('body').innerText();
    const html = await page.content();
    expect(usernames.filter((u) => text.includes(u) || html.includes(u))).toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000);

  it('a young person leaves the queue, is told how to come back, and the queue no longer lists them', async () => {
    const phone = await signedInYoungPersonPhone(journey.browser, journey.baseUrl, sessionOf(LEAVING));
    const phoneErrors = collectPageErrors(phone);
    await joinQueue(phone, journey.baseUrl);
    const place = phone.getByRole('status').filter({ hasText: 'You are in the queue' });
    await expect.poll(() => place.innerText()).toContain('You are next.');

    // A counsellor sees them waiting.
    const desk = await counsellorDesk();
    await desk.goto(`${journey.baseUrl}/staff/online`);
    await arriveAt(desk, 'Online support queue', 'queue with a young person waiting');
    const card = desk.locator('article', { hasText: LEAVING });
    await expect.poll(() => card.count()).toBe(1);

    // They choose to leave; they are asked first, and can change their mind.
    await phone.getByRole('button', { name: 'Leave the queue', exact: true }).click();
    const question = phone.getByRole('heading', { name: 'Do you want to leave the queue?' });
    await expect.poll(() => question.count()).toBe(1);
    expect(await question.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(phone, 'asked before leaving the queue');
    await expectFitsPhone(phone, 'asked before leaving the queue');
    await phone.getByRole('button', { name: 'No, keep my place' }).click();
    await expect.poll(() => question.count()).toBe(0);
    expect(await place.innerText()).toContain('You are next.');
    await phone.getByRole('button', { name: 'Leave the queue', exact: true }).click();
    await phone.getByRole('button', { name: 'Yes, leave the queue' }).click();

    // They are told plainly they have left, and how to come back.
    await arriveAt(phone, 'Chat to a counsellor', 'left the queue');
    const told = phone.getByRole('alert').filter({ hasText: 'You have left the queue.' });
    await expect.poll(() => told.count()).toBe(1);
    expect(await told.innerText()).toContain('press Start a chat again');
    expect(await told.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await told.getByRole('link', { name: 'send us a message' }).count()).toBe(1);
    expect(await phone.getByRole('button', { name: 'Start a chat' }).count()).toBe(1);
    await expectFitsPhone(phone, 'left the queue');

    // The counsellor's queue no longer lists them.
    await expect.poll(() => card.count()).toBe(0);
    await desk.reload();
    await arriveAt(desk, 'Online support queue', 'queue after they left');
    expect(await desk.getByRole('heading', { name: 'Waiting for a chat (0)' }).count()).toBe(1);
    expect(await desk.getByText(LEAVING).count()).toBe(0);
    expect([...phoneErrors, ...deskErrors]).toEqual([]);
  }, 240_000);

  it('a young person’s connection drops mid-chat; what they wrote meanwhile arrives once', async () => {
    const phone = await signedInYoungPersonPhone(journey.browser, journey.baseUrl, sessionOf(RECONNECTING));
    const phoneErrors = collectPageErrors(phone);
    const signal = await cuttableChatSocket(phone);
    await joinQueue(phone, journey.baseUrl);
    const desk = await counsellorDesk();
    await desk.goto(`${journey.baseUrl}/staff/online`);
    await arriveAt(desk, 'Online support queue');
    await expect.poll(() => desk.locator('article', { hasText: RECONNECTING }).count()).toBe(1);
    await desk.getByRole('button', { name: 'Take the next young person' }).click();
    await arriveAt(desk, `Chat with ${RECONNECTING}`, 'counsellor chat, just taken');
    await arriveAt(phone, /^Chat with .+ – Lantern$/, 'young person chatting');
    const phoneLog = phone.getByRole('log');
    const deskLog = desk.getByRole('log');

    const hello = 'Hi. I wanted to talk about falling out with my friends.';
    await phone.getByLabel('Your message').fill(hello);
    await phone.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => deskLog.innerText()).toContain(hello);

    // The phone loses its connection: the page says it is reconnecting, and keeps what they write.
    const reconnecting = phone.getByRole('status').filter({ hasText: 'Reconnecting…' });
    await signal.goOffline();
    await expect.poll(() => reconnecting.count()).toBe(1);
    expect(await reconnecting.innerText()).toBe(
      'Reconnecting… Your messages are kept and will send when you are back online.',
    );
    const whileOffline = 'Sorry, my signal went. They said I was being weird at lunch.';
    await phone.getByLabel('Your message').fill(whileOffline);
    await phone.getByRole('button', { name: 'Send' }).click();
    const sending = phoneLog.locator('li', { hasText: whileOffline });
    await expect.poll(() => sending.innerText()).toContain('Sending…');
    await expectNoAxeViolations(phone, 'young person reconnecting, a message waiting');
    await expectFitsPhone(phone, 'reconnecting');
    expect(await deskLog.innerText()).not.toContain(whileOffline);

    // Back online: the notice goes, the message is sent, and the counsellor has it exactly once.
    await signal.goOnline();
    await expect.poll(() => reconnecting.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => phoneLog.getByText('Sending…').count(), { timeout: 30_000 }).toBe(0);
    expect(await phoneLog.locator('li', { hasText: whileOffline }).count()).toBe(1);
    await expect.poll(() => deskLog.locator('li', { hasText: whileOffline }).count()).toBe(1);
    expect(await deskLog.locator('li', { hasText: hello }).count()).toBe(1);
    await expectNoAxeViolations(phone, 'young person reconnected');

    // What the server stored: after a reload the counsellor still has each message once, in order.
    await desk.reload();
    await arriveAt(desk, `Chat with ${RECONNECTING}`, 'counsellor chat after a reload');
    await expect.poll(() => deskLog.locator('li', { hasText: whileOffline }).count()).toBe(1);
    const texts = await deskLog.locator('li').allInnerTexts();
    expect(texts.filter((t) => t.includes(hello))).toHaveLength(1);
    expect(texts.findIndex((t) => t.includes(hello))).toBeLessThan(
      texts.findIndex((t) => t.includes(whileOffline)),
    );

    // And a reply still reaches the phone on the new connection.
    const reply = 'No problem. That sounds upsetting. What happened at lunch?';
    await desk.getByLabel('Your message').fill(reply);
    await desk.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => phoneLog.locator('li', { hasText: reply }).count()).toBe(1);
    // Chromium reports the dropped socket and the refused reconnects while offline; nothing else.
    expect(phoneErrors.filter((e) => !/WebSocket|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    expect(deskErrors).toEqual([]);
  }, 240_000);

  it('a duty senior changes an evening’s hours and the chat limit; mistakes are named', async () => {
    await openOnlyDayAfterTomorrow(db);
    const day = dayNames[dayAfterTomorrow() - 1] ?? '';
    const page = await signedInCounsellor(journey.browser, journey.baseUrl, DUTY_SENIOR_EMAIL);
    const errors = collectPageErrors(page);
    await page.getByRole('link', { name: 'Online support settings' }).click();
    await arriveAt(page, 'Online support settings');
    await expect
      .poll(() => page.getByText(`Lantern Online is open: ${day}: midday to 10pm.`).count())
      .toBe(1);

    // Mistakes: closing before opening, and a chat limit of 0 typed by keyboard alone.
    await page.getByLabel('Opens').fill('18:30');
    await page.getByLabel('Closes').fill('17:00');
    await page.getByLabel('Oldest age').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('chatLimit');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    const summary = page.locator('.nhsuk-error-summary');
    await expect.poll(() => summary.count()).toBe(1);
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const links = await summary.getByRole('link').allInnerTexts();
    expect(links).toEqual([
      'Session 1 must close after it opens (00:00 for midnight)',
      'Chats at once must be at least 1',
    ]);
    // Each field says it too, and is described by its message.
    expect(await page.locator('#chatLimit-error').textContent()).toBe(
      'Error: Chats at once must be at least 1',
    );
    expect(await page.locator('#chatLimit').getAttribute('aria-describedby')).toContain('chatLimit-error');
    expect(await page.getByLabel('Closes').getAttribute('aria-describedby')).toMatch(/-closes-error/);
    await expectNoAxeViolations(page, 'settings with mistakes');

    // The summary's link takes the keyboard to the field; they put it right and save.
    await summary.getByRole('link', { name: 'Chats at once must be at least 1' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('chatLimit');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4');
    await page.getByLabel('Closes').fill('21:00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const banner = page.locator('.nhsuk-notification-banner--success');
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.innerText()).toContain('The settings were saved.');
    await expect.poll(() => page.getByText(`Lantern Online is open: ${day}: 6:30pm to 9pm.`).count()).toBe(1);
    expect(await summary.count()).toBe(0);
    await expectNoAxeViolations(page, 'settings saved');

    // A young person is told the new time, and so is anyone asking the API.
    const phone = await signedInYoungPersonPhone(journey.browser, journey.baseUrl, sessionOf(LEAVING));
    await phone.goto(`${journey.baseUrl}/online/chat`);
    await arriveAt(phone, 'Chat to a counsellor', 'chat page out of hours');
    const opens = new RegExp(`We're closed\\. We open (on ${day}|tomorrow) at 6:30pm\\.`);
    await expect.poll(() => phone.locator('main').innerText()).toMatch(opens);
    expect(
      await phone
        .getByRole('listitem')
        .filter({ hasText: `${day}: 6:30pm to 9pm` })
        .count(),
    ).toBe(1);
    await expectFitsPhone(phone, 'chat page out of hours');
    const status = await (await phone.request.get(`${journey.baseUrl}/api/online/status`)).json();
    expect(status.isOpen).toBe(false);
    expect(status.sentence).toMatch(opens);
    expect(status.hours).toEqual([`${day}: 6:30pm to 9pm`]);

    // The new chat limit is the one a counsellor's queue counts against.
    await page.goto(`${journey.baseUrl}/staff/online`);
    await arriveAt(page, 'Online support queue', 'queue with the new chat limit');
    await expect.poll(() => page.getByText(/You have \d+ of 4 chats open\./).count()).toBe(1);
    expect(errors).toEqual([]);
    await openAllHours(db);
  }, 240_000);
});
