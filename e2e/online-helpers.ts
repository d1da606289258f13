import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { systemScope } from '../src/access/scope.js';
import type { Database, LanternDb } from '../src/db/client.js';
import { onlineServices } from '../src/db/schema/online.js';
import { withScope } from '../src/db/scoped.js';
import {
  demoOnlineService,
  ONLINE_COOKIE,
  type YoungPersonSession,
  youngPersonSession,
} from '../src/test-support/online.js';
import { arriveAt, choice, desktopPage, signInStaff } from './front-door-helpers.js';
import { type Journey, startJourney } from './support.js';

// Shared steps for the online support journeys (online-*.e2e.ts): the service open at any hour,
// young people on a phone, and counsellors and duty seniors signed in with their authenticator app.

export const COUNSELLOR_EMAIL = 'online-counsellor@demo.lantern.example';
export const DUTY_SENIOR_EMAIL = 'online-duty-senior@demo.lantern.example';

/** The phone the young person's journeys use (a common iPhone's screen). */
export const PHONE = { width: 390, height: 844 };

/** Opens the demo online service every day, all day, so a journey passes at any hour. */
export async function openAllHours(db: LanternDb): Promise<void> {
  const service = await demoOnlineService(db);
  const openingHours = [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({
    dayOfWeek,
    opens: '00:00',
    closes: '00:00',
  }));
  await withScope(db, systemScope('journey: online service open all hours'), (tx) =>
    tx.update(onlineServices).set({ openingHours }).where(eq(onlineServices.id, service.id)),
  );
}

/**
 * Lantern with the online service open all hours, and `youngPeople` accounts made straight in the
 * database and signed in (for journeys that do not go through sign-up). `prepare` runs after.
 */
export async function startOnlineJourney(
  options: { youngPeople?: number; prepare?: (database: Database) => Promise<unknown> } = {},
): Promise<Journey & { youngPeople: YoungPersonSession[] }> {
  const youngPeople: YoungPersonSession[] = [];
  const journey = await startJourney({
    prepare: async (database) => {
      await openAllHours(database.db);
      for (let i = 0; i < (options.youngPeople ?? 0); i += 1) {
        youngPeople.push(await youngPersonSession(database.db, { age: 14, gender: 'girl' }));
      }
      await options.prepare?.(database);
    },
  });
  return { ...journey, youngPeople };
}

/** A new phone-sized browser context for a young person. */
export async function youngPersonPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  return context.newPage();
}

/** A phone already signed in as a young person made with `youngPersonSession` (by cookie). */
export async function signedInYoungPersonPhone(
  browser: Browser,
  baseUrl: string,
  session: YoungPersonSession,
): Promise<Page> {
  const page = await youngPersonPhone(browser);
  await page
    .context()
    .addCookies([
      { name: ONLINE_COOKIE, value: session.token, url: baseUrl, httpOnly: true, sameSite: 'Strict' },
    ]);
  return page;
}

/** A desktop browser with an online counsellor (or duty senior) signed in, on the staff home page. */
export async function signedInCounsellor(
  browser: Browser,
  baseUrl: string,
  email = COUNSELLOR_EMAIL,
): Promise<Page> {
  const page = await desktopPage(browser);
  await signInStaff(page, baseUrl, email);
  return page;
}

/** Waits until a locator's text contains `text`. */
export async function waitForText(page: Page, selector: string, text: string | RegExp): Promise<void> {
  await expect
    .poll(async () => (await page.locator(selector).allInnerTexts()).join('\n'))
    .toMatch(typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text);
}

/**
 * A young person makes an account through the sign-up page (no real name, as the page asks) and
 * lands in their space. Returns the username they made up.
 */
export async function signUpOnPhone(
  page: Page,
  baseUrl: string,
  options: { age?: number } = {},
): Promise<string> {
  const username = `sky-${Math.random().toString(36).slice(2, 10)}`;
  await page.goto(`${baseUrl}/online/sign-up`);
  await arriveAt(page, 'Make an account');
  await page.getByLabel('Make up a username').fill(username);
  await page.getByLabel('Choose a password').fill('purple-toast-river-42');
  await page.getByLabel('How old are you?').fill(String(options.age ?? 14));
  await choice(page, 'What is your gender?', 'Girl').check();
  await choice(page, 'How did you hear about Lantern Online?', 'School or college').check();
  await page.getByRole('button', { name: 'Make my account' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/online/my-space');
  return username;
}

/** Fails when the page scrolls sideways at its current (phone) width. */
export async function expectFitsPhone(page: Page, label: string): Promise<void> {
  const width = page.viewportSize()?.width ?? PHONE.width;
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${label} scrolls sideways`,
  ).toBeLessThanOrEqual(width);
}

/**
 * The counsellor records a risk assessment ("low") for the chat open on their page: through the
 * risk panel beside the conversation, or through the API when the page has no panel.
 */
export async function recordRiskAssessment(page: Page, baseUrl: string): Promise<void> {
  const save = page.getByRole('button', { name: 'Save risk assessment' });
  if ((await save.count()) > 0) {
    await page.getByRole('group', { name: 'Level of risk' }).getByLabel(/^low/i).check();
    await page
      .getByLabel('Notes (optional)')
      .fill('Stress about exams. No plan or intent; has people to talk to.');
    await save.click();
    await expect.poll(() => page.getByText('Risk assessment saved.').count()).toBe(1);
    return;
  }
  const chatId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
  const api = page.context().request;
  const session = (await (await api.get(`${baseUrl}/api/session`)).json()) as { csrfToken: string };
  const answer = await api.post(`${baseUrl}/api/online/chats/${chatId}/risk-assessments`, {
    headers: { 'x-csrf-token': session.csrfToken, 'idempotency-key': crypto.randomUUID() },
    data: { level: 'low', notes: 'Stress about exams. No plan or intent; has people to talk to.' },
  });
  expect(answer.status(), await answer.text()).toBe(200);
}
