import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../src/access/scope.js';
import type { LanternDb } from '../src/db/client.js';
import { onlineServices } from '../src/db/schema/online.js';
import { withScope } from '../src/db/scoped.js';
import { londonWallClock } from '../src/domain/organisations/opening-hours.js';
import { demoOnlineService } from '../src/test-support/online.js';
import { arriveAt, choice, pollPatiently } from './front-door-helpers.js';
import { expectFitsPhone, youngPersonPhone } from './online-helpers.js';
import { collectPageErrors, type Journey, startJourney } from './support.js';

// A young person finds Lantern Online from the home page on their phone while it is closed: they
// are told when it opens and where to get help now; they make an account and land in their space,
// sign out and back in. A 9-year-old and a 22-year-old are kindly shown other help instead.

/** Opens the demo service only on the day after tomorrow, so it is closed whenever the journey runs. */
async function closedNow(db: LanternDb) {
  const service = await demoOnlineService(db);
  const today = londonWallClock(new Date()).dayOfWeek;
  const openingHours = [{ dayOfWeek: ((today + 1) % 7) + 1, opens: '12:00', closes: '22:00' }];
  await withScope(db, systemScope('journey: online service closed now'), (tx) =>
    tx.update(onlineServices).set({ openingHours }).where(eq(onlineServices.id, service.id)),
  );
}

const closedSentence = /We're closed\. We open (on \w+day|tomorrow) at midday\./;

async function expectHelpNow(page: Page) {
  const help = page.locator('.nhsuk-card--care', { hasText: 'If you need help now' });
  const text = await help.innerText();
  for (const expected of ['999', '111', 'Childline', '0800 1111', 'Shout', '85258'])
    expect(text).toContain(expected);
}

async function fillSignUp(page: Page, answers: { username: string; age: string }) {
  await page.getByLabel('Make up a username').fill(answers.username);
  await page.getByLabel('Choose a password').fill('purple-toast-river-42');
  await page.getByLabel('How old are you?').fill(answers.age);
  await choice(page, 'What is your gender?', 'I describe it another way').check();
  await page.getByLabel('How do you describe your gender?').fill('Gender fluid');
  await choice(page, 'How did you hear about Lantern Online?', 'A friend').check();
}

describe('Signing up to Lantern Online on a phone', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney({ prepare: (database) => closedNow(database.db) });
  });
  afterAll(() => journey?.close());

  it('out of hours, a young person is told when it opens and how to get help now, then signs up', async () => {
    const page = await youngPersonPhone(journey.browser);
    const errors = collectPageErrors(page);

    // From the home page to Lantern Online.
    await page.goto(journey.baseUrl);
    await arriveAt(page, 'Mental health support for children and young people');
    await page.getByRole('link', { name: 'Lantern Online: talk to someone' }).click();
    await arriveAt(page, 'Lantern Online: talk to someone');
    await expect.poll(() => page.getByTestId('online-open-now').innerText()).toMatch(closedSentence);
    await expectHelpNow(page);
    await expectFitsPhone(page, '/online');

    // The API says the same to anyone.
    const status = await (await page.request.get(`${journey.baseUrl}/api/online/status`)).json();
    expect(status.isOpen).toBe(false);
    expect(status.sentence).toMatch(closedSentence);
    expect(Date.parse(status.opensAt)).toBeGreaterThan(Date.now());
    expect(status.crisisContacts.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['NHS 111', 'Childline', 'Shout']),
    );

    // An empty form lists every missing answer at the top.
    await page.getByRole('link', { name: 'Make an account', exact: true }).click();
    await arriveAt(page, 'Make an account');
    expect(await page.getByText('Do not use your real name', { exact: false }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Make my account' }).click();
    await arriveAt(page, 'Error: Make an account', 'sign-up with errors');
    const summary = await page.locator('.nhsuk-error-summary').innerText();
    expect(summary).toContain('Your username must be between 3 and 20 characters long');
    expect(summary).toContain('Enter your age in years');
    expect(summary).toContain('Choose how you heard about us');

    // Filled in, they land in their own space.
    const username = `otter-${Math.random().toString(36).slice(2, 8)}`;
    await fillSignUp(page, { username, age: '14' });
    await page.getByRole('button', { name: 'Make my account' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/online/my-space');
    await arriveAt(page, 'Your space');
    const space = await page.locator('main').innerText();
    expect(space).toContain(`Hello, ${username}`);
    expect(space).toContain('Only you can read your journal. Your counsellor can see your moods and goals.');
    for (const place of [
      'Chat to a counsellor',
      'Messages',
      'Your booked chats',
      'Self-help',
      'Your journal',
      'Your moods',
      'Your goals',
    ]) {
      expect(await page.getByRole('link', { name: place, exact: true }).count(), place).toBe(1);
    }
    await expectHelpNow(page);
    await expectFitsPhone(page, '/online/my-space');

    // They sign out, and back in with the same username in other capitals.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await arriveAt(page, 'Lantern Online: talk to someone', '/online after signing out');
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await arriveAt(page, 'Sign in to Lantern Online');
    await page.getByLabel('Username').fill(username.toUpperCase());
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await arriveAt(page, 'Error: Sign in to Lantern Online', 'sign-in with a wrong password');
    expect(await page.locator('.nhsuk-error-summary').innerText()).toContain(
      'That username or password is not right',
    );
    await page.getByLabel('Password').fill('purple-toast-river-42');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await arriveAt(page, 'Your space', 'space after signing in again');
    // Only the signed-out visitor's checks and the wrong password answered with errors.
    expect(errors.filter((e) => !/status of 40[13]/.test(e))).toEqual([]);
  }, 240_000);

  it('a 9-year-old and a 22-year-old are kindly shown other help, and no account is made', async () => {
    for (const [age, shows, hides] of [
      ['9', 'Childline', 'Samaritans'],
      ['22', 'Samaritans', 'Childline'],
    ] as const) {
      const page = await youngPersonPhone(journey.browser);
      const errors = collectPageErrors(page);
      await page.goto(`${journey.baseUrl}/online/sign-up`);
      await arriveAt(page, 'Make an account', `sign-up (age ${age})`);
      await fillSignUp(page, { username: `young-${age}-${Math.random().toString(36).slice(2, 6)}`, age });
      await page.getByRole('button', { name: 'Make my account' }).click();
      await arriveAt(page, 'Other places to get help', `other support (age ${age})`);
      const text = await page.locator('main').innerText();
      expect(text).toContain('Lantern Online is for young people aged 11 to 19');
      expect(text).toContain(shows);
      expect(text).not.toContain(hides);
      for (const expected of ['999', 'Shout', '85258', 'NHS 111', 'doctor (GP)'])
        expect(text).toContain(expected);
      if (age === '22') expect(text).toContain('NHS Talking Therapies');
      if (age === '9') expect(text).toContain('0800 1111');
      await expectFitsPhone(page, `other support (age ${age})`);
      const me = await page.request.get(`${journey.baseUrl}/api/online/me`);
      expect(me.status()).toBe(401);
      expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    }
  }, 240_000);
});
