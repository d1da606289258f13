import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../src/access/scope.js';
import type { Database } from '../src/db/client.js';
import { outboxMessages } from '../src/db/schema/outbox.js';
import { withScope } from '../src/db/scoped.js';
import { arriveAt, pollPatiently } from './front-door-helpers.js';
import { expectFitsPhone, startOnlineJourney, youngPersonPhone } from './online-helpers.js';
import { collectPageErrors, type Journey } from './support.js';

// A young person on their phone forgot their password. They ask for a link from the sign-in page,
// the link comes to the recovery email they gave at sign-up, and they choose a new password with
// it. The link's secret never stays in the address bar, and the link works only once.
describe('Getting back into an online support account on a phone', () => {
  let journey: Journey;
  let database: Database | undefined;

  beforeAll(async () => {
    pollPatiently();
    journey = await startOnlineJourney({
      prepare: async (db) => {
        database = db;
      },
    });
  });
  afterAll(() => journey?.close());

  /** The link in the newest message to this address, as the young person would tap it. */
  async function linkSentTo(recipient: string): Promise<string> {
    if (!database) throw new Error('no database');
    const messages = await withScope(database.db, systemScope('e2e reads the outbox'), (tx) =>
      tx.select().from(outboxMessages).where(eq(outboxMessages.recipient, recipient)),
    );
    expect(messages).toHaveLength(1);
    return (messages[0]?.personalisation as { link?: string } | undefined)?.link ?? '';
  }

  it('asks for a link, chooses a new password with it, and signs in with the new password', async () => {
    const username = `wren-${Math.random().toString(36).slice(2, 8)}`;
    const email = `${username}@example.com`;
    // Signed up (and so signed in) on another phone, whose session a new password ends.
    const other = await youngPersonPhone(journey.browser);
    const signedUp = await other.request.post(`${journey.baseUrl}/api/online/accounts`, {
      data: {
        username,
        password: 'old-password-here',
        age: 14,
        gender: 'boy',
        heardFrom: 'friend',
        recoveryEmail: email,
      },
    });
    expect(signedUp.status()).toBe(200);

    const page = await youngPersonPhone(journey.browser);
    const errors = collectPageErrors(page);
    await page.goto(`${journey.baseUrl}/online/sign-in`);
    await arriveAt(page, 'Sign in to Lantern Online');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await arriveAt(page, 'Forgot your password?');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await arriveAt(page, 'Error: Forgot your password?', 'forgot password with no username');
    expect(await page.locator('.nhsuk-error-summary').innerText()).toContain('Enter your username');
    await page.getByLabel('Your username').fill(username);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await arriveAt(page, 'Check your email or phone');
    const sent = await page.locator('main').innerText();
    expect(sent).toContain(
      'If that account has a recovery email or phone number, we have sent a link to it.',
    );
    expect(sent).toContain('If you did not give a recovery email or phone, we cannot send a link.');
    expect(await page.getByRole('link', { name: 'make a new account' }).count()).toBe(1);
    await expectFitsPhone(page, 'link sent');

    const link = await linkSentTo(email);
    expect(link).toMatch(/\/online\/new-password#[\w-]{40,}$/);
    await page.goto(link);
    await arriveAt(page, 'Choose a new password');
    // The secret is taken out of the address bar at once.
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    expect(new URL(page.url()).pathname).toBe('/online/new-password');
    await page.getByLabel('New password', { exact: true }).fill('purple-toast-river');
    await page.getByLabel('Type your new password again').fill('purple-toast-rivers');
    await page.getByRole('button', { name: 'Change my password' }).click();
    await arriveAt(page, 'Error: Choose a new password', 'passwords that do not match');
    expect(await page.locator('.nhsuk-error-summary').innerText()).toContain('The passwords do not match');
    await page.getByLabel('Type your new password again').fill('purple-toast-river');
    await page.getByRole('button', { name: 'Change my password' }).click();
    await arriveAt(page, 'Your password is changed');
    await expectFitsPhone(page, 'password changed');

    // The other phone is signed out; the new password signs in here.
    expect((await other.request.get(`${journey.baseUrl}/api/online/me`)).status()).toBe(401);
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await arriveAt(page, 'Sign in to Lantern Online', 'sign in after a new password');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('purple-toast-river');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await arriveAt(page, 'Your space', 'space after a new password');

    // The same link a second time does not work.
    const again = await youngPersonPhone(journey.browser);
    await again.goto(link);
    await arriveAt(again, 'Choose a new password', 'used link');
    await again.getByLabel('New password', { exact: true }).fill('another-long-password');
    await again.getByLabel('Type your new password again').fill('another-long-password');
    await again.getByRole('button', { name: 'Change my password' }).click();
    await arriveAt(again, 'This link does not work');
    expect(await again.getByRole('link', { name: 'Ask for a new link' }).count()).toBe(1);
    // Only the signed-out visitor's checks answered with errors.
    expect(errors.filter((e) => !/status of 40[13]/.test(e))).toEqual([]);
  }, 240_000);
});
