import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { londonDate } from '../src/domain/people/child-details.js';
import { addLondonDays } from '../src/domain/waiting/london-days.js';
import {
  arriveAt,
  desktopPage,
  phonePage,
  pollPatiently,
  signInStaff,
  summaryRows,
} from './front-door-helpers.js';
import { allocateByApi, bodyRows, displayNameOf } from './mhst-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

// An Education Mental Health Practitioner, on their phone, finds a young person newly allocated
// to them at the top of their caseload, books a first appointment, and records an assessment.
describe('A practitioner’s caseload', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('a practitioner sees a new allocation and books a first appointment', async () => {
    const practitionerName = displayNameOf(demoEmailFor('emhp'));

    // Earlier, their team manager allocated them a young person.
    const manager = await desktopPage(journey.browser);
    await signInStaff(manager, journey.baseUrl, demoEmailFor('mhst-team-manager'));
    const { reference, childName } = await allocateByApi(manager, journey.baseUrl, practitionerName);
    await manager.context().close();

    const practitioner = await phonePage(journey.browser);
    const errors = collectPageErrors(practitioner);
    await signInStaff(practitioner, journey.baseUrl, demoEmailFor('emhp'));
    await practitioner.getByRole('link', { name: 'Your caseload' }).click();
    await arriveAt(practitioner, 'Your caseload');
    await expect.poll(() => practitioner.getByText(/^You have \d+ young (person|people)/).count()).toBe(1);
    const caseload = practitioner.getByRole('table', { name: 'Young people allocated to you' });
    const rows = await bodyRows(caseload);
    // New allocations come first, flagged "New" in words.
    const mine = caseload.locator('tbody tr', { hasText: reference });
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.locator('.nhsuk-tag', { hasText: /^New$/ }).count()).toBe(1);
    expect(await mine.innerText()).toContain('None booked');
    const isNew = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('.nhsuk-tag')].some((tag) => tag.textContent === 'New')),
    );
    expect(isNew[0]).toBe(true);
    const firstOlder = isNew.indexOf(false);
    if (firstOlder >= 0)
      expect(isNew.slice(firstOlder), 'a new allocation after an older one').not.toContain(true);

    // They open the record and book a first appointment by video, tomorrow at 10:00.
    await mine.getByRole('link', { name: new RegExp(`^${reference}\\W+${childName}$`) }).click();
    await arriveAt(practitioner, `Referral ${reference}`);
    const summary = await summaryRows(practitioner.locator('.nhsuk-summary-list').first());
    expect(summary.Status).toBe('Allocated to a practitioner');
    await expect
      .poll(() => practitioner.getByRole('region', { name: 'Waiting time' }).textContent())
      .toMatch(/Waited \d+ days?/);
    expect(await practitioner.getByText('No appointments have been booked yet.').count()).toBe(1);
    const tomorrow = londonDate(addLondonDays(new Date(), 1));
    await practitioner.getByLabel('Date', { exact: true }).fill(tomorrow);
    await practitioner.getByLabel('Time (UK time)').fill('10:00');
    await practitioner.getByLabel('Video call').check();
    expect(await practitioner.getByLabel('Which school?').count()).toBe(0);
    await expectNoAxeViolations(practitioner, 'booking form, filled in');
    await practitioner.getByRole('button', { name: 'Book appointment' }).click();
    const banner = practitioner.locator('.nhsuk-notification-banner');
    await expect.poll(() => banner.textContent()).toMatch(/Appointment booked for 10:00 on /);
    const appointments = practitioner.getByRole('table', { name: 'Appointments, earliest first' });
    const booked = await bodyRows(appointments);
    expect(await booked.count()).toBe(1);
    expect(await booked.first().innerText()).toContain('Booked');
    expect(await booked.first().innerText()).toContain(practitionerName);
    expect(await booked.first().innerText()).toContain('By video');
    await expectNoAxeViolations(practitioner, 'record with an appointment booked');

    // The family asks for later in the day: they move it to 15:30, by keyboard-friendly controls.
    await booked.first().locator('summary', { hasText: 'Move' }).click();
    await booked.first().getByLabel('Time (UK time)').fill('15:30');
    await expectNoAxeViolations(practitioner, 'moving an appointment');
    await booked.first().getByRole('button', { name: 'Move appointment' }).click();
    await expect.poll(() => banner.textContent()).toMatch(/Appointment moved to 15:30 on /);
    await expect.poll(async () => (await bodyRows(appointments)).first().innerText()).toContain('15:30');
    // Nothing on the record makes a phone scroll sideways, not even the attendance form in the table.
    expect(await practitioner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // They record the assessment done today; three milestones are left before the clock stops.
    await practitioner
      .getByRole('group', { name: 'Record a milestone' })
      .getByLabel('Assessment', { exact: true })
      .check();
    await practitioner.getByRole('button', { name: 'Record milestone' }).click();
    await expect.poll(() => banner.textContent()).toMatch(/Assessment recorded for /);
    await expect
      .poll(() => practitioner.getByRole('region', { name: 'Milestones' }).textContent())
      .toContain(
        'Still to record: care plan, intervention started and baseline measure (outcome questionnaire).',
      );
    await expectNoAxeViolations(practitioner, 'record with a milestone');

    // Back on the caseload, the young person has an appointment and is no longer new.
    await practitioner.getByRole('link', { name: 'Your caseload' }).first().click();
    await arriveAt(practitioner, 'Your caseload', 'caseload after booking');
    const row = caseload.locator('tr', { hasText: reference });
    await expect.poll(() => row.innerText()).toMatch(/15:30 on /);
    expect(await row.locator('.nhsuk-tag', { hasText: /^New$/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await practitioner.context().close();
  }, 180_000);
});
