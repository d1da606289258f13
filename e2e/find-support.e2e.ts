import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pollPatiently } from './front-door-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

// A young person, parent or teacher finds the services that fit, on a phone, by keyboard.
describe('Find support journey', () => {
  let journey: Journey;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney();
  });
  afterAll(() => journey?.close());
  beforeEach(async () => {
    const context = await journey.browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
    });
    page = await context.newPage();
    errors = collectPageErrors(page);
  });

  it('from the home page, a 14-year-old at an MHST school worried about anxiety finds help', async () => {
    // Given the home page
    await page.goto(`${journey.baseUrl}/`);
    await expect
      .poll(() => page.title())
      .toBe('Mental health support for children and young people – Lantern');
    await expect.poll(() => page.getByText('If someone is in danger right now').count()).toBe(1);
    await expectNoAxeViolations(page, 'home');

    // When they follow "Find support" and answer the questions
    await page.getByRole('link', { name: 'Find support' }).first().click();
    await expect.poll(() => page.title()).toBe('Find support – Lantern');
    await page.getByLabel('How old are they?').fill('14');
    const school = page.getByLabel('Which school or college do they go to?');
    await expect.poll(() => school.locator('option').count()).toBeGreaterThan(60);
    const firstSchoolValue = await school.locator('optgroup option').first().getAttribute('value');
    await school.selectOption(firstSchoolValue ?? '');
    await page.getByLabel('Feeling worried, anxious or panicky').check();
    await expectNoAxeViolations(page, 'find support form');
    await page.getByRole('button', { name: 'Show support' }).click();

    // Then they see services that fit, why, and what to do in a crisis
    await expect.poll(() => page.title()).toBe('Support that could help – Lantern');
    await expect.poll(() => page.getByRole('heading', { name: /^Services that fit/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'Lantern Online' }).count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText('Helps with feeling worried, anxious or panicky').count())
      .toBeGreaterThan(0);
    expect(await page.getByText('If someone is in danger right now').count()).toBe(1);
    // The search is not written into the address, so it does not stay in a shared browser's history.
    expect(page.url()).toBe(`${journey.baseUrl}/find-support/results`);
    await expectNoAxeViolations(page, 'results');

    // And they can open a service's page
    await page.getByRole('link', { name: 'Lantern Online' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Lantern Online' }).count()).toBe(1);
    await expect.poll(() => page.getByText('What this service is not for').count()).toBe(1);
    await expectNoAxeViolations(page, 'service page');
    expect(errors).toEqual([]);
  });

  it('shows a clear error for an age that is not a number, and keeps the answers', async () => {
    await page.goto(`${journey.baseUrl}/find-support`);
    await page.getByLabel('How old are they?').fill('fourteen');
    await page.getByLabel('What is their home postcode?').fill('NV3 2AB');
    await page.getByRole('button', { name: 'Show support' }).click();
    await expect.poll(() => page.title()).toBe('Error: Find support – Lantern');
    const summary = page.locator('.nhsuk-error-summary');
    await expect.poll(() => summary.textContent()).toContain('Age must be a whole number of years');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('nhsuk-error-summary');
    expect(await page.getByLabel('What is their home postcode?').inputValue()).toBe('NV3 2AB');
    await expectNoAxeViolations(page, 'form with errors');
    // The error links to the field it is about.
    await summary.getByRole('link', { name: /Age must be/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('age');
  });

  it('can be completed with the keyboard alone', async () => {
    await page.goto(`${journey.baseUrl}/find-support`);
    await expect.poll(() => page.getByRole('button', { name: 'Show support' }).count()).toBe(1);
    await page.keyboard.press('Tab'); // skip link
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.getByLabel('How old are they?').focus();
    await page.keyboard.type('12');
    await page.getByLabel('What is their home postcode?').focus();
    await page.keyboard.type('SV2');
    await page.getByLabel('Feeling low, sad or down').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Show support' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Southvale', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('heading', { name: /^Services that fit/ }).count()).toBe(1);
  });

  it('shows the help-now page and a real 404 page for an unknown address', async () => {
    await page.goto(`${journey.baseUrl}/help-now`);
    await expect
      .poll(() => page.getByText('Lantern Vale 24/7 Crisis Line', { exact: false }).count())
      .toBe(1);
    await expectNoAxeViolations(page, 'help now');
    const response = await page.goto(`${journey.baseUrl}/no-such-page`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'not found');
  });
});
