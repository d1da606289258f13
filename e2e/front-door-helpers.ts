import { generate } from 'otplib';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { buildDemoArea } from '../src/demo/demo-area.js';
import { DEMO_PASSWORD } from '../src/demo/demo-staff.js';
import { londonDate } from '../src/domain/people/child-details.js';
import { expectNoAxeViolations, JOURNEY_SEED } from './support.js';

// Shared steps for the front door journeys (refer-*.e2e.ts and triage.e2e.ts): a phone, the
// one-question pages of the referral form, and staff signing in with their authenticator app.

const identity = buildDemoArea({ seed: JOURNEY_SEED, scale: 1 }).identity;

/** The demo account's authenticator secret, or '' when it has none yet. */
export function totpSecretOf(email: string): string {
  return identity.users.find((user) => user.email === email)?.totpSecret ?? '';
}

/** Demo accounts holding a role, the named one (role@demo.lantern.example) first. */
export function demoAccountsWithRole(role: string): { email: string; displayName: string }[] {
  const ids = new Set(identity.userRoles.filter((r) => r.role === role).map((r) => r.userId));
  return identity.users.filter((user) => ids.has(user.id ?? ''));
}

/**
 * Each step here waits on the API (and sign-in on Argon2), so give expect.poll up to 10 seconds
 * rather than its default of 1, for slower machines. Call in beforeAll; it lasts for the file.
 */
export function pollPatiently(): void {
  vi.setConfig({ expect: { poll: { timeout: 10_000, interval: 50 } } });
}

/** A new browser context the size of a small Android phone. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  return context.newPage();
}

export async function desktopPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** Waits for the page's title (without " – Lantern") and then checks it with axe. */
export async function arriveAt(page: Page, title: string | RegExp, label?: string): Promise<string> {
  const expected = typeof title === 'string' ? `${title} – Lantern` : title;
  if (typeof expected === 'string') await expect.poll(() => page.title()).toBe(expected);
  else await expect.poll(() => page.title()).toMatch(expected);
  await expect.poll(() => page.getByText('Loading…').count()).toBe(0);
  await expectNoAxeViolations(page, label ?? (typeof title === 'string' ? title : page.url()));
  return page.title();
}

export function continueButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Continue' });
}

/** A radio or checkbox inside the fieldset with this legend. */
export function choice(page: Page, legend: string | RegExp, label: string): Locator {
  return page.getByRole('group', { name: legend, exact: true }).getByLabel(label, { exact: true });
}

/** A referral's reference, such as LV-7K2M-QD: read out on the phone, so no look-alike letters. */
export const referencePattern = /^[A-Z]+-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/;

/** Day, month and year of a date of birth for someone `years` old, with their birthday well past. */
export function birthdayForAge(years: number): { day: string; month: string; year: string } {
  const [year, month, day] = londonDate(new Date()).split('-').map(Number) as [number, number, number];
  // 40 days before today's date, `years` years ago: old enough, and nowhere near the next birthday.
  const born = new Date(Date.UTC(year - years, month - 1, day) - 40 * 24 * 3600_000);
  return {
    day: String(born.getUTCDate()),
    month: String(born.getUTCMonth() + 1),
    year: String(born.getUTCFullYear()),
  };
}

export async function fillDate(page: Page, date: { day: string; month: string; year: string }) {
  await page.getByLabel('Day').fill(date.day);
  await page.getByLabel('Month').fill(date.month);
  await page.getByLabel('Year').fill(date.year);
}

/** Chooses the first school in the list, and gives back its name. */
export async function chooseFirstSchool(page: Page): Promise<string> {
  const school = page.getByLabel('School or college (optional)');
  await expect.poll(() => school.locator('optgroup option').count()).toBeGreaterThan(0);
  const first = school.locator('optgroup option').first();
  await school.selectOption((await first.getAttribute('value')) ?? '');
  return (await first.textContent()) ?? '';
}

/** The thresholds panel's service cards, once the directory has answered. */
export async function servicesThatFit(page: Page, heading: string): Promise<string[]> {
  const panel = page.getByRole('region', { name: heading });
  await expect.poll(() => panel.getByText('Looking for services…').count()).toBe(0);
  const fitting = panel.locator('.nhsuk-card').filter({ has: page.locator('.nhsuk-tag--green') });
  await expect.poll(() => fitting.count()).toBeGreaterThan(0);
  return fitting.getByRole('heading').allInnerTexts();
}

/**
 * Signs a member of staff in with the demo password, and with a code from their authenticator
 * app when the account has one, checking each page with axe. Ends on the staff home page.
 */
const TOTP_STEP_MS = 30_000;
/** The 30-second step in which each account last used a code in this test file. */
const lastStepOf = new Map<string, number>();

/**
 * A code the server will take: it refuses a code used again (replay protection), so a second
 * sign-in of the same account within one 30-second step waits for the next step, as a person would.
 */
async function freshCode(email: string, secret: string): Promise<string> {
  const stepNow = () => Math.floor(Date.now() / TOTP_STEP_MS);
  if (lastStepOf.get(email) === stepNow()) {
    await new Promise((resolve) => setTimeout(resolve, (stepNow() + 1) * TOTP_STEP_MS - Date.now() + 250));
  }
  lastStepOf.set(email, stepNow());
  return generate({ secret });
}

export async function signInStaff(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/staff/sign-in`);
  await arriveAt(page, 'Sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const secret = totpSecretOf(email);
  if (secret) {
    await arriveAt(page, 'Enter your code');
    await page.getByLabel('Code').fill(await freshCode(email, secret));
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await arriveAt(page, 'Your account', 'staff home');
  await expect.poll(() => page.getByRole('heading', { name: /^Hello, / }).count()).toBe(1);
}

/** A member of staff with no authenticator app yet signs in and sets one up, as on their first day. */
export async function signInAndEnrol(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/staff/sign-in`);
  await arriveAt(page, 'Sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await arriveAt(page, 'Set up an authenticator app');
  const key = page.locator('.lantern-secret');
  await expect.poll(() => key.count()).toBe(1);
  await page.getByLabel('Code').fill(await generate({ secret: (await key.textContent()) ?? '' }));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Save your recovery codes' }).count()).toBe(1);
  await expectNoAxeViolations(page, 'recovery codes');
  await page.getByRole('link', { name: 'I have saved my codes' }).click();
  await arriveAt(page, 'Your account', 'staff home');
}

/** An NHS.UK summary list's rows as { key: value }. */
export async function summaryRows(list: Locator): Promise<Record<string, string>> {
  const rows = await list
    .locator('.nhsuk-summary-list__row')
    .evaluateAll((elements) =>
      elements.map((row) => [
        row.querySelector('dt')?.textContent ?? '',
        row.querySelector('dd')?.textContent ?? '',
      ]),
    );
  return Object.fromEntries(rows);
}

/** Errors a page logged, leaving out those a journey causes on purpose (such as a dropped connection). */
export function unexpected(errors: string[], ...expected: RegExp[]): string[] {
  return errors.filter((error) => !expected.some((pattern) => pattern.test(error)));
}
