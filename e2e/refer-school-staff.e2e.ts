import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmailFor } from '../src/demo/demo-staff.js';
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
  signInStaff,
  summaryRows,
} from './front-door-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

// A teacher refers a pupil from their phone between lessons: the referral is a draft on the server,
// so they can stop, come back later on another device, finish it and follow what happens to it.
describe('School staff refer a pupil', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  const email = demoEmailFor('school-staff-referrer');
  const pupil = 'Kai Brackenridge';

  it('starts a referral, leaves it, comes back to the draft, sends it and sees it on their list', async () => {
    // Signs in (no second factor for school staff) and starts a referral.
    const first = await phonePage(journey.browser);
    const errors = collectPageErrors(first);
    await signInStaff(first, journey.baseUrl, email);
    await first.getByRole('link', { name: 'Referrals you made' }).click();
    await arriveAt(first, 'Referrals you made', 'referrals you made (none yet)');
    await expect.poll(() => first.getByText('You have not made any referrals yet.').count()).toBe(1);
    await first.getByRole('link', { name: 'Make a new referral' }).click();
    await arriveAt(first, 'Refer a child or young person');
    await first.getByLabel('School or college staff').check();
    await first.getByRole('button', { name: 'Start a referral' }).click();

    await arriveAt(first, 'About you');
    expect(first.url()).toMatch(/\/staff\/refer\/[0-9a-f-]{36}\/about-you$/);
    // Who they are is filled in from their account.
    expect(await choice(first, 'Who are you referring as?', 'School or college staff').isChecked()).toBe(
      true,
    );
    expect(await first.getByLabel('Your work email address').inputValue()).toBe(email);
    await first.getByLabel('Your role').fill('Designated safeguarding lead');
    await first.getByLabel('Your school or organisation').fill('Birchfield Academy');
    await continueButton(first).click();

    await arriveAt(first, 'What is the name of the child or young person?');
    await first.getByLabel('First name').fill('Kai');
    await first.getByLabel('Last name').fill('Brackenridge');
    await continueButton(first).click();
    await arriveAt(first, 'What is their date of birth?');
    expect(errors).toEqual([]);
    // The bell goes: they close the browser without finishing.
    await first.context().close();

    // Later, on another phone, the draft is waiting for them.
    const page = await phonePage(journey.browser);
    await signInStaff(page, journey.baseUrl, email);
    await page.goto(`${journey.baseUrl}/staff/refer`);
    await arriveAt(page, 'Refer a child or young person', 'refer, with a draft');
    const drafts = page.getByRole('table', { name: 'Referrals you have started' });
    await expect.poll(() => drafts.getByRole('cell', { name: pupil, exact: true }).count()).toBe(1);
    await page.getByRole('link', { name: `Continue the referral for ${pupil}` }).click();

    // Carried on from the first question not yet answered.
    await arriveAt(page, 'What is their date of birth?', 'date of birth, after coming back');
    await fillDate(page, birthdayForAge(13));
    await continueButton(page).click();

    await arriveAt(page, 'What is their NHS number?');
    await page.getByLabel('NHS number (optional)').fill('943 476 5919');
    await continueButton(page).click();

    await arriveAt(page, 'How do they describe their gender?');
    await page.getByLabel('Male', { exact: true }).check();
    await continueButton(page).click();

    await arriveAt(page, 'What is their ethnic group?');
    await continueButton(page).click();

    await arriveAt(page, 'Which school or college do they go to?');
    const school = await chooseFirstSchool(page);
    await continueButton(page).click();

    await arriveAt(page, 'Which GP practice are they registered with?');
    await continueButton(page).click();

    await arriveAt(page, 'Their parents and carers');
    await page.getByRole('button', { name: 'Add a parent or carer' }).click();
    await page.getByLabel('Full name').fill('Dana Brackenridge');
    await page.getByLabel('Relationship to the child or young person').fill('Mother');
    await choice(page, 'Do they have parental responsibility?', 'Yes').check();
    await page.getByLabel('Phone number (optional)').fill('07700 900456');
    await expectNoAxeViolations(page, 'parents and carers, one added');
    await continueButton(page).click();

    await arriveAt(page, 'What are the worries about?');
    await page.getByLabel('Problems with friends or bullying').check();
    await servicesThatFit(page, 'Services that could help');
    await expectNoAxeViolations(page, 'worries with the thresholds panel');
    await continueButton(page).click();

    await arriveAt(page, 'Tell us what is happening');
    await page
      .getByLabel('Tell us what is happening')
      .fill('Kai is being bullied and has missed 12 days this term.');
    await continueButton(page).click();

    await arriveAt(page, 'How long has this been going on?');
    await choice(page, 'How long has this been going on?', 'A few months').check();
    await choice(page, 'How much does it affect their daily life?', 'Quite a lot').check();
    await continueButton(page).click();

    await arriveAt(page, 'What has been tried so far?');
    await page.getByLabel('What has been tried so far?').fill('Weekly check-ins with his form tutor.');
    await continueButton(page).click();

    await arriveAt(page, 'Is their life at risk right now?');
    await page.getByLabel('No', { exact: true }).check();
    await continueButton(page).click();

    await arriveAt(page, 'Keeping them safe');
    await choice(page, 'Have they hurt themselves on purpose recently?', 'No').check();
    await choice(page, 'Are you worried they might hurt someone else?', 'No').check();
    await continueButton(page).click();

    await arriveAt(page, 'Consent');
    await page.getByLabel('A parent or carer with parental responsibility').check();
    await choice(page, 'Have they given consent for this referral?', 'Yes').check();
    await choice(page, 'May parents or carers be told about this referral?', 'Yes').check();
    await continueButton(page).click();

    await arriveAt(page, 'How should we contact the family?');
    await page.getByLabel('Phone call').check();
    await page.getByLabel('Phone number for the family').fill('07700 900456');
    await choice(page, 'Can we leave a message, or say who we are?', 'Yes').check();
    await continueButton(page).click();

    await arriveAt(page, 'Check your answers before sending');
    const main = page.getByRole('main');
    await expect.poll(() => main.getByText(pupil).count()).toBeGreaterThan(0);
    await expect.poll(() => main.getByText(school, { exact: true }).count()).toBe(1);
    await expect.poll(() => main.getByText('Dana Brackenridge', { exact: false }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Send referral' }).click();

    await arriveAt(page, 'Referral sent');
    const reference = (await page.locator('.nhsuk-panel__body strong').textContent()) ?? '';
    expect(reference).toMatch(referencePattern);
    await expect.poll(() => page.getByRole('heading', { name: 'What happens next' }).count()).toBe(1);

    // Their list shows the referral and where it has got to; the finished draft has gone.
    await page.getByRole('link', { name: 'See referrals you have made' }).click();
    await arriveAt(page, 'Referrals you made');
    const card = page.getByRole('region', { name: new RegExp(`^${pupil}`) });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain(`Reference ${reference}`);
    expect(await summaryRows(card)).toEqual({ Status: 'Received' });

    await page.getByRole('link', { name: 'Make a new referral' }).click();
    await arriveAt(page, 'Refer a child or young person', 'refer, draft sent');
    await expect.poll(() => page.getByRole('table', { name: 'Referrals you have started' }).count()).toBe(0);
    await page.context().close();
  }, 180_000);
});
