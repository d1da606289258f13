import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmittedReferral } from '../src/contracts/referral-form.js';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { londonDate } from '../src/domain/people/child-details.js';
import { referralAnswers } from '../src/test-support/referral-answers.js';
import {
  arriveAt,
  choice,
  demoAccountsWithRole,
  desktopPage,
  phonePage,
  pollPatiently,
  signInAndEnrol,
  signInStaff,
  summaryRows,
} from './front-door-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

// The single point of access: a clinician works the triage queue, takes a referral to a
// multi-agency meeting (where a colleague's out-of-date decision is refused), records what the
// agencies agreed, names a lead worker, and declines another referral. The teacher who referred
// both sees where each has got to.
describe('Triage at the single point of access', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  /** A referral's link in the queue: its reference, then the child's name for screen readers. */
  const queueLink = (reference: string, childName: string) => ({
    name: new RegExp(`^${reference}\\W+${childName}$`),
  });

  /** The school staff referrer sends a referral through the API, as the staff form does. */
  async function referByApi(page: Page, child: { givenName: string; familyName: string }, isUrgent: boolean) {
    const api = page.context().request;
    const session = (await (await api.get(`${journey.baseUrl}/api/session`)).json()) as { csrfToken: string };
    const body = referralAnswers({
      kind: 'school',
      child: { ...child, dateOfBirth: '2012-05-14', gender: 'prefer-not-to-say' },
      isUrgent,
      referrer: {
        name: 'Morgan Teale',
        role: 'Designated safeguarding lead',
        organisation: 'Birchfield Academy',
        email: demoEmailFor('school-staff-referrer'),
      },
    });
    const response = await api.post(`${journey.baseUrl}/api/referrals`, {
      data: body,
      headers: { 'x-csrf-token': session.csrfToken, 'idempotency-key': crypto.randomUUID() },
    });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as SubmittedReferral).reference;
  }

  it('a clinician triages, takes a referral to MDT, records the outcome, and the referrer sees it', async () => {
    const urgent = { givenName: 'Rowan', familyName: 'Ashdown' };
    const routine = { givenName: 'Ellis', familyName: 'Fernhill' };
    const urgentName = `${urgent.givenName} ${urgent.familyName}`;
    const routineName = `${routine.givenName} ${routine.familyName}`;

    // Earlier that morning, a teacher referred two pupils, one of them urgently.
    const teacher = await phonePage(journey.browser);
    await signInStaff(teacher, journey.baseUrl, demoEmailFor('school-staff-referrer'));
    const urgentRef = await referByApi(teacher, urgent, true);
    const routineRef = await referByApi(teacher, routine, false);

    // The clinician opens the queue: urgent referrals come first.
    const clinician = await desktopPage(journey.browser);
    const errors = collectPageErrors(clinician);
    await signInStaff(clinician, journey.baseUrl, demoEmailFor('spa-clinician'));
    await clinician.getByRole('link', { name: 'Triage queue' }).click();
    await arriveAt(clinician, 'Triage queue');
    const queue = clinician.getByRole('table', { name: 'All open referrals' });
    await expect.poll(() => queue.getByRole('row').count()).toBeGreaterThan(2);
    const isUrgentRow = await queue
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('td .nhsuk-tag--red') !== null));
    expect(isUrgentRow[0]).toBe(true);
    expect(
      isUrgentRow.slice(isUrgentRow.indexOf(false)).includes(true),
      'an urgent row after a routine one',
    ).toBe(false);
    const urgentLink = queue.getByRole('link', queueLink(urgentRef, urgentName));
    expect(await urgentLink.count()).toBe(1);
    await expect.poll(() => queue.getByRole('link', queueLink(routineRef, routineName)).count()).toBe(1);

    // A colleague opens the same referral on their own computer, and reads it for a while.
    const colleague = await desktopPage(journey.browser);
    const colleagueEmail = demoAccountsWithRole('spa-clinician')[1]?.email ?? '';
    expect(colleagueEmail).not.toBe('');
    await signInAndEnrol(colleague, journey.baseUrl, colleagueEmail);

    await urgentLink.click();
    await arriveAt(clinician, `Referral ${urgentRef}`);
    const referralUrl = clinician.url();
    await colleague.goto(referralUrl);
    await arriveAt(colleague, `Referral ${urgentRef}`, 'referral, as the colleague sees it');

    // The clinician takes it to a multi-agency meeting, with a THRIVE grouping and a priority.
    await expect
      .poll(() => clinician.getByRole('heading', { level: 1 }).textContent())
      .toBe(`${urgentName}Referral ${urgentRef}`);
    await choice(clinician, 'Record a decision', 'Take to a multi-agency (MDT) meeting').check();
    await expect
      .poll(() =>
        clinician
          .getByText('The referral will wait for the next multi-agency meeting.', { exact: false })
          .count(),
      )
      .toBe(1);
    await choice(clinician, 'THRIVE grouping', 'Getting Help').check();
    await choice(clinician, 'Priority', 'Urgent').check();
    await clinician
      .getByLabel('Notes (optional)')
      .fill('Bullying and low mood: school nursing and MHST both know him.');
    await expectNoAxeViolations(clinician, 'decision form filled in');
    await clinician.getByRole('button', { name: 'Record decision' }).click();
    const banner = clinician.locator('.nhsuk-notification-banner');
    await expect.poll(() => banner.textContent()).toContain('The decision was recorded.');
    await expect
      .poll(() => clinician.locator('.lantern-tags').textContent())
      .toContain('To be discussed at a multi-agency meeting');
    // The THRIVE grouping and priority are the referral's now, and in its decision history.
    const summary = clinician.locator('.nhsuk-summary-list').first();
    await expect.poll(async () => (await summaryRows(summary))['THRIVE grouping']).toBe('Getting Help');
    expect((await summaryRows(summary)).Priority).toBe('Urgent');
    const history = clinician.getByRole('table', { name: 'Decisions, newest first' }).locator('tbody tr');
    await expect.poll(() => history.count()).toBe(1);
    expect(await history.innerText()).toMatch(
      /Take to a multi-agency \(MDT\) meeting[\s\S]*Getting Help\s+Urgent/,
    );
    await expectNoAxeViolations(clinician, 'referral after taking it to MDT');

    // The colleague, still looking at the old version, records a decision too: it is refused.
    await choice(colleague, 'Record a decision', 'Ask the referrer for more information').check();
    await colleague.getByLabel('What do you need to know?').fill('Which year group is he in?');
    await choice(colleague, 'THRIVE grouping', 'Getting Advice and Signposting').check();
    await choice(colleague, 'Priority', 'Routine').check();
    const posted = colleague.waitForResponse(
      (r) => r.url().endsWith('/decisions') && r.request().method() === 'POST',
    );
    await colleague.getByRole('button', { name: 'Record decision' }).click();
    expect((await posted).status()).toBe(412);
    const stale = colleague.locator('.nhsuk-notification-banner');
    await expect
      .poll(() => stale.textContent())
      .toContain(
        'Someone else recorded a decision on this referral while you were looking at it. Here is the latest.',
      );
    // The latest is shown: it is waiting for MDT, and their decision was not recorded.
    await expect
      .poll(() => colleague.locator('.lantern-tags').textContent())
      .toContain('To be discussed at a multi-agency meeting');
    // Focus has moved to the message, so a screen reader user hears it. Checked once the latest
    // has loaded, well after the page tried to move focus. Soft, so the journey goes on.
    // Focus moves to the banner so a screen reader announces it.
    await expect
      .poll(() => colleague.evaluate(() => document.activeElement?.className ?? ''))
      .toContain('nhsuk-notification-banner');
    const decisions = colleague.getByRole('table', { name: 'Decisions, newest first' });
    await expect.poll(() => decisions.locator('tbody tr').count()).toBe(1);
    await expectNoAxeViolations(colleague, 'referral after a stale decision');
    await colleague.context().close();

    // The clinician arranges the meeting, with this referral on the agenda.
    await clinician.getByRole('link', { name: 'Triage queue' }).first().click();
    await arriveAt(clinician, 'Triage queue', 'triage queue, after MDT decision');
    await clinician.getByRole('link', { name: 'Your account' }).click();
    await arriveAt(clinician, 'Your account', 'staff home, on the way to MDT meetings');
    await clinician.getByRole('link', { name: 'Multi-agency (MDT) meetings' }).click();
    await arriveAt(clinician, 'Multi-agency meetings');
    await clinician.getByLabel('Date', { exact: true }).fill(londonDate(new Date()));
    await clinician.getByLabel('Time (UK time)').fill('10:00');
    await choice(clinician, 'Agencies present', 'CAMHS').check();
    await choice(clinician, 'Agencies present', 'MHST').check();
    await choice(clinician, 'Agencies present', 'School nursing').check();
    const agendaChoice = clinician.getByLabel(`${urgentRef}: ${urgentName}`);
    await expect.poll(() => agendaChoice.count()).toBe(1);
    await agendaChoice.check();
    await expectNoAxeViolations(clinician, 'arrange a meeting, filled in');
    await clinician.getByRole('button', { name: 'Arrange meeting' }).click();

    await arriveAt(clinician, /^Meeting on .+ – Lantern$/, 'MDT meeting');
    await expect
      .poll(() => clinician.getByText('Agencies present: CAMHS, MHST, School nursing.').count())
      .toBe(1);
    const item = clinician.getByRole('listitem').filter({
      has: clinician.getByRole('heading', { name: `${urgentRef}: ${urgentName}` }),
    });
    await expect.poll(() => item.count()).toBe(1);
    await item
      .getByLabel(`What did the agencies agree for ${urgentName}?`)
      .fill('MHST to offer guided self-help; school nursing to check in weekly.');
    await item.getByLabel('What will be done').fill('Offer a first MHST appointment');
    await item.getByLabel('Who will do it').fill('Priya Nair');
    await item.getByLabel('Their agency').fill('MHST');
    await item.getByLabel('Due by').fill('2030-01-31');
    await item.getByRole('button', { name: 'Save the outcome' }).click();
    await expect
      .poll(() =>
        clinician
          .getByRole('status')
          .filter({ hasText: `Saved the outcome for ${urgentRef}.` })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => item.getByRole('heading', { name: 'What the agencies agreed' }).count()).toBe(1);
    await expect
      .poll(() => item.getByText(/Offer a first MHST appointment: Priya Nair \(MHST\)/).count())
      .toBe(1);
    await expectNoAxeViolations(clinician, 'MDT meeting with an outcome');

    // Back on the referral, the discussion is there, and the clinician names a lead worker.
    await item.getByRole('link', { name: `${urgentRef}: ${urgentName}` }).click();
    await arriveAt(clinician, `Referral ${urgentRef}`, 'referral after MDT');
    const discussed = clinician.getByRole('region', { name: 'Multi-agency (MDT) discussions' });
    await expect
      .poll(() => discussed.textContent())
      .toContain('Agreed: MHST to offer guided self-help; school nursing to check in weekly.');
    const lead = clinician.getByRole('region', { name: 'Lead worker', exact: true });
    await lead.getByLabel('Their name').fill('Priya Nair');
    await lead.getByLabel('Agency they work for').fill('MHST');
    await lead.getByLabel('Work phone number (optional)').fill('01632 960123');
    await lead.getByRole('button', { name: 'Save lead worker' }).click();
    await expect.poll(() => banner.textContent()).toContain('The lead worker was saved.');
    await expect.poll(() => lead.getByText('Priya Nair is now the lead worker.').count()).toBe(1);
    await expect.poll(() => lead.locator('dl').textContent()).toContain('Priya Nair');
    await expectNoAxeViolations(clinician, 'referral with a lead worker');

    // Finally the clinician declines the routine referral, and is back on the queue with a notice.
    await clinician.getByRole('link', { name: 'Triage queue' }).first().click();
    await arriveAt(clinician, 'Triage queue', 'triage queue, before declining');
    await clinician.getByRole('link', queueLink(routineRef, routineName)).click();
    await arriveAt(clinician, `Referral ${routineRef}`);
    await choice(clinician, 'Record a decision', 'Decline: does not meet the threshold').check();
    await choice(
      clinician,
      'Why does this referral not meet the threshold?',
      'The needs described can be met without a specialist service',
    ).check();
    await expect
      .poll(() => clinician.getByText(/The referrer and family will be offered: Support at school/).count())
      .toBe(1);
    await choice(clinician, 'THRIVE grouping', 'Getting Advice and Signposting').check();
    await choice(clinician, 'Priority', 'Routine').check();
    await expectNoAxeViolations(clinician, 'decline, filled in');
    await clinician.getByRole('button', { name: 'Record decision' }).click();

    await arriveAt(clinician, 'Triage queue', 'triage queue with a notice');
    expect(new URL(clinician.url()).pathname).toBe('/staff/triage');
    const notice = clinician.getByRole('status').filter({ hasText: 'The decision was recorded.' });
    await expect
      .poll(() => notice.textContent())
      .toBe(`The decision was recorded. Referral ${routineRef}: Not accepted.`);
    await expect.poll(() => clinician.getByRole('link', queueLink(routineRef, routineName)).count()).toBe(0);
    await expect.poll(() => clinician.getByRole('link', queueLink(urgentRef, urgentName)).count()).toBe(1);
    expect(errors).toEqual([]);
    await clinician.context().close();

    // The teacher sees where each referral has got to, without the clinical notes.
    await teacher.goto(`${journey.baseUrl}/staff/my-referrals`);
    await arriveAt(teacher, 'Referrals you made');
    const rowsOf = async (name: string) => {
      const card = teacher.getByRole('region', { name: new RegExp(`^${name}`) });
      await expect.poll(() => card.count()).toBe(1);
      return summaryRows(card);
    };
    expect(await rowsOf(routineName)).toEqual({
      Status: 'Not accepted',
      'Why it was not accepted': 'The needs described can be met without a specialist service',
      'Other help offered':
        'Support at school from the pastoral team, and self-help from the online support service',
    });
    expect(await rowsOf(urgentName)).toEqual({
      Status: 'To be discussed at a multi-agency meeting',
      'Lead worker': 'Priya Nair, MHST (01632 960123)',
    });
    expect(await teacher.getByText('Bullying and low mood').count()).toBe(0);
    await teacher.context().close();
  }, 240_000);
});
