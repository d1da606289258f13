import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoArea } from '../src/demo/demo-area.js';
import { DEMO_PASSWORD, demoEmailFor } from '../src/demo/demo-staff.js';
import { pollPatiently } from './front-door-helpers.js';
import {
  collectPageErrors,
  expectNoAxeViolations,
  JOURNEY_SEED,
  type Journey,
  startJourney,
} from './support.js';

// Staff sign in with a password and an authenticator app, set one up, sign out everywhere, and an
// administrator's deactivation bites on the person's next request.
const staff = buildDemoArea({ seed: JOURNEY_SEED, scale: 1 }).identity;
const secretOf = (email: string) => staff.users.find((u) => u.email === email)?.totpSecret ?? '';
const unenrolledEmhp = staff.users.find(
  (u) =>
    u.email !== demoEmailFor('emhp') && staff.userRoles.some((r) => r.userId === u.id && r.role === 'emhp'),
)?.email;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  return context.newPage();
}

async function signIn(page: Page, baseUrl: string, email: string, options: { axe?: boolean } = {}) {
  await page.goto(`${baseUrl}/staff/sign-in`);
  await expect.poll(() => page.getByRole('heading', { name: 'Sign in', level: 1 }).count()).toBe(1);
  if (options.axe) await expectNoAxeViolations(page, 'sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function enterCode(page: Page, secret: string) {
  await expect.poll(() => page.getByLabel('Code').count()).toBe(1);
  await page.getByLabel('Code').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Continue' }).click();
}

const signedIn = (page: Page) => page.getByRole('heading', { name: /^Hello, / }).count();

describe('Staff sign-in journeys', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('an EMHP signs in with a password and a code from their authenticator app', async () => {
    const page = await newPage(journey.browser);
    const errors = collectPageErrors(page);
    await signIn(page, journey.baseUrl, demoEmailFor('emhp'), { axe: true });
    await expect.poll(() => page.title()).toBe('Enter your code – Lantern');
    await expectNoAxeViolations(page, 'enter your code');
    await enterCode(page, secretOf(demoEmailFor('emhp')));
    await expect.poll(() => signedIn(page)).toBe(1);
    await expect.poll(() => page.getByText('Education Mental Health Practitioner').count()).toBe(1);
    await expectNoAxeViolations(page, 'staff home');
    expect(errors).toEqual([]);
  });

  it('a wrong password is told plainly, and keeps the email', async () => {
    const page = await newPage(journey.browser);
    await page.goto(`${journey.baseUrl}/staff/sign-in`);
    await page.getByLabel('Email address').fill(demoEmailFor('supervisor'));
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.locator('.nhsuk-error-summary').textContent())
      .toContain('The email address or password is not right.');
    expect(await page.getByLabel('Email address').inputValue()).toBe(demoEmailFor('supervisor'));
    await expectNoAxeViolations(page, 'sign in with error');
  });

  it('a new EMHP sets up an authenticator app and is shown recovery codes once', async () => {
    expect(unenrolledEmhp).toBeDefined();
    const page = await newPage(journey.browser);
    await signIn(page, journey.baseUrl, unenrolledEmhp ?? '');
    await expect.poll(() => page.title()).toBe('Set up an authenticator app – Lantern');
    const key = page.locator('.lantern-secret');
    await expect.poll(() => key.count()).toBe(1);
    await expect.poll(() => page.getByAltText('QR code to scan with your authenticator app').count()).toBe(1);
    await expectNoAxeViolations(page, 'set up app');
    await enterCode(page, (await key.textContent()) ?? '');
    await expect.poll(() => page.getByRole('heading', { name: 'Save your recovery codes' }).count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Recovery codes' }).locator('li').count()).toBe(10);
    await expectNoAxeViolations(page, 'recovery codes');
    await page.getByRole('link', { name: 'I have saved my codes' }).click();
    await expect.poll(() => signedIn(page)).toBe(1);
  });

  it('signing out everywhere ends the session on another device too', async () => {
    const phone = await newPage(journey.browser);
    const laptop = await newPage(journey.browser);
    for (const page of [phone, laptop]) {
      await signIn(page, journey.baseUrl, demoEmailFor('school-staff-referrer'));
      await expect.poll(() => signedIn(page)).toBe(1);
    }
    await laptop.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect.poll(() => laptop.getByRole('heading', { name: 'Sign in', level: 1 }).count()).toBe(1);
    await phone.reload();
    await expect.poll(() => phone.getByRole('heading', { name: 'Sign in', level: 1 }).count()).toBe(1);
  });

  it("an administrator deactivates an account and that person's next request is refused", async () => {
    const lead = await newPage(journey.browser);
    await signIn(lead, journey.baseUrl, demoEmailFor('senior-mental-health-lead'));
    await expect.poll(() => signedIn(lead)).toBe(1);

    const admin = await newPage(journey.browser);
    await signIn(admin, journey.baseUrl, demoEmailFor('system-administrator'));
    await enterCode(admin, secretOf(demoEmailFor('system-administrator')));
    await admin.getByRole('link', { name: 'Staff accounts' }).click();
    const leadName = staff.users.find(
      (u) => u.email === demoEmailFor('senior-mental-health-lead'),
    )?.displayName;
    const deactivate = admin.getByRole('button', { name: `Deactivate ${leadName}`, exact: true });
    await expect.poll(() => deactivate.count()).toBe(1);
    await expectNoAxeViolations(admin, 'staff accounts');
    await deactivate.click();
    await expect.poll(() => admin.getByRole('status').textContent()).toBe(`${leadName} is now deactivated.`);

    await lead.reload();
    await expect.poll(() => lead.getByRole('heading', { name: 'Sign in', level: 1 }).count()).toBe(1);

    // The administrator gives the same person a role in a team, then takes it away again.
    await admin.getByRole('link', { name: leadName ?? '' }).click();
    await expect.poll(() => admin.getByRole('heading', { name: leadName, level: 1 }).count()).toBe(1);
    await admin.getByLabel('Role', { exact: true }).selectOption({ label: 'Supervisor' });
    await admin
      .getByLabel('Team (optional)')
      .selectOption({ label: 'North Vale MHST (Mental Health Support Teams in Schools)' });
    await admin.getByRole('button', { name: 'Give role' }).click();
    await expect.poll(() => admin.getByRole('status').textContent()).toBe('Gave them the role Supervisor.');
    await expect.poll(() => admin.getByText('North Vale MHST', { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(admin, 'staff member');
    await admin.getByRole('button', { name: 'Remove Supervisor' }).click();
    await expect.poll(() => admin.getByText('North Vale MHST', { exact: true }).count()).toBe(0);

    await admin.getByRole('link', { name: 'Staff accounts' }).click();
    await admin.getByRole('link', { name: 'Your account' }).click();
    await admin.getByRole('link', { name: 'Teams' }).click();
    await expect.poll(() => admin.getByRole('cell', { name: 'North Vale MHST' }).count()).toBe(1);
    await expectNoAxeViolations(admin, 'teams');

    // A new starter: the administrator adds them, and they choose their own password at first sign-in.
    await admin.getByRole('link', { name: 'Your account' }).click();
    await admin.getByRole('link', { name: 'Staff accounts' }).click();
    await admin.getByRole('link', { name: 'Add a member of staff' }).click();
    await expectNoAxeViolations(admin, 'add a member of staff');
    await admin.getByLabel('Full name').fill('Robin Newstart');
    await admin.getByLabel('Work email address').fill('robin.newstart@demo.lantern.example');
    await admin.getByLabel('Role', { exact: true }).selectOption({ label: 'School staff referrer' });
    await admin.getByRole('button', { name: 'Add account' }).click();
    const password = admin.locator('.nhsuk-panel__body strong');
    await expect.poll(() => password.count()).toBe(1);
    await expectNoAxeViolations(admin, 'account added');
    const temporary = (await password.textContent()) ?? '';

    const starter = await newPage(journey.browser);
    await starter.goto(`${journey.baseUrl}/staff/sign-in`);
    await starter.getByLabel('Email address').fill('robin.newstart@demo.lantern.example');
    await starter.getByLabel('Password').fill(temporary);
    await starter.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => starter.title()).toBe('Choose a password – Lantern');
    await expectNoAxeViolations(starter, 'choose a password');
    await starter.getByLabel('New password').fill('kettle harbour violet lantern');
    await starter.getByRole('button', { name: 'Save password' }).click();
    await expect.poll(() => signedIn(starter)).toBe(1);
  });

  it('the privacy officer reads the access log, filtered to today', async () => {
    const page = await newPage(journey.browser);
    await signIn(page, journey.baseUrl, demoEmailFor('privacy-officer'));
    await enterCode(page, secretOf(demoEmailFor('privacy-officer')));
    await page.getByRole('link', { name: 'Access log' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Access log', level: 1 }).count()).toBe(1);
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    await page.getByLabel('From (date)').fill(today);
    await page.getByRole('button', { name: 'Show entries' }).click();
    // Reading the log is itself logged, so there is always at least that row.
    await expect.poll(() => page.getByRole('cell', { name: /access-log:search/ }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'access log');
  });
});
