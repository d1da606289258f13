import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { arriveAt, desktopPage, phonePage, pollPatiently, signInStaff } from './front-door-helpers.js';
import {
  allocateToDemoPractitioner,
  displayNameOf,
  expectNoAxeViolationsOnPhone,
  openFromCaseload,
} from './mhst-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

// A practitioner raises a safeguarding concern from a young person's record on their phone; the
// named safeguarding lead finds it on their board and acknowledges it; the practitioner sees that.
describe('A safeguarding concern', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('is raised by a practitioner and acknowledged by the safeguarding lead', async () => {
    const { reference } = await allocateToDemoPractitioner(journey);

    const practitioner = await phonePage(journey.browser);
    const errors = collectPageErrors(practitioner);
    await signInStaff(practitioner, journey.baseUrl, demoEmailFor('emhp'));
    await practitioner.goto(`${journey.baseUrl}/staff/caseload`);
    await openFromCaseload(practitioner, reference);
    await practitioner.getByRole('link', { name: 'Raise a safeguarding concern' }).click();
    await arriveAt(practitioner, `Safeguarding concern for ${reference}`);

    // Sending the form empty names both missing answers.
    await practitioner.getByRole('button', { name: 'Raise concern' }).click();
    const summary = practitioner.locator('.nhsuk-error-summary');
    await expect.poll(() => summary.textContent()).toContain('Choose what the concern is about');
    await expectNoAxeViolations(practitioner, 'raise concern with errors');

    const words = 'Said there is often no food at home and they look after a younger brother alone.';
    await practitioner.getByLabel('Neglect').check();
    await practitioner.getByLabel('What is the concern?').fill(words);
    await practitioner
      .getByLabel('What have you done already? (optional)')
      .fill('Told the school DSL the same day.');
    await practitioner.getByRole('button', { name: 'Raise concern' }).click();
    const banner = practitioner.locator('.nhsuk-notification-banner');
    await expect.poll(() => banner.textContent()).toContain('Your safeguarding lead has been told.');
    const raised = practitioner.locator('article', { hasText: words });
    await expect.poll(() => raised.count()).toBe(1);
    expect(await raised.locator('.nhsuk-tag').innerText()).toBe('Raised');
    await expectNoAxeViolationsOnPhone(practitioner, 'concern raised');

    // The safeguarding lead sees it first on the board and acknowledges it.
    const lead = await desktopPage(journey.browser);
    const leadErrors = collectPageErrors(lead);
    await signInStaff(lead, journey.baseUrl, demoEmailFor('safeguarding-lead'));
    await lead.getByRole('link', { name: 'Safeguarding concerns' }).click();
    await arriveAt(lead, 'Safeguarding concerns');
    const first = lead.locator('tbody tr').first();
    await expect.poll(() => first.innerText()).toContain(reference);
    expect(await first.innerText()).toContain('Neglect');
    await first.getByRole('link', { name: new RegExp(reference) }).click();
    await arriveAt(lead, `Safeguarding concern for ${reference}`);
    expect(await lead.locator('.nhsuk-summary-list').innerText()).toContain(words);
    await lead.getByLabel('What was done?').fill('Called the school DSL; agreed a home visit by early help.');
    await lead.getByLabel('Acknowledged by the safeguarding lead').check();
    await lead.getByRole('button', { name: 'Save action' }).click();
    await expect
      .poll(() => lead.locator('.nhsuk-notification-banner').textContent())
      .toContain('acknowledged by the safeguarding lead');
    await expect
      .poll(() => lead.locator('h1 + p .nhsuk-tag').innerText())
      .toBe('Acknowledged by the safeguarding lead');
    await expectNoAxeViolations(lead, 'concern acknowledged');
    await expectNoAxeViolationsOnPhone(lead, 'concern acknowledged');

    // The practitioner sees that it was acknowledged, and by whom.
    await practitioner.reload();
    await arriveAt(practitioner, `Safeguarding concern for ${reference}`);
    const seen = practitioner.locator('article', { hasText: words });
    expect(await seen.locator('.nhsuk-tag').innerText()).toBe('Acknowledged by the safeguarding lead');
    expect(await seen.innerText()).toContain(displayNameOf(demoEmailFor('safeguarding-lead')));
    expect([...errors, ...leadErrors]).toEqual([]);
  }, 240_000);
});
