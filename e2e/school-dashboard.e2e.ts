import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WholeSchool } from '../src/contracts/schools.js';
import { DEMO_SURVEY_SECRET } from '../src/demo/demo-schools-work-surveys.js';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { confidenceStatements } from '../src/domain/schools/confidence-survey.js';
import {
  arriveAt,
  choice,
  desktopPage,
  phonePage,
  pollPatiently,
  signInStaff,
  unexpected,
} from './front-door-helpers.js';
import {
  cellsOfRow,
  csrfOf,
  errorLines,
  expectBanner,
  fillDateTime,
  literally,
  londonClock,
  rowsOf,
} from './schools-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

// A school's senior mental health lead reads their school's dashboard, keeps the whole-school plan
// up to date (where a colleague's change gets there first), logs a classroom workshop and sees it
// counted, and starts a staff survey. A member of staff answers a survey on their phone.
describe("A school's dashboard and its staff survey", () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('the senior mental health lead reads the dashboard, keeps the plan and logs a workshop', async () => {
    const lead = await desktopPage(journey.browser);
    const errors = collectPageErrors(lead);
    await signInStaff(lead, journey.baseUrl, demoEmailFor('senior-mental-health-lead'));
    expect(await lead.getByRole('link', { name: 'Consultation line', exact: true }).count()).toBe(0);

    // With one school, "Schools" goes straight to its dashboard.
    await lead.getByRole('link', { name: 'Schools', exact: true }).click();
    await arriveAt(lead, /^.+: dashboard – Lantern$/, 'school dashboard');
    const urn = new URL(lead.url()).pathname.split('/').at(-1) ?? '';
    expect(urn).toMatch(/^\d+$/);
    const h1 = lead.getByRole('heading', { level: 1 });
    await expect.poll(() => h1.textContent()).toMatch(/School dashboard$/);
    for (const heading of [
      'Waiting for help to start',
      'Referrals from the school',
      'Work with the school in the last 12 months',
      'Staff confidence survey',
    ]) {
      expect(await lead.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
    }
    const delivered = rowsOf(lead, 'Sessions delivered in the last 12 months');
    const [, sessionsBefore, attendeesBefore] = await cellsOfRow(delivered, 'Classroom workshop');

    // The whole-school approach: the four tiers of the graduated model.
    await lead.getByRole('link', { name: 'Whole-school plan, sessions and advice' }).click();
    await arriveAt(lead, /^.+: whole-school approach – Lantern$/, 'whole-school approach');
    for (const tier of [1, 2, 3, 4]) {
      expect(await lead.getByRole('heading', { name: new RegExp(`^Tier ${tier}: `), level: 3 }).count()).toBe(
        1,
      );
    }

    // The lead adds an action to tier 1.
    const plan = lead.getByRole('form', { name: 'Add an action to the plan' });
    await choice(lead, 'Which tier is it in?', 'Tier 1: Whole-school approach').check();
    await plan.getByLabel('What will be done?').fill('Mental health week for Year 9 in the spring term');
    await plan.getByLabel('Who will do it?').fill('Head of PSHE');
    await plan.getByRole('button', { name: 'Add action' }).click();
    await expectBanner(lead, 'Added to tier 1: “Mental health week for Year 9 in the spring term”.');
    const tierOne = rowsOf(lead, 'Tier 1 actions');
    const added = await cellsOfRow(tierOne, 'Mental health week for Year 9');
    expect(added.slice(0, 3)).toEqual([
      'Mental health week for Year 9 in the spring term',
      'Head of PSHE',
      'No date',
    ]);
    await expectNoAxeViolations(lead, 'whole-school approach with an action');

    // Meanwhile a colleague changes the same action in another tab.
    const api = lead.context().request;
    const view = (await (
      await api.get(`${journey.baseUrl}/api/schools/${urn}/whole-school`)
    ).json()) as WholeSchool;
    const action = view.tiers[0]?.actions.find((a) => a.action.startsWith('Mental health week'));
    expect(action).toBeDefined();
    const changed = await api.put(`${journey.baseUrl}/api/schools/${urn}/plan-actions/${action?.id}`, {
      data: { action: action?.action, owner: 'Head of Year 9', dueOn: null, status: 'in-progress' },
      headers: { 'x-csrf-token': await csrfOf(lead, journey.baseUrl), 'if-match': `"${action?.version}"` },
    });
    expect(changed.status(), await changed.text()).toBe(200);

    // The lead, still looking at the old version, marks it done: refused, and shown the latest.
    const status = lead.getByRole('combobox', { name: /^Status of “Mental health week/ });
    await status.selectOption('done');
    const put = lead.waitForResponse(
      (r) => r.url().includes('/plan-actions/') && r.request().method() === 'PUT',
    );
    await lead.getByRole('button', { name: /^Save status of “Mental health week/ }).click();
    expect((await put).status()).toBe(412);
    await expectBanner(lead, 'Someone else changed this action while you were looking at it.');
    await expect
      .poll(async () => (await cellsOfRow(tierOne, 'Mental health week'))[1])
      .toBe('Head of Year 9');
    await expect.poll(() => status.inputValue()).toBe('in-progress');
    await expectNoAxeViolations(lead, 'whole-school approach after a stale change');
    await status.selectOption('done');
    await lead.getByRole('button', { name: /^Save status of “Mental health week/ }).click();
    await expectBanner(lead, 'is now done.');

    // A classroom workshop, counted and never named.
    const sessionForm = lead.getByRole('form', { name: 'Record a session' });
    await sessionForm.getByRole('button', { name: 'Record session' }).click();
    expect(await errorLines(lead)).toEqual([
      'Choose the kind of session',
      'Say what the session was about',
      'Enter the date and time of the session, such as 14/03/2026 at 10:00',
      'Enter how many attended, as a number',
      'Say who delivered it',
    ]);
    await expectNoAxeViolations(lead, 'session form with errors');
    await choice(lead, 'What kind of session was it?', 'Classroom workshop').check();
    await sessionForm.getByLabel('What was it about?').fill('Coping with exam stress');
    const heldAt = londonClock(120);
    await fillDateTime(sessionForm, 'When was it?', heldAt);
    const count = sessionForm.getByLabel('How many people came?');
    expect(await count.getAttribute('aria-describedby')).toContain('session-attendeeCount-hint');
    expect(await sessionForm.locator('#session-attendeeCount-hint').textContent()).toContain(
      "Do not write anyone's name",
    );
    await count.fill('28');
    await sessionForm.getByLabel('Year groups (optional)').fill('Year 10');
    await sessionForm.getByLabel('Who ran it?').fill('Lakeside MHST');
    await sessionForm.getByRole('button', { name: 'Record session' }).click();
    await expectBanner(lead, 'recorded: 28 people came.');
    const recent = await cellsOfRow(rowsOf(lead, 'Recent sessions'), 'Coping with exam stress');
    expect(recent.slice(1)).toEqual([
      'Classroom workshop',
      'Coping with exam stress',
      '28',
      'Year 10',
      'Lakeside MHST',
    ]);
    await expectNoAxeViolations(lead, 'whole-school approach after a workshop');

    // Advice to a member of staff: the form reminds them not to name a child.
    const advice = lead.getByRole('form', { name: 'Record advice given to a member of staff' });
    expect(await advice.getByText('Do not name a child unless you need to.').count()).toBe(1);

    // Back on the dashboard, the workshop is counted.
    await lead.getByRole('link', { name: 'School dashboard' }).click();
    await arriveAt(lead, /^.+: dashboard – Lantern$/, 'school dashboard after a workshop');
    await expect
      .poll(async () => (await cellsOfRow(delivered, 'Classroom workshop')).slice(1))
      .toEqual([String(Number(sessionsBefore) + 1), String(Number(attendeesBefore) + 28)]);

    // The lead starts a staff survey and is shown its link once.
    await lead.getByRole('link', { name: 'Staff confidence survey' }).click();
    await arriveAt(lead, /^.+: staff survey – Lantern$/, 'staff survey results');
    await choice(
      lead,
      "Is this before or after the team's work with the school?",
      "Before the team's work",
    ).check();
    await lead.getByRole('button', { name: 'Start the survey' }).click();
    const link = lead.getByLabel('Link to the survey');
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.inputValue()).toMatch(
      new RegExp(`^${literally(journey.baseUrl)}/survey/[A-Za-z0-9_-]{20,}$`),
    );
    expect(await lead.getByText('This link will not be shown again').count()).toBe(1);
    await expect
      .poll(() =>
        lead.getByText('Fewer than 8 staff answered, so results are hidden to protect anonymity.').count(),
      )
      .toBeGreaterThan(0);
    await expectNoAxeViolations(lead, 'survey link shown once');
    await lead.getByRole('button', { name: 'I have copied the link' }).click();
    await expect.poll(() => link.count()).toBe(0);
    // The stale change was refused with 412, as it should be; nothing else went wrong.
    expect(unexpected(errors, /status of 412/)).toEqual([]);
    await lead.context().close();
  }, 240_000);

  it('a member of school staff answers the survey on their phone, without signing in', async () => {
    const staff = await phonePage(journey.browser);
    const errors = collectPageErrors(staff);

    // A link copied wrongly gets a kind message.
    await staff.goto(`${journey.baseUrl}/survey/not-a-real-link`);
    await arriveAt(staff, 'This survey link does not work');

    await staff.goto(`${journey.baseUrl}/survey/${DEMO_SURVEY_SECRET}`);
    await arriveAt(staff, 'Staff survey');
    expect(await staff.getByText('Your answers are anonymous.', { exact: false }).count()).toBe(1);
    const groups = staff.getByRole('group');
    expect(await groups.count()).toBe(confidenceStatements.length);

    // Sending nothing asks for at least one answer.
    await staff.getByRole('button', { name: 'Send my answers' }).click();
    expect(await errorLines(staff)).toEqual(['Choose an answer for at least one statement']);
    await expectNoAxeViolations(staff, 'staff survey with an error');

    // The first by keyboard, the rest by touch.
    const [first, ...rest] = confidenceStatements;
    const statement = (text: string) => new RegExp(`${literally(text)}$`);
    await staff
      .getByRole('group', { name: statement(first?.text ?? '') })
      .getByLabel('Agree', { exact: true })
      .focus();
    await staff.keyboard.press('Space');
    expect(
      await staff
        .getByRole('group', { name: statement(first?.text ?? '') })
        .getByLabel('Agree', { exact: true })
        .isChecked(),
    ).toBe(true);
    for (const [index, { text }] of rest.entries()) {
      const label = index % 2 === 0 ? 'Strongly agree' : 'Neither agree nor disagree';
      await choice(staff, statement(text), label).check();
    }
    const sent = staff.waitForResponse(
      (r) => r.url().endsWith('/responses') && r.request().method() === 'POST',
    );
    await staff.getByRole('button', { name: 'Send my answers' }).click();
    const response = await sent;
    expect(response.status()).toBe(201);
    expect(response.request().headers()['idempotency-key']).toMatch(/^[A-Za-z0-9-]{8,}$/);
    await arriveAt(staff, 'Thank you', 'survey thank-you page');
    expect(await staff.getByText('Your answers have been sent').count()).toBe(1);
    // The wrong link's look-up answered 404, as it should; nothing else went wrong.
    expect(unexpected(errors, /status of 404/)).toEqual([]);
    await staff.context().close();
  }, 120_000);
});
