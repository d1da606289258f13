import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { londonNow } from '../src/web/features/schools/schools-view.js';

// Shared steps for the schools journeys (school-dashboard.e2e.ts and consultation-line.e2e.ts).

/** The date and time on a clock in England some minutes ago, as a date box and a time box take them. */
export function londonClock(minutesAgo: number): { date: string; time: string } {
  return londonNow(new Date(Date.now() - minutesAgo * 60_000));
}

/** Fills in a date-and-time question (a fieldset with Date and Time boxes) in a form or page. */
export async function fillDateTime(
  within: Page | Locator,
  legend: string,
  at: { date: string; time: string },
) {
  const group = within.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Date', { exact: true }).fill(at.date);
  await group.getByLabel('Time (UK time)').fill(at.time);
}

/** The banner saying what just happened, once it says `text`. */
export async function expectBanner(page: Page, text: string): Promise<void> {
  const banner = page.locator('.nhsuk-notification-banner');
  await expect.poll(() => banner.textContent()).toContain(text);
}

/** A table's body rows, found by its caption. */
export function rowsOf(page: Page, caption: string | RegExp): Locator {
  return page.getByRole('table', { name: caption }).locator('tbody tr');
}

/** The cells of the one row holding `text`, as shown on screen. */
export async function cellsOfRow(rows: Locator, text: string): Promise<string[]> {
  const row = rows.filter({ hasText: text });
  await expect.poll(() => row.count()).toBe(1);
  return row.locator('td > div').allInnerTexts();
}

/** The error summary's lines, once it has appeared and taken focus. */
export async function errorLines(page: Page): Promise<string[]> {
  const summary = page.locator('.nhsuk-error-summary');
  await expect.poll(() => summary.count()).toBeGreaterThan(0);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
    .toContain('nhsuk-error-summary');
  return summary.first().locator('li').allInnerTexts();
}

/** The signed-in page's CSRF token, for a change made through the API as another tab would. */
export async function csrfOf(page: Page, baseUrl: string): Promise<string> {
  const response = await page.context().request.get(`${baseUrl}/api/session`);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Escapes text for a regular expression, such as a statement with an apostrophe or brackets. */
export function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
