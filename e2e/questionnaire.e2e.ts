import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { arriveAt, desktopPage, pollPatiently, signInStaff } from './front-door-helpers.js';
import { allocateToDemoPractitioner, bodyRows } from './mhst-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

// A practitioner makes a GAD-7 link for a young person on their caseload; the young person answers
// on their phone with nobody signed in and sees their progress in plain words; the practitioner
// sees the new score in the table and the chart.
describe('Questionnaires answered by link', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('a young person answers GAD-7 on their phone and the practitioner sees the score', async () => {
    const { reference } = await allocateToDemoPractitioner(journey);

    // The practitioner opens the young person's questionnaires and makes a link to give in person.
    const practitioner = await desktopPage(journey.browser);
    const staffErrors = collectPageErrors(practitioner);
    await signInStaff(practitioner, journey.baseUrl, demoEmailFor('emhp'));
    await practitioner.getByRole('link', { name: 'Your caseload' }).click();
    await arriveAt(practitioner, 'Your caseload');
    const caseload = practitioner.getByRole('table', { name: 'Young people allocated to you' });
    await caseload.locator('tbody tr', { hasText: reference }).getByRole('link').first().click();
    await arriveAt(practitioner, `Referral ${reference}`);
    await practitioner.getByRole('link', { name: 'Questionnaires and progress' }).click();
    await arriveAt(practitioner, 'Questionnaires and progress');
    expect(await practitioner.getByText('No questionnaires have been answered yet.').count()).toBe(1);
    await practitioner.getByLabel('Questionnaire', { exact: true }).first().selectOption('gad-7');
    await practitioner.getByLabel('No, I will give the link in person').check();
    await practitioner.getByRole('button', { name: 'Make the link' }).click();
    const linkBox = practitioner.getByLabel('Questionnaire link', { exact: true });
    await expect.poll(() => linkBox.count()).toBe(1);
    const link = await linkBox.inputValue();
    expect(link).toMatch(/\/questionnaire\/[A-Za-z0-9_-]{43}$/);
    expect(await practitioner.getByText('This link will not be shown again').count()).toBe(1);
    await expectNoAxeViolations(practitioner, 'the link, shown once');
    await practitioner.getByRole('button', { name: 'Done' }).click();
    const links = practitioner.getByRole('table', { name: 'Questionnaire links, newest first' });
    await expect
      .poll(async () => (await bodyRows(links)).first().innerText())
      .toContain('Waiting for answers');

    // The young person opens it on their phone, in a browser nobody is signed in to.
    const phone = await journey.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const young = await phone.newPage();
    const youngErrors = collectPageErrors(young);
    await young.goto(link);
    await arriveAt(young, 'A few questions');
    const text = await young.locator('main').innerText();
    expect(text).not.toContain(reference);
    // Sending with nothing chosen lists every question, each linking to its answers.
    await young.getByRole('button', { name: 'Send my answers' }).click();
    const summary = young.locator('.nhsuk-error-summary');
    await expect.poll(() => summary.getByRole('link').count()).toBe(7);
    await expectNoAxeViolations(young, 'questions with errors');
    await summary.getByRole('link', { name: 'Choose an answer for question 1' }).click();
    const groups = young.getByRole('group');
    expect(await groups.count()).toBe(7);
    const picks = [
      'Nearly every day',
      'Several days',
      'Not at all',
      'Not at all',
      'Several days',
      'Not at all',
      'Not at all',
    ];
    for (const [index, label] of picks.entries()) {
      await groups.nth(index).getByLabel(label, { exact: true }).check();
    }
    await young.getByRole('button', { name: 'Send my answers' }).click();
    await arriveAt(young, 'Thank you');
    const words = await young.locator('main').innerText();
    expect(words).toContain('This is your first one. Your practitioner will talk it through with you.');
    expect(words).toContain('If you need help now');
    expect(words).not.toMatch(/mild|moderate|severe|minimal/i);
    expect(await young.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Nothing went wrong on the way: the page itself is sent with status 200 (the secret is masked
    // only in logs, never when deciding whether the path is a page).
    expect(youngErrors).toEqual([]);
    // The link works once.
    await young.goto(link);
    await arriveAt(young, 'This link does not work');
    await phone.close();

    // The practitioner sees the new score: a headline, the chart and the table.
    await practitioner.reload();
    await arriveAt(practitioner, 'Questionnaires and progress');
    await expect
      .poll(() => practitioner.getByRole('heading', { name: 'GAD-7 (self): 5, the first score' }).count())
      .toBe(1);
    const chart = practitioner.getByRole('img', { name: /^Chart: GAD-7 \(self\): 5/ });
    expect(await chart.count()).toBe(1);
    const table = practitioner.getByRole('table', { name: 'GAD-7 (Young person): scores, oldest first' });
    const row = (await bodyRows(table)).first();
    expect(await row.innerText()).toMatch(/5[\s\S]*Mild[\s\S]*By link/);
    await expect.poll(async () => (await bodyRows(links)).first().innerText()).toContain('Answered');
    await expectNoAxeViolations(practitioner, 'questionnaires with a score');
    expect(staffErrors).toEqual([]);
  }, 240_000);

  it('a clinical lead loads a licensed definition file, and sees every problem in a broken one', async () => {
    const fixture = readFileSync(
      new URL('../src/domain/measures/fixtures/fake-licensed.json', import.meta.url),
      'utf8',
    );
    const broken = JSON.parse(fixture);
    broken.items[2].options = [];
    delete broken.version;
    const lead = await desktopPage(journey.browser);
    const errors = collectPageErrors(lead);
    await signInStaff(lead, journey.baseUrl, demoEmailFor('mhst-clinical-lead'));
    await lead.getByRole('link', { name: 'Licensed questionnaires' }).click();
    await arriveAt(lead, 'Licensed questionnaires');
    const definition = lead.getByLabel('Or paste the definition');
    await definition.fill(JSON.stringify(broken));
    await lead.getByRole('button', { name: 'Load questionnaire' }).click();
    const summary = lead.locator('.nhsuk-error-summary');
    await expect.poll(() => summary.getByRole('link').count()).toBe(3);
    const lines = await summary.getByRole('link').allInnerTexts();
    expect(lines.join('\n')).toMatch(/version:/);
    expect(lines.join('\n')).toMatch(/items\.2\.options: must have at least 2 answer options/);
    await expectNoAxeViolations(lead, 'a broken definition file');
    await definition.fill(fixture);
    await lead.getByRole('button', { name: 'Load questionnaire' }).click();
    await expect
      .poll(() => lead.locator('.nhsuk-notification-banner').textContent())
      .toContain('fictional-wobble-4 version 0.1-test loaded');
    const table = lead.getByRole('table', { name: 'Loaded questionnaires, oldest first' });
    const row = (await bodyRows(table)).first();
    expect(await row.innerText()).toContain('In use');
    await expectNoAxeViolations(lead, 'a licensed questionnaire loaded');
    await row.getByRole('button', { name: /^Withdraw/ }).click();
    await expect.poll(() => row.innerText()).toContain('Withdrawn');
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  }, 120_000);
});
