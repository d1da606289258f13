import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MhstTeamList, TeamCapacity, WaitingList } from '../src/contracts/mhst.js';
import { buildDemoArea } from '../src/demo/demo-area.js';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { runBreachCheck } from '../src/services/allocation/forecast.js';
import { arriveAt, desktopPage, signInStaff } from './front-door-helpers.js';
import { expectNoAxeViolations, JOURNEY_SEED, type Journey, startJourney } from './support.js';

// Shared steps for the Mental Health Support Team journeys (mhst-allocation.e2e.ts, caseload.e2e.ts)
// and the case-work journeys that start from a practitioner's caseload.

const identity = buildDemoArea({ seed: JOURNEY_SEED, scale: 1 }).identity;

/**
 * Like startJourney, but the hourly breach check has run once on the demo area, as it does when
 * Lantern starts, so the team has open alerts to see and acknowledge.
 */
export function startJourneyWithBreachCheck(): Promise<Journey> {
  return startJourney({ prepare: (database) => runBreachCheck(database.db, new Date()) });
}

/** A demo account's name as the pages show it. */
export function displayNameOf(email: string): string {
  const name = identity.users.find((user) => user.email === email)?.displayName ?? '';
  expect(name, `demo account ${email}`).not.toBe('');
  return name;
}

/** The rows of a table's body, once it has at least `atLeast` of them. */
export async function bodyRows(table: Locator, atLeast = 1): Promise<Locator> {
  const rows = table.locator('tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(atLeast);
  return rows;
}

/** The reference, child's name and school of a waiting-list row (its responsive cells repeat their headings). */
export async function rowFacts(
  row: Locator,
): Promise<{ reference: string; childName: string; school: string }> {
  const cell = (heading: string) =>
    row
      .locator('td')
      .filter({ has: row.page().locator('.nhsuk-table-responsive__heading', { hasText: heading }) })
      .locator(':scope > div')
      .first();
  const link = cell('Reference').getByRole('link');
  const reference = ((await link.count()) > 0 ? await link.innerText() : await cell('Reference').innerText())
    .split(/[\s,]/)[0]
    ?.trim();
  return {
    reference: reference ?? '',
    childName: (await cell('Name').innerText()).trim(),
    school: (await cell('School').innerText()).trim(),
  };
}

/** Checks a page with axe as it looks on a small phone, and that it fits the screen; then puts the window back. */
export async function expectNoAxeViolationsOnPhone(page: Page, label: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoAxeViolations(page, `${label}, on a phone`);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${label} scrolls sideways`,
  ).toBeLessThanOrEqual(360);
  if (size) await page.setViewportSize(size);
}

/**
 * As a signed-in team manager (through the API, as the pages do): gives a practitioner room on
 * their caseload and allocates them the longest-waiting referral from a school. Returns it.
 */
export async function allocateByApi(
  page: Page,
  baseUrl: string,
  practitionerName: string,
): Promise<{ reference: string; childName: string }> {
  const api = page.context().request;
  const session = (await (await api.get(`${baseUrl}/api/session`)).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': session.csrfToken };
  const teams = (await (await api.get(`${baseUrl}/api/mhst/teams`)).json()) as MhstTeamList;
  const teamId = teams.items[0]?.id ?? '';
  const list = (await (
    await api.get(`${baseUrl}/api/mhst/teams/${teamId}/waiting-list`)
  ).json()) as WaitingList;
  const referral = list.items.find((item) => item.schoolUrn !== null) ?? list.items[0];
  if (!referral) throw new Error('the demo waiting list is empty');
  const capacity = (await (
    await api.get(`${baseUrl}/api/mhst/teams/${teamId}/capacity`)
  ).json()) as TeamCapacity;
  const practitioner = capacity.practitioners.find((p) => p.displayName === practitionerName);
  if (!practitioner) throw new Error(`${practitionerName} is not a practitioner in ${capacity.team.name}`);
  const saved = await api.put(`${baseUrl}/api/mhst/teams/${teamId}/practitioners/${practitioner.userId}`, {
    data: {
      caseloadCapacity: Math.min(100, practitioner.caseload + 10),
      gender: practitioner.gender,
      languages: practitioner.languages,
      schoolDays: practitioner.schoolDays,
    },
    headers: { ...headers, 'if-match': `"${practitioner.version}"` },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const allocated = await api.post(
    `${baseUrl}/api/mhst/teams/${teamId}/referrals/${referral.referralId}/allocations`,
    {
      data: { kind: 'practitioner', userId: practitioner.userId, reason: 'Allocation meeting: has space' },
      headers: { ...headers, 'if-match': `"${referral.version}"` },
    },
  );
  expect(allocated.status(), await allocated.text()).toBe(200);
  return { reference: referral.reference, childName: referral.childName };
}

/**
 * Earlier, the team manager allocated the demo Education Mental Health Practitioner a young person
 * (through the API, signed in on a page of their own that is closed again). Returns the referral.
 */
export async function allocateToDemoPractitioner(
  journey: Journey,
): Promise<{ reference: string; childName: string }> {
  const manager = await desktopPage(journey.browser);
  await signInStaff(manager, journey.baseUrl, demoEmailFor('mhst-team-manager'));
  const allocated = await allocateByApi(manager, journey.baseUrl, displayNameOf(demoEmailFor('emhp')));
  await manager.context().close();
  return allocated;
}

/** On the practitioner's caseload page: opens the young person's record by its reference. */
export async function openFromCaseload(page: Page, reference: string): Promise<void> {
  await arriveAt(page, 'Your caseload');
  const row = page
    .getByRole('table', { name: 'Young people allocated to you' })
    .locator('tbody tr', { hasText: reference });
  await row.getByRole('link', { name: new RegExp(reference) }).click();
  await arriveAt(page, `Referral ${reference}`);
}
