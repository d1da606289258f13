import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../src/access/scope.js';
import type { GroupCandidates } from '../src/contracts/group-therapy.js';
import type { Database } from '../src/db/client.js';
import { children } from '../src/db/schema/people.js';
import { referrals } from '../src/db/schema/referrals.js';
import { withScope } from '../src/db/scoped.js';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { londonDate } from '../src/domain/people/child-details.js';
import { addLondonDays } from '../src/domain/waiting/london-days.js';
import { arriveAt, phonePage, pollPatiently, signInStaff } from './front-door-helpers.js';
import { bodyRows, expectNoAxeViolationsOnPhone } from './mhst-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

/**
 * The young people who could join a group chose to be contacted by text, each on a number of
 * their own, so a booking for any of them carries a reminder.
 */
async function chooseTextRoutes(database: Database) {
  await withScope(database.db, systemScope('journey set-up'), async (tx) => {
    const rows = await tx
      .select({ childId: referrals.childId })
      .from(referrals)
      .where(inArray(referrals.status, ['group-waiting-list', 'in-intervention']));
    for (const [index, row] of rows.entries()) {
      await tx
        .update(children)
        .set({ contactRoutes: ['text'], contactPhone: `07700 9${String(index).padStart(5, '0')}` })
        .where(inArray(children.id, [row.childId]));
    }
  });
}

// A senior practitioner, on their phone, records a group therapy session for two young people;
// each young person's record shows the group session, and an appointment booked for one of them
// says a reminder will go by text the day before.
describe('Group therapy', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney({ prepare: chooseTextRoutes });
  });
  afterAll(() => journey?.close());

  it('a practitioner records a group session, and each young person’s record shows it', async () => {
    const page = await phonePage(journey.browser);
    const errors = collectPageErrors(page);
    await signInStaff(page, journey.baseUrl, demoEmailFor('senior-practitioner'));
    await page.getByRole('link', { name: 'Group therapy sessions' }).click();
    await arriveAt(page, 'Group therapy sessions');
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Record a session' }) });
    await expect.poll(() => form.count()).toBe(1);
    await expectNoAxeViolationsOnPhone(page, 'group therapy page');

    // Sending it empty says what is missing, in words.
    await page.getByRole('button', { name: 'Record session' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await expect.poll(() => summary.textContent()).toContain('Choose the young people who were expected');
    await expectNoAxeViolations(page, 'group therapy form with errors');

    const candidates = (await (
      await page.context().request.get(`${journey.baseUrl}/api/group-therapy/candidates`)
    ).json()) as GroupCandidates;
    const waiting = candidates.items.filter((c) => c.status === 'group-waiting-list');
    const chosen = [...waiting, ...candidates.items.filter((c) => c.status !== 'group-waiting-list')].slice(
      0,
      2,
    );
    expect(chosen).toHaveLength(2);

    const yesterday = londonDate(addLondonDays(new Date(), -1));
    await page.getByLabel('Programme').fill('Managing worry');
    await page.getByLabel('Date', { exact: true }).fill(yesterday);
    await page.getByLabel('Time (UK time)').fill('15:30');
    for (const person of chosen) {
      await page.getByRole('checkbox', { name: new RegExp(`^${person.childName}`) }).check();
      await page.getByLabel(`Did ${person.childName} come?`).selectOption({ label: 'Attended' });
    }
    await expectNoAxeViolationsOnPhone(page, 'group therapy form, filled in');
    await page.getByRole('button', { name: 'Record session' }).click();
    const banner = page.locator('.nhsuk-notification-banner');
    await expect
      .poll(() => banner.textContent())
      .toContain('Group session recorded: Managing worry, for 2 young people.');
    const recent = page.getByRole('table', { name: 'Recent group sessions, latest first' });
    const rows = await bodyRows(recent);
    await expect.poll(() => rows.first().innerText()).toContain('Managing worry');
    expect(await rows.first().innerText()).toMatch(/Came\s+2/);
    await expectNoAxeViolationsOnPhone(page, 'group therapy page with a session');

    // Each young person's record lists the group contact with its programme.
    for (const person of chosen) {
      await page.goto(`${journey.baseUrl}/staff/caseload/${person.referralId}`);
      await arriveAt(page, `Referral ${person.reference}`);
      const appointments = page.getByRole('table', { name: 'Appointments, earliest first' });
      const contact = appointments.locator('tbody tr', { hasText: 'Group session: Managing worry' });
      await expect.poll(() => contact.count()).toBe(1);
      expect(await contact.innerText()).toContain('Attended');
      await expectNoAxeViolationsOnPhone(page, `record of ${person.reference}`);
    }

    // The last of them gets a video appointment in three days: the reminder goes by text the day before.
    await expect
      .poll(() => page.getByRole('region', { name: 'Appointments' }).textContent())
      .toContain('Reminders go by text the day before each appointment');
    const inThreeDays = londonDate(addLondonDays(new Date(), 3));
    await page.getByLabel('Date', { exact: true }).fill(inThreeDays);
    await page.getByLabel('Time (UK time)').fill('11:00');
    await page.getByLabel('Video call').check();
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await expect.poll(() => banner.textContent()).toMatch(/Appointment booked for 11:00 on /);
    const booked = page
      .getByRole('table', { name: 'Appointments, earliest first' })
      .locator('tbody tr', { hasText: 'By video' });
    await expect.poll(() => booked.count()).toBe(1);
    expect(await booked.innerText()).toContain('Reminder by text the day before');
    await expectNoAxeViolationsOnPhone(page, 'record with a reminder-bearing appointment');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
