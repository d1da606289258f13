import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../src/access/scope.js';
import type { Database } from '../src/db/client.js';
import { outboxMessages } from '../src/db/schema/outbox.js';
import { referrals } from '../src/db/schema/referrals.js';
import { withScope } from '../src/db/scoped.js';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { londonDate } from '../src/domain/people/child-details.js';
import { addLondonDays } from '../src/domain/waiting/london-days.js';
import {
  arriveAt,
  choice,
  desktopPage,
  phonePage,
  pollPatiently,
  signInStaff,
  summaryRows,
} from './front-door-helpers.js';
import { allocateToDemoPractitioner, openFromCaseload } from './mhst-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

// An Education Mental Health Practitioner, on their phone, runs an episode of care from allocation
// to discharge: a first appointment, an assessment with a safety plan, a goal, an intervention, and a
// discharge whose letters respect who may be told.
describe('An episode of care, from allocation to discharge', () => {
  let journey: Journey;
  let database: Database | undefined;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney({
      prepare: async (db) => {
        database = db;
      },
    });
  });
  afterAll(() => journey?.close());

  it('a practitioner assesses, plans, helps and discharges a young person', async () => {
    const { reference, childName } = await allocateToDemoPractitioner(journey);

    const page = await phonePage(journey.browser);
    const errors = collectPageErrors(page);
    await signInStaff(page, journey.baseUrl, demoEmailFor('emhp'));
    await page.getByRole('link', { name: 'Your caseload' }).click();
    await openFromCaseload(page, reference);

    // Yesterday's first appointment happened.
    await page.getByLabel('Date', { exact: true }).fill(londonDate(addLondonDays(new Date(), -1)));
    await page.getByLabel('Time (UK time)').fill('10:00');
    await choice(page, 'How will you meet?', 'Video call').check();
    await page.getByRole('button', { name: 'Book appointment' }).click();
    const banner = page.locator('.nhsuk-notification-banner');
    await expect
      .poll(
        async () =>
          `${await page.locator('.nhsuk-error-summary, .nhsuk-notification-banner').allTextContents()}`,
      )
      .toMatch(/Appointment booked/);
    await page.getByRole('combobox', { name: /What happened/ }).selectOption({ label: 'Attended' });
    await page.getByRole('button', { name: /^Record\s+attendance at/ }).click();
    await expect.poll(() => banner.textContent()).toMatch(/attended/);

    // The episode page: no risk assessed yet.
    await page.getByRole('link', { name: 'Assessment, risk, care plan and intervention' }).click();
    await arriveAt(page, `Episode of care ${reference}`);
    expect(await page.getByText('risk has not been assessed in this episode').count()).toBe(1);

    // An assessment at medium risk needs a safety plan: the page says so first.
    await choice(page, 'Presenting problems', 'Feeling worried, anxious or panicky').check();
    await page.getByLabel('Summary', { exact: true }).fill('Panics before lessons; avoiding the canteen.');
    await choice(page, 'Level of risk', 'Medium risk').check();
    await page.getByLabel('What is the risk?').fill('Scratched her arm twice last month; none since.');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect.poll(() => page.locator('.nhsuk-error-summary').textContent()).toContain('safety plan');
    await expectNoAxeViolations(page, 'assessment with an error');
    await page
      .getByLabel('Safety plan agreed')
      .fill('Tell Miss Shah at school; use the calm box; call 111 if it gets worse.');
    await page.getByLabel('Told to us in confidence from parents').check();
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect.poll(() => banner.textContent()).toContain('Assessment recorded: medium risk.');
    const risk = page.getByRole('region', { name: /Risk: medium risk/ });
    await expect.poll(() => risk.textContent()).toContain('call 111 if it gets worse');
    await expectNoAxeViolations(page, 'episode with an assessment');

    // A goal in her words, and the intervention.
    await page.getByLabel('Goal', { exact: true }).fill('Go into the canteen at lunch with my friends');
    await page.getByRole('button', { name: 'Add goal' }).click();
    await expect.poll(() => banner.textContent()).toContain('Goal added');
    const goals = page.getByRole('table', { name: 'Goals, in the young person’s words' });
    await expect.poll(() => goals.textContent()).toContain('Working on it');
    await choice(page, 'Which intervention?', 'Guided self-help for anxiety (CBT-informed)').check();
    await page.getByRole('button', { name: 'Choose intervention' }).click();
    await expect.poll(() => banner.textContent()).toContain('Intervention chosen');
    await goals.getByRole('button', { name: /Mark achieved/ }).click();
    await expect.poll(() => goals.textContent()).toContain('Achieved');
    await expectNoAxeViolations(page, 'episode with a goal achieved');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Discharge, seeing first who will and will not get a letter.
    await page.getByRole('link', { name: 'Step up, step down or discharge' }).click();
    await arriveAt(page, `Step up, step down or discharge ${reference}`);
    await choice(page, 'How is help ending?', 'Discharge').check();
    await choice(page, 'Why is help finishing?', 'Goals met').check();
    await choice(page, 'How did things go?', 'Improved').check();
    await page.getByLabel('Discharge summary').fill('Goals met; managing lunchtimes with friends.');
    const letters = page.getByRole('region', { name: 'Who will get a letter' });
    expect(await letters.textContent()).toContain('never names the young person');
    await expectNoAxeViolations(page, 'discharge form, filled in');
    await page.getByRole('button', { name: 'Close the episode and send the letters' }).click();
    await arriveAt(page, 'Episode closed');
    expect(await page.locator('p', { hasText: 'Referral status' }).textContent()).toBe(
      'Referral status: Help finished (discharged)',
    );
    expect(await page.getByRole('region', { name: 'Letters sent' }).count()).toBe(1);

    // The closed episode is kept, and can no longer be changed.
    await page.getByRole('link', { name: 'See the closed episode' }).click();
    await arriveAt(page, `Episode of care ${reference}`, 'closed episode');
    const summary = await summaryRows(page.locator('.nhsuk-summary-list').first());
    expect(summary.Status).toBe('Closed: discharged');
    expect(summary['Why it closed']).toBe('Goals met');
    expect(await page.getByRole('button', { name: 'Save assessment' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();

    // The letters are queued, and the family's names neither the young person nor the service.
    if (!database) throw new Error('no database');
    const queued = await withScope(database.db, systemScope('e2e check'), async (tx) => {
      const [referral] = await tx.select().from(referrals).where(eq(referrals.reference, reference));
      expect(referral?.status).toBe('discharged');
      return tx
        .select()
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.referralId, referral?.id ?? ''),
            like(outboxMessages.template, 'discharge-%'),
          ),
        );
    });
    expect(queued.length).toBeGreaterThan(0);
    for (const message of queued.filter((m) => m.template === 'discharge-family')) {
      expect(JSON.stringify(message.personalisation)).not.toContain(childName.split(' ')[0] ?? childName);
    }

    // The dev outbox shows them too.
    const admin = await desktopPage(journey.browser);
    await signInStaff(admin, journey.baseUrl, demoEmailFor('system-administrator'));
    await admin.goto(`${journey.baseUrl}/staff/dev/outbox`);
    await arriveAt(admin, 'Outbox');
    await expect.poll(() => admin.getByText(/^discharge-/).count()).toBeGreaterThan(0);
    await admin.context().close();
  }, 240_000);
});
