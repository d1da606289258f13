import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import {
  arriveAt,
  birthdayForAge,
  choice,
  chooseFirstSchool,
  continueButton,
  desktopPage,
  fillDate,
  phonePage,
  pollPatiently,
  referencePattern,
  servicesThatFit,
  signInStaff,
  unexpected,
} from './front-door-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

// A parent asks for help for their child on a phone, one question a page, sees which services
// fit, checks their answers and sends. A send whose answer was lost is retried and makes one referral.
describe('A parent asks for help for their child', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  const child = { givenName: 'Jo', familyName: 'Quillfeather' };

  /** From /refer to "Check your answers", checking each page with axe on the way. */
  async function answerEveryQuestion(page: Page) {
    await page.goto(`${journey.baseUrl}/refer`);
    await arriveAt(page, 'Ask for help');
    await page.getByRole('link', { name: 'I am a parent or carer' }).click();

    await arriveAt(page, 'About you');
    await page.getByLabel('Your full name').fill('Alex Quillfeather');
    await page.getByLabel('How are you related to the child or young person?').fill('Mother');
    await continueButton(page).click();

    await arriveAt(page, 'What is the name of the child or young person?');
    await page.getByLabel('First name').fill(child.givenName);
    await page.getByLabel('Last name').fill(child.familyName);
    await continueButton(page).click();

    await arriveAt(page, 'What is their date of birth?');
    await fillDate(page, birthdayForAge(13));
    await continueButton(page).click();

    await arriveAt(page, 'Which school or college do they go to?');
    const school = await chooseFirstSchool(page);
    await continueButton(page).click();

    await arriveAt(page, 'How do they describe their gender?');
    await page.getByLabel('Female', { exact: true }).check();
    await continueButton(page).click();

    // The thresholds panel shows which services fit this age, school and first worry, and why.
    await arriveAt(page, 'What are the worries about?', 'worries (empty)');
    await expect
      .poll(() => page.getByText('Choose a worry to see which services could help.').count())
      .toBe(1);
    await page.getByLabel('Feeling worried, anxious or panicky').check();
    const fits = await servicesThatFit(page, 'Services that could help');
    expect(fits.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText('the first worry chosen (feeling worried, anxious or panicky)').count())
      .toBe(1);
    await expect
      .poll(() =>
        page.getByRole('group', { name: 'Do you think one of these fits best? (optional)' }).count(),
      )
      .toBe(1);
    await expectNoAxeViolations(page, 'worries with the thresholds panel');
    await continueButton(page).click();

    await arriveAt(page, 'Tell us what is happening');
    await page
      .getByLabel('Tell us what is happening')
      .fill('Since moving school she worries all day and has stopped sleeping.');
    await continueButton(page).click();

    await arriveAt(page, 'How long has this been going on?');
    await choice(page, 'How long has this been going on?', 'A few months').check();
    await choice(page, 'How much does it affect their daily life?', 'Quite a lot').check();
    await continueButton(page).click();

    await arriveAt(page, 'What has been tried so far?');
    await continueButton(page).click();

    await arriveAt(page, 'Is their life at risk right now?');
    await page.getByLabel('No', { exact: true }).check();
    await continueButton(page).click();

    await arriveAt(page, 'Keeping them safe');
    await choice(page, 'Have they hurt themselves on purpose recently?', 'No').check();
    await choice(page, 'Are you worried they might hurt someone else?', 'No').check();
    await continueButton(page).click();

    await arriveAt(page, 'Your agreement');
    await page.getByLabel('Yes, I have parental responsibility and I agree').check();
    await page.getByLabel('Yes, they know and agree').check();
    await continueButton(page).click();

    await arriveAt(page, 'How should we contact you?');
    await page.getByLabel('Email', { exact: true }).check();
    await page.getByLabel('Email address').fill('alex.quillfeather@example.com');
    await continueButton(page).click();

    await arriveAt(page, 'Check your answers before sending');
    return { school, fits };
  }

  it('on a phone, answers each question, sees the services that fit, sends once even when retried', async () => {
    const page = await phonePage(journey.browser);
    const errors = collectPageErrors(page);
    const { school } = await answerEveryQuestion(page);

    // Check your answers: every answer, with a way to change it, and the services folded away.
    const main = page.getByRole('main');
    await expect
      .poll(() => main.getByText(`${child.givenName} ${child.familyName}`).count())
      .toBeGreaterThan(0);
    await expect.poll(() => main.getByText(school, { exact: true }).count()).toBe(1);
    await expect.poll(() => main.getByText('alex.quillfeather@example.com').count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: /^Change / }).count()).toBeGreaterThan(10);
    await expect.poll(() => page.getByText(/^Services that could help \(\d+\)$/).count()).toBe(1);

    // The first send reaches Lantern, but its answer is lost on the way back (a train tunnel).
    let firstReference = '';
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/referrals/public')) {
        posts.push(request.headers()['idempotency-key'] ?? '');
      }
    });
    await page.route(
      '**/api/referrals/public',
      async (route) => {
        const response = await route.fetch();
        expect(response.status()).toBe(201);
        firstReference = ((await response.json()) as { reference: string }).reference;
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    const send = page.getByRole('button', { name: 'Send request' });
    await send.click();
    await expect
      .poll(() => page.locator('.nhsuk-error-summary').textContent())
      .toContain('We could not send it. Check your internet connection and try again.');
    await expect.poll(() => page.title()).toBe('Error: Check your answers before sending – Lantern');
    expect(firstReference).toMatch(referencePattern);
    await expectNoAxeViolations(page, 'check answers after a failed send');

    // They press Send again, twice in a hurry.
    await send.dblclick();
    await expect.poll(() => page.title()).toBe('Request sent – Lantern');
    const reference = page.locator('.nhsuk-panel__body strong');
    await expect.poll(() => reference.textContent()).toBe(firstReference);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Referral received');
    await expect.poll(() => page.getByRole('heading', { name: 'What happens next' }).count()).toBe(1);
    expect(
      await page
        .getByRole('listitem')
        .filter({ hasText: /will look at it by/ })
        .count(),
    ).toBe(1);
    expect(page.url()).toBe(`${journey.baseUrl}/refer/parent/done`);
    await expectNoAxeViolations(page, 'request sent');
    // Every attempt carried the same key, so Lantern answered the retry with the first referral.
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(posts).size).toBe(1);
    // The answers are gone from the tab once sent.
    expect(await page.evaluate(() => sessionStorage.getItem('lantern.refer.parent'))).toBeNull();
    expect(unexpected(errors, /ERR_CONNECTION_RESET|Failed to fetch/)).toEqual([]);

    // At the single point of access there is one referral for this child, not two.
    const clinician = await desktopPage(journey.browser);
    await signInStaff(clinician, journey.baseUrl, demoEmailFor('spa-clinician'));
    await clinician.getByRole('link', { name: 'Triage queue' }).click();
    await arriveAt(clinician, 'Triage queue');
    const rows = clinician.getByRole('link', { name: new RegExp(`${child.givenName} ${child.familyName}$`) });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.textContent()).toContain(firstReference);
    await clinician.context().close();
    await page.context().close();
  }, 180_000);

  it('an impossible date of birth is named in the error summary, which links to the field', async () => {
    const page = await phonePage(journey.browser);
    await page.goto(`${journey.baseUrl}/refer`);
    await page.getByRole('link', { name: 'I am a parent or carer' }).click();
    await arriveAt(page, 'About you');
    await page.getByLabel('Your full name').fill('Sam Ortiz');
    await page.getByLabel('How are you related to the child or young person?').fill('Father');
    await continueButton(page).click();
    await arriveAt(page, 'What is the name of the child or young person?');
    await page.getByLabel('First name').fill('Mia');
    await page.getByLabel('Last name').fill('Ortiz');
    await continueButton(page).click();
    await arriveAt(page, 'What is their date of birth?');

    await fillDate(page, { day: '30', month: '2', year: '2013' });
    await continueButton(page).click();
    await expect.poll(() => page.title()).toBe('Error: What is their date of birth? – Lantern');
    const summary = page.locator('.nhsuk-error-summary');
    await expect.poll(() => summary.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
    const link = summary.getByRole('link', { name: 'Date of birth must be a real date, such as 27 3 2012' });
    await expect.poll(() => link.count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toContain('nhsuk-error-summary');
    // The same message sits by the field, and the answer is kept to be corrected.
    await expect
      .poll(() => page.locator('#dobDay-error').textContent())
      .toBe('Error: Date of birth must be a real date, such as 27 3 2012');
    expect(await page.getByLabel('Day').inputValue()).toBe('30');
    await expectNoAxeViolations(page, 'date of birth with an error');

    await link.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('dobDay');

    await page.getByLabel('Day').fill('28');
    await continueButton(page).click();
    await arriveAt(page, 'Which school or college do they go to?');
    await page.context().close();
  });
});
