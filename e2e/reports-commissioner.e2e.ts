import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoArea } from '../src/demo/demo-area.js';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { rebuildRollups } from '../src/services/reporting/rollup.js';
import { arriveAt, desktopPage, phonePage, pollPatiently, signInStaff } from './front-door-helpers.js';
import {
  collectPageErrors,
  expectNoAxeViolations,
  JOURNEY_SEED,
  type Journey,
  startJourney,
} from './support.js';

// A commissioner reads the dashboard, narrows it to one school and one quarter (the address keeps
// the filters), downloads the CSV, opens and prints the board report, and cannot reach any record
// about one child, on a desktop and on a phone.
const area = buildDemoArea({ seed: JOURNEY_SEED, scale: 1 });
const childNames = area.referrals.children.map((child) => `${child.givenName} ${child.familyName}`);

/** The text of a file the browser downloaded after `click`. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: readFileSync(path) };
}

/** Waits for the figures (not only the page) to be on screen. */
async function figuresShown(page: Page) {
  await expect.poll(() => page.getByRole('heading', { name: 'In brief' }).count()).toBe(1);
  await expect.poll(() => page.locator('.lantern-kpi').count()).toBeGreaterThan(0);
}

describe('A commissioner reads the numbers for boards', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    // The dashboard reads rollup tables only: work them out once from the demo area's records.
    journey = await startJourney({ prepare: (database) => rebuildRollups(database.db, { now: new Date() }) });
  }, 300_000);
  afterAll(() => journey?.close());

  it('filters the dashboard, downloads the CSV and prints the board report, and reaches no record', async () => {
    const page = await desktopPage(journey.browser);
    const errors = collectPageErrors(page);
    await signInStaff(page, journey.baseUrl, demoEmailFor('commissioner'));

    await page.goto(`${journey.baseUrl}/reports`);
    await figuresShown(page);
    await arriveAt(page, 'Dashboard');
    expect(
      await page
        .getByText('Published figures: numbers from 1 to 7 are shown as *, others rounded to the nearest 5.')
        .count(),
    ).toBe(1);
    // A commissioner is not offered the exact figures.
    expect(await page.getByRole('radio', { name: /Exact/ }).count()).toBe(0);

    // One school and one quarter, chosen by keyboard and sent with "Apply filters".
    const form = page.getByRole('form', { name: 'Filter the figures' });
    const school = form.getByLabel('School', { exact: true });
    await expect.poll(() => school.locator('option').count()).toBeGreaterThan(1);
    const schoolOption = school.locator('option').nth(1);
    const urn = (await schoolOption.getAttribute('value')) ?? '';
    const schoolName = ((await schoolOption.textContent()) ?? '').trim();
    await school.selectOption(urn);
    await form.getByLabel('Period', { exact: true }).selectOption('quarter');
    const which = form.getByLabel('Which period');
    await expect.poll(() => which.locator('option').count()).toBeGreaterThan(2);
    const quarterOption = which.locator('option').nth(2);
    const quarterStart = (await quarterOption.getAttribute('value')) ?? '';
    const quarterLabel = ((await quarterOption.textContent()) ?? '').trim();
    await which.selectOption(quarterStart);
    await form.getByRole('button', { name: 'Apply filters' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('school')).toBe(urn);
    const address = new URL(page.url()).searchParams;
    expect(address.get('period')).toBe('quarter');
    expect(address.get('date')).toBe(quarterStart);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Dashboard${schoolName}, ${quarterLabel}`);
    await figuresShown(page);

    // Reloading keeps the filters: they live in the address.
    await page.reload();
    await figuresShown(page);
    await expect.poll(() => page.getByLabel('School', { exact: true }).inputValue()).toBe(urn);
    await expect.poll(() => page.getByLabel('Which period').inputValue()).toBe(quarterStart);
    await arriveAt(page, 'Dashboard', 'dashboard for one school and quarter');

    // Headlines, and charts that are images with a sentence, each with its table.
    expect(await page.locator('.lantern-report-headlines li').count()).toBeGreaterThan(0);
    const charts = page.locator('svg[role="img"]');
    await expect.poll(() => charts.count()).toBeGreaterThan(0);
    expect(await charts.first().getAttribute('aria-label')).toMatch(/^Chart: .+\.$/);
    const tableSwitch = page.getByText('Recent periods as a table').first();
    await tableSwitch.click();
    const table = page.getByRole('table', { name: /recent periods, oldest first$/ }).first();
    await expect.poll(() => table.isVisible()).toBe(true);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByText('How this is worked out').first().click();
    await expectNoAxeViolations(page, 'dashboard with a table and a definition open');

    // The CSV: the same filters, published figures, a header row and no names.
    const csv = await download(page, () => page.getByRole('link', { name: /^Download CSV/ }).click());
    const text = csv.body.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      'KPI,Title,Period,Breakdown,Group,Figure,Previous period,Change,Target,"Red, amber or green"',
    );
    expect(text).toContain(quarterLabel);
    expect(csv.name).not.toContain(urn);
    expect(childNames.filter((name) => text.includes(name))).toEqual([]);

    // The board report for the same school and quarter, ready to print.
    await page.getByRole('link', { name: `Board report for ${schoolName}` }).click();
    await expect.poll(() => page.locator('[data-report-ready="true"]').count()).toBe(1);
    await arriveAt(page, `Board report: ${schoolName}, ${quarterLabel}`);
    expect(await page.getByText('Figures for publication: small numbers suppressed.').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('school')).toBe(urn);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.nhsuk-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print this page' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    const pdf = await download(page, () => page.getByRole('link', { name: 'Download PDF' }).click());
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.name).toMatch(/^board-report-[a-z]+-to-[a-z]+-\d{4}\.pdf$/);

    // No record about one child: the triage queue is refused, and so are the record APIs.
    await page.goto(`${journey.baseUrl}/staff/triage`);
    await expect.poll(() => page.getByText('You do not have permission').count()).toBe(1);
    await expectNoAxeViolations(page, 'the page refusing the triage queue');
    const api = page.context().request;
    const referral = area.referrals.referrals[0]?.id ?? '00000000-0000-4000-8000-000000000000';
    for (const path of [
      '/api/triage/queue',
      `/api/referrals/${referral}`,
      `/api/triage/referrals/${referral}`,
    ]) {
      const status = (await api.get(`${journey.baseUrl}${path}`)).status();
      expect([403, 404], path).toContain(status);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('reads the dashboard and the board report on a phone', async () => {
    const page = await phonePage(journey.browser);
    const errors = collectPageErrors(page);
    await signInStaff(page, journey.baseUrl, demoEmailFor('commissioner'));
    for (const [path, title] of [
      ['/reports', 'Dashboard'],
      ['/reports/board', /^Board report: .+ – Lantern$/],
    ] as const) {
      await page.goto(`${journey.baseUrl}${path}`);
      await figuresShown(page);
      await arriveAt(page, title, `${path} on a phone`);
      // Nothing is wider than the phone: wide tables stack or scroll inside their own box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
