import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arriveAt,
  birthdayForAge,
  choice,
  chooseFirstSchool,
  continueButton,
  fillDate,
  phonePage,
  pollPatiently,
  referencePattern,
  servicesThatFit,
} from './front-door-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

// A young person asks for help for themselves, on their own phone. Nothing a page title says gives
// away what they are asking for, in case someone else sees the tab.
describe('A young person asks for help for themselves', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  const discreet = /referral|mental health/i;

  /** Waits for the page and checks it with axe, and that its title gives nothing away. */
  async function visit(page: Page, title: string, titles: string[]) {
    const shown = await arriveAt(page, title);
    titles.push(shown);
    expect(shown, `title of ${page.url()}`).not.toMatch(discreet);
  }

  async function startAsSelf(page: Page, titles: string[], age: number) {
    await page.goto(`${journey.baseUrl}/refer`);
    await visit(page, 'Ask for help', titles);
    await page.getByRole('link', { name: 'I am asking for help for myself' }).click();
    await visit(page, 'What is your name?', titles);
    await page.getByLabel('First name').fill('Sky');
    await page.getByLabel('Last name').fill('Penhallow');
    await continueButton(page).click();
    await visit(page, 'What is your date of birth?', titles);
    await fillDate(page, birthdayForAge(age));
    await continueButton(page).click();
  }

  it('a 15-year-old in danger is told what to do now, and can still send it as urgent', async () => {
    const page = await phonePage(journey.browser);
    const errors = collectPageErrors(page);
    const titles: string[] = [];
    await startAsSelf(page, titles, 15);

    await visit(page, 'Which school or college do you go to?', titles);
    await chooseFirstSchool(page);
    await continueButton(page).click();

    await visit(page, 'How do you describe your gender?', titles);
    await page.getByLabel('Prefer not to say').check();
    await continueButton(page).click();

    await visit(page, 'What are you worried about?', titles);
    await page.getByLabel('Feeling low, sad or down').check();
    expect((await servicesThatFit(page, 'Who could help you')).length).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'worries with who could help');
    await continueButton(page).click();

    await visit(page, 'Tell us what is happening', titles);
    await page
      .getByLabel('Tell us what is happening')
      .fill('I feel empty all the time and I cannot see the point.');
    await continueButton(page).click();

    await visit(page, 'How long has this been going on?', titles);
    await choice(page, 'How long has this been going on?', 'A few weeks').check();
    await choice(
      page,
      'How much does it get in the way of your day?',
      'A lot: it is hard to get through the day',
    ).check();
    await continueButton(page).click();

    await visit(page, 'What have you tried so far?', titles);
    await continueButton(page).click();

    // "Yes" to danger now stops the form: what to do right now comes before anything else.
    await visit(page, 'Are you in danger right now?', titles);
    await page.getByLabel('Yes', { exact: true }).check();
    await continueButton(page).click();
    await visit(page, 'Get help now', titles);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Immediate action required: Please get help now');
    await expect.poll(() => page.getByText('Do not wait for us to reply.').count()).toBe(1);
    expect(await page.getByRole('link', { name: '999', exact: true }).getAttribute('href')).toBe('tel:999');
    expect(await page.getByRole('link', { name: 'NHS 111', exact: true }).getAttribute('href')).toBe(
      'tel:111',
    );
    await expect.poll(() => page.getByText('Childline: call').count()).toBe(1);
    // Nothing further on can be reached without choosing to go on.
    await page.goto(`${journey.baseUrl}/refer/self/other-risks`);
    await visit(page, 'Get help now', titles);
    await page.getByRole('button', { name: 'Send this request as urgent anyway' }).click();

    await visit(page, 'Keeping you safe', titles);
    await choice(page, 'Have you hurt yourself on purpose in the last few weeks?', 'No').check();
    await choice(page, 'Are you worried you might hurt someone else?', 'No').check();
    await continueButton(page).click();

    await visit(page, 'Can we contact you?', titles);
    await page.getByLabel('Yes, you can contact me').check();
    await page.getByLabel('I will decide later').check();
    await continueButton(page).click();

    await visit(page, 'How should we contact you?', titles);
    await page.getByLabel('Text message').check();
    await page.getByLabel('Phone number').fill('07700 900123');
    await choice(page, 'Can we leave a message, or say who we are?', 'No').check();
    await continueButton(page).click();

    await visit(page, 'Check your answers before you send them', titles);
    await expect.poll(() => page.getByRole('main').getByText('Sky Penhallow').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Send my request' }).click();

    await visit(page, 'Request sent', titles);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('We have got your request');
    await expect
      .poll(() => page.locator('.nhsuk-panel__body strong').textContent())
      .toMatch(referencePattern);
    await expect.poll(() => page.getByText('Urgent', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'What happens next' }).count()).toBe(1);
    await expect.poll(() => page.getByText(/We will contact you by text message/).count()).toBe(1);
    await expect.poll(() => page.getByText(/close this tab when you have finished/).count()).toBe(1);

    expect(titles.length).toBeGreaterThan(15);
    expect(titles.filter((title) => discreet.test(title))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('a 9-year-old is kindly told who can help instead, and cannot go on', async () => {
    const page = await phonePage(journey.browser);
    const titles: string[] = [];
    await startAsSelf(page, titles, 9);

    await visit(page, 'You cannot ask by yourself here yet', titles);
    await expect
      .poll(() => page.getByText(/You need to be 11 or older to ask for help by yourself/).count())
      .toBe(1);
    expect(await page.getByText(/You have done nothing wrong by trying/).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Who can help you' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '0800 1111' }).getAttribute('href')).toBe('tel:08001111');
    // No Continue button, and the next pages send them back here.
    expect(await continueButton(page).count()).toBe(0);
    await page.goto(`${journey.baseUrl}/refer/self/check-answers`);
    await visit(page, 'You cannot ask by yourself here yet', titles);

    // Back takes them to their date of birth, to correct it if it was a mistake.
    await page.getByRole('link', { name: 'Back' }).click();
    await visit(page, 'What is your date of birth?', titles);
    expect(await page.getByLabel('Year').inputValue()).toBe(birthdayForAge(9).year);
    await page.context().close();
  });
});
