import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONLINE_COOKIE, type YoungPersonSession, youngPersonSession } from '../src/test-support/online.js';
import { arriveAt, desktopPage, pollPatiently, signInStaff } from './front-door-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

const COUNSELLOR = 'online-counsellor@demo.lantern.example';
const DUTY_SENIOR = 'online-duty-senior@demo.lantern.example';

/** A phone signed in as a young person made straight in the database (by its cookie). */
async function youngPersonPhone(
  browser: Browser,
  baseUrl: string,
  session: YoungPersonSession,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
  });
  await context.addCookies([
    { name: ONLINE_COOKIE, value: session.token, url: baseUrl, httpOnly: true, sameSite: 'Strict' },
  ]);
  return context.newPage();
}

async function expectNoSidewaysScroll(page: Page, label: string) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${label} scrolls sideways`,
  ).toBeLessThanOrEqual(375);
}

const banner = (page: Page) => page.locator('.nhsuk-notification-banner');

// A counsellor writes a self-help article and sends it for review; a duty senior (someone else)
// publishes it; a young person on a phone reads it, then writes in their journal, records a mood,
// and sets a goal and rates it.
describe('Self-help', () => {
  let journey: Journey;
  let youngPerson: YoungPersonSession;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney({
      prepare: async (database) => {
        youngPerson = await youngPersonSession(database.db, { age: 13 });
      },
    });
  }, 120_000);
  afterAll(() => journey?.close());

  it('an article is written, reviewed by someone else and read; journal, mood and goals are used', async () => {
    const title = 'Five minutes of calm';
    const paragraphs = [
      'When you feel stressed, your body speeds up. Slowing down your breathing can help.',
      'Breathe in while you count to four. Breathe out while you count to six. Try it five times.',
    ];

    // The counsellor writes it and sends it for review.
    const counsellor = await desktopPage(journey.browser);
    const errors = collectPageErrors(counsellor);
    await signInStaff(counsellor, journey.baseUrl, COUNSELLOR);
    await counsellor.goto(`${journey.baseUrl}/staff/online/articles`);
    await arriveAt(counsellor, 'Self-help articles');
    await counsellor.getByRole('link', { name: 'Write an article' }).click();
    await arriveAt(counsellor, 'Write an article');
    await counsellor.getByLabel('Title').fill(title);
    await counsellor.getByLabel('Summary').fill('A quick breathing exercise for stressful moments.');
    await counsellor.getByLabel('Topic').selectOption('anxiety');
    await counsellor.getByLabel('Article', { exact: true }).fill(paragraphs.join('\n\n'));
    await counsellor.getByRole('button', { name: 'Save draft' }).click();
    await arriveAt(counsellor, title, 'a new draft');
    await counsellor.getByRole('button', { name: 'Send for review' }).click();
    await expect.poll(() => banner(counsellor).textContent()).toContain('Sent for review');
    expect(await counsellor.getByRole('heading', { name: 'Review' }).count()).toBe(0);
    await expectNoAxeViolations(counsellor, 'an article waiting for review, as its writer');

    // A duty senior, in another browser, publishes it.
    const senior = await desktopPage(journey.browser);
    const seniorErrors = collectPageErrors(senior);
    await signInStaff(senior, journey.baseUrl, DUTY_SENIOR);
    await senior.goto(`${journey.baseUrl}/staff/online/articles`);
    await arriveAt(senior, 'Self-help articles');
    await senior.getByRole('link', { name: title }).click();
    await arriveAt(senior, title, 'an article to review');
    await senior.getByLabel('Publish it').check();
    await senior.getByRole('button', { name: 'Save review' }).click();
    await expect.poll(() => banner(senior).textContent()).toContain('Published');
    await expectNoAxeViolations(senior, 'a published article, as its reviewer');

    // A young person on a phone finds and reads it.
    const phone = await youngPersonPhone(journey.browser, journey.baseUrl, youngPerson);
    const phoneErrors = collectPageErrors(phone);
    await phone.goto(`${journey.baseUrl}/online/self-help`);
    await arriveAt(phone, 'Self-help');
    await phone.getByRole('link', { name: 'Worry and anxiety' }).click();
    await phone.getByRole('link', { name: title }).click();
    await arriveAt(phone, title, 'the article on a phone');
    for (const paragraph of paragraphs) expect(await phone.getByText(paragraph).count()).toBe(1);
    expect(await phone.getByText('If someone is in danger right now').count()).toBe(1);
    await expectNoSidewaysScroll(phone, 'the article');

    // They write in their journal.
    await phone.goto(`${journey.baseUrl}/online/journal`);
    await arriveAt(phone, 'Your journal');
    const thought = 'Tried the breathing before maths. It helped a bit.';
    await phone.getByLabel('What is on your mind?').fill(thought);
    await phone.getByRole('button', { name: 'Save in my journal' }).click();
    await expect.poll(() => banner(phone).textContent()).toContain('Saved in your journal.');
    await expect.poll(() => phone.getByText(thought).count()).toBe(1);
    await expectNoAxeViolations(phone, 'the journal with an entry');
    await expectNoSidewaysScroll(phone, 'the journal');

    // They say how they feel today.
    await phone.goto(`${journey.baseUrl}/online/mood`);
    await arriveAt(phone, 'How you feel');
    await phone.getByLabel('Good', { exact: true }).check();
    await phone.getByRole('button', { name: 'Save my mood' }).click();
    await expect.poll(() => banner(phone).textContent()).toContain('You feel good today.');
    await expect
      .poll(() =>
        phone.getByText('You said how you felt on 1 of the last 14 days.', { exact: false }).count(),
      )
      .toBe(1);
    await expect.poll(() => phone.getByRole('img', { name: /^Chart of your mood/ }).count()).toBe(1);
    await expectNoAxeViolations(phone, 'the mood page with a mood');
    await expectNoSidewaysScroll(phone, 'the mood page');

    // They set a goal and rate it.
    await phone.goto(`${journey.baseUrl}/online/goals`);
    await arriveAt(phone, 'Your goals');
    const goal = 'Use the breathing before every test';
    await phone.getByLabel('Your new goal').fill(goal);
    await phone.getByRole('button', { name: 'Save goal' }).click();
    const card = phone.locator('article', { hasText: goal });
    await expect.poll(() => card.count()).toBe(1);
    await card.getByLabel('How close are you now?').selectOption('6');
    await card.getByRole('button', { name: /^Save rating/ }).click();
    await expect.poll(() => card.getByText('You rated this goal 6 out of 10.').count()).toBe(1);
    await expectNoAxeViolations(phone, 'the goals page with a rated goal');
    await expectNoSidewaysScroll(phone, 'the goals page');

    expect([...errors, ...seniorErrors, ...phoneErrors]).toEqual([]);
  }, 300_000);
});
