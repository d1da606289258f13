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

// The named Education Mental Health Practitioner writes a contact note on their phone and corrects
// it with a reason; the named supervisor of their team signs it off; the practitioner sees "Signed off".
describe('Contact notes and supervision', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('a note is written, corrected and signed off', async () => {
    const { reference } = await allocateToDemoPractitioner(journey);

    // The practitioner opens the young person's notes from their caseload.
    const practitioner = await phonePage(journey.browser);
    const errors = collectPageErrors(practitioner);
    await signInStaff(practitioner, journey.baseUrl, demoEmailFor('emhp'));
    await practitioner.getByRole('link', { name: 'Your caseload' }).click();
    await openFromCaseload(practitioner, reference);
    await practitioner.getByRole('link', { name: 'Contact notes' }).click();
    await arriveAt(practitioner, `Contact notes for ${reference}`);

    // They write a note.
    const words = 'Met in the school library. Talked about sleep and a plan for mornings.';
    await practitioner.getByLabel('Note', { exact: true }).fill(words);
    await practitioner.getByRole('button', { name: 'Save note' }).click();
    const banner = practitioner.locator('.nhsuk-notification-banner');
    await expect.poll(() => banner.textContent()).toContain('Note saved.');
    const card = practitioner.locator('article', { hasText: words });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('.nhsuk-tag').first().innerText()).toBe('Not yet signed off');
    await expectNoAxeViolationsOnPhone(practitioner, 'notes with a new note');

    // They correct it, saying why; the first version is kept.
    const corrected = 'Met in the school library. Talked about sleep, exams and a plan for mornings.';
    await card.getByText('Correct this note').click();
    await card.getByLabel('Corrected note').fill(corrected);
    await card.getByLabel('Why are you correcting it?').fill('Left out exams');
    await expectNoAxeViolations(practitioner, 'correction form, filled in');
    await card.getByRole('button', { name: 'Save correction' }).click();
    await expect.poll(() => banner.textContent()).toContain('Correction saved.');
    const correctedCard = practitioner.locator('article', { hasText: corrected });
    await expect.poll(() => correctedCard.count()).toBe(1);
    expect(await correctedCard.innerText()).toContain('Left out exams');
    await correctedCard.getByText('Earlier versions (1)').click();
    await expect.poll(() => correctedCard.getByText(words).count()).toBe(1);
    await expectNoAxeViolationsOnPhone(practitioner, 'notes with a correction');

    // The supervisor of their team signs off the corrected version.
    const supervisor = await desktopPage(journey.browser);
    const supervisorErrors = collectPageErrors(supervisor);
    await signInStaff(supervisor, journey.baseUrl, demoEmailFor('supervisor'));
    await supervisor.getByRole('link', { name: 'Supervision and notes to sign off' }).click();
    await arriveAt(supervisor, 'Supervision');
    const toSign = supervisor.locator('article', { hasText: corrected });
    await expect.poll(() => toSign.count()).toBe(1);
    expect(await toSign.innerText()).toContain(reference);
    expect(await toSign.innerText()).toContain(displayNameOf(demoEmailFor('emhp')));
    await toSign.getByRole('button', { name: `Sign off the note for ${reference}` }).click();
    await expect
      .poll(() => supervisor.locator('.nhsuk-notification-banner').textContent())
      .toContain(`Note for ${reference} signed off.`);
    await expect.poll(() => toSign.count()).toBe(0);
    await expectNoAxeViolations(supervisor, 'supervision after a sign-off');
    await expectNoAxeViolationsOnPhone(supervisor, 'supervision after a sign-off');

    // The practitioner sees it signed off, by whom.
    await practitioner.reload();
    await arriveAt(practitioner, `Contact notes for ${reference}`);
    const signed = practitioner.locator('article', { hasText: corrected });
    await expect
      .poll(() => signed.locator('.nhsuk-tag').first().innerText())
      .toMatch(new RegExp(`^Signed off by ${displayNameOf(demoEmailFor('supervisor'))} on `));

    // Their own supervision log is theirs alone.
    await practitioner.goto(`${journey.baseUrl}/staff/supervision`);
    await arriveAt(practitioner, 'Your supervision');
    expect(await practitioner.getByRole('heading', { name: 'Notes to sign off' }).count()).toBe(0);
    expect(await practitioner.getByRole('heading', { name: 'Your supervision log' }).count()).toBe(1);
    expect([...errors, ...supervisorErrors]).toEqual([]);
  }, 240_000);
});
