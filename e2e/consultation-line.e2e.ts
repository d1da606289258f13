import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { arriveAt, choice, desktopPage, pollPatiently, signInStaff } from './front-door-helpers.js';
import {
  cellsOfRow,
  errorLines,
  expectBanner,
  fillDateTime,
  londonClock,
  rowsOf,
} from './schools-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

// The professionals' consultation line: an MHST clinical lead takes a call from a school nurse,
// logs it with the advice given, and sees it in the team's list with its response time. The range
// of days shown is kept in the address, so it survives a reload and can be shared.
describe("The professionals' consultation line", () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('a clinician logs a call and sees it in the list with its response time', async () => {
    const clinician = await desktopPage(journey.browser);
    const errors = collectPageErrors(clinician);
    await signInStaff(clinician, journey.baseUrl, demoEmailFor('mhst-clinical-lead'));
    await clinician.getByRole('link', { name: 'Consultation line', exact: true }).click();
    await arriveAt(clinician, 'Consultation line');
    await expect
      .poll(() =>
        clinician
          .getByRole('status')
          .filter({ hasText: /calls? from / })
          .count(),
      )
      .toBe(1);

    // Sending the form empty lists what is missing.
    const form = clinician.getByRole('form', { name: 'Log a call' });
    await form.getByRole('button', { name: 'Log call' }).click();
    expect(await errorLines(clinician)).toEqual([
      'Enter the date and time the call came in, such as 14/03/2026 at 10:00',
      "Say the caller's role, such as GP or school nurse",
      'Say where the caller works',
      'Write down what they asked',
    ]);
    await expectNoAxeViolations(clinician, 'call form with errors');

    // The call came in 40 minutes ago; the advice was given 5 minutes ago.
    const received = londonClock(40);
    await fillDateTime(clinician, 'When did the call come in?', received);
    await form.getByLabel("Caller's role").fill('School nurse');
    await form.getByLabel('Where do they work?').fill('Fernhill Health Centre');
    await form
      .getByLabel('What did they ask?')
      .fill('A Year 8 pupil has stopped eating lunch and seems withdrawn. What should school do first?');
    await form
      .getByLabel('What advice did you give?')
      .fill('Talk with the pupil and parents; refer to the MHST.');
    await fillDateTime(clinician, 'When did you give the advice?', londonClock(5));
    await choice(clinician, 'What was the outcome?', 'Referral advised').check();
    await expectNoAxeViolations(clinician, 'call form filled in');
    await form.getByRole('button', { name: 'Log call' }).click();
    await expectBanner(clinician, 'Call from the School nurse logged. Response time: 35 minutes.');

    // It is in the list, with its response time and outcome.
    const calls = rowsOf(clinician, /^Calls from .+, newest first$/);
    const logged = await cellsOfRow(calls, 'Fernhill Health Centre');
    expect(logged[1]).toBe('School nurse, Fernhill Health Centre');
    expect(logged[4]).toBe('Referral advised');
    expect(logged[5]).toBe('35 minutes');
    await expectNoAxeViolations(clinician, 'consultation line with the new call');

    // Only the days of the call: the range goes into the address and survives a reload.
    const today = londonClock(0).date;
    await clinician.getByLabel('From', { exact: true }).fill(received.date);
    await clinician.getByLabel('To', { exact: true }).fill(today);
    await clinician.getByRole('button', { name: 'Show calls' }).click();
    await expect.poll(() => new URL(clinician.url()).search).toBe(`?from=${received.date}&to=${today}`);
    await clinician.reload();
    await arriveAt(clinician, 'Consultation line', 'consultation line for a range of days');
    expect(await clinician.getByLabel('From', { exact: true }).inputValue()).toBe(received.date);
    expect((await cellsOfRow(calls, 'Fernhill Health Centre'))[5]).toBe('35 minutes');
    const usual = clinician
      .locator('.nhsuk-summary-list__row')
      .filter({ hasText: 'Usual response time (median)' });
    await expect.poll(() => usual.locator('dd').textContent()).toMatch(/minute|hour|day/);
    expect(errors).toEqual([]);
    await clinician.context().close();
  }, 180_000);
});
