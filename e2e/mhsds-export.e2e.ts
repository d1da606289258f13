import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoArea, DEFAULT_DEMO_NOW } from '../src/demo/demo-area.js';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { londonDate } from '../src/domain/people/child-details.js';
import { lastWholeMonth } from '../src/domain/reporting/mhsds/period.js';
import { dictionaryHeader } from '../src/domain/reporting/mhsds/tables.js';
import { referralTable } from '../src/domain/reporting/mhsds/tables-referral.js';
import { arriveAt, desktopPage, phonePage, pollPatiently, signInStaff } from './front-door-helpers.js';
import { cellsOfRow, errorLines, rowsOf } from './schools-helpers.js';
import {
  collectPageErrors,
  expectNoAxeViolations,
  JOURNEY_SEED,
  type Journey,
  startJourney,
} from './support.js';

// A service manager downloads the MHSDS-shaped export for a period: they correct a period that
// ends before it starts, see each table's row count and the warning, and download the referral
// table and the data dictionary, which hold no child's name and no unguarded formula. A
// commissioner cannot, on the page or at the API. The period form works by keyboard on a phone.
const area = buildDemoArea({ seed: JOURNEY_SEED, scale: 1 });
const children = area.referrals.children;
const fullNames = children.map((child) => `${child.givenName} ${child.familyName}`);
const nameParts = new Set(children.flatMap((child) => [child.givenName, child.familyName]));
/** The demo's last whole month: referrals arrive every week of it. */
const period = lastWholeMonth(londonDate(DEFAULT_DEMO_NOW));
const exportPath = '/reports/mhsds-export';
const title = 'MHSDS-shaped export';

/** A file the browser downloaded after `click`. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path()).toString('utf8') };
}

/** The records of an RFC 4180 file: CRLF line ends, quoted fields with doubled quotes. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** Cells a spreadsheet would run as a formula: a leading = + - @ tab or CR, and not a plain number. */
function unguardedFormulas(records: string[][]): string[] {
  return records.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));
}

/** Cells that are, or hold, a demo child's name. */
function namesIn(records: string[][], text: string): string[] {
  const cells = records.flat().filter((cell) => nameParts.has(cell));
  return [...cells, ...fullNames.filter((name) => text.includes(name))];
}

interface Focused {
  id: string;
  tag: string;
  text: string;
}

/** Presses Tab until the focused element is the one wanted, as a keyboard user would. */
async function tabTo(page: Page, wanted: (focused: Focused) => boolean, what: string): Promise<void> {
  for (let presses = 1; presses <= 80; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      id: document.activeElement?.id ?? '',
      tag: document.activeElement?.tagName ?? '',
      text: document.activeElement?.textContent?.trim() ?? '',
    }));
    if (wanted(focused)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Types a date into the focused date field, its parts in the order the browser shows them. */
async function typeDate(page: Page, isoDate: string): Promise<void> {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  const order = await page.evaluate(() =>
    new Intl.DateTimeFormat()
      .formatToParts(new Date(2000, 11, 31))
      .map((part) => part.type)
      .filter((type) => type === 'day' || type === 'month' || type === 'year'),
  );
  for (const part of order) await page.keyboard.type({ year, month, day }[part]);
  await expect
    .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
    .toBe(isoDate);
}

describe('A service manager downloads the MHSDS-shaped export', () => {
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('corrects a period, sees the tables, and downloads a table and the dictionary', async () => {
    const page = await desktopPage(journey.browser);
    const errors = collectPageErrors(page);
    await signInStaff(page, journey.baseUrl, demoEmailFor('service-manager'));
    await page.goto(`${journey.baseUrl}${exportPath}`);
    await arriveAt(page, title);
    // The warning is there before any table is.
    const warning = page.locator('.nhsuk-warning-callout');
    expect(await warning.innerText()).toContain('This is not an accredited MHSDS submission.');

    // A period that ends before it starts: the summary names the start, which is where the mistake is.
    const form = page.getByRole('form', { name: 'Choose the period' });
    await form.getByLabel('From', { exact: true }).fill(period.to);
    await form.getByLabel('To', { exact: true }).fill(period.from);
    await form.getByRole('button', { name: 'Show tables' }).click();
    expect(await errorLines(page)).toEqual(['The From date must be on or before the To date']);
    await expect.poll(() => page.title()).toBe(`Error: ${title} – Lantern`);
    expect(await page.locator('#mhsds-from-error').textContent()).toBe(
      'Error: The From date must be on or before the To date',
    );
    expect(await form.getByLabel('From', { exact: true }).getAttribute('aria-describedby')).toContain(
      'mhsds-from-error',
    );
    await expectNoAxeViolations(page, 'period that ends before it starts');
    await page.locator('.nhsuk-error-summary').getByRole('link').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mhsds-from');
    // Nothing was asked of the server with the wrong period: the address has no dates yet.
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();

    // The demo's last whole month: every table with its row count, the referrals among them.
    await form.getByLabel('From', { exact: true }).fill(period.from);
    await form.getByLabel('To', { exact: true }).fill(period.to);
    await form.getByRole('button', { name: 'Show tables' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(period.from);
    expect(new URL(page.url()).searchParams.get('to')).toBe(period.to);
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: /^Tables from / }).innerText())
      .toBe('Tables from 1 October 2026 to 31 October 2026');
    await arriveAt(page, title, 'tables for the last whole month');
    const rows = rowsOf(page, 'Tables in the export');
    expect(await rows.count()).toBe(10);
    const [name, what, count] = await cellsOfRow(rows, 'MHS101Referral');
    expect(name).toBe('MHS101Referral');
    expect(what).not.toBe('');
    const referralRows = Number(count?.replaceAll(',', ''));
    expect(referralRows).toBeGreaterThan(0);
    expect(await warning.innerText()).toContain('keep it inside your organisation');

    // The referral table: MHSDS column names, one record per referral counted, no names, no formulas.
    const referrals = await download(page, () =>
      page.getByRole('link', { name: /^MHS101Referral\.csv/ }).click(),
    );
    expect(referrals.name).toMatch(/MHS101Referral/);
    const records = readCsv(referrals.text);
    const header = records[0] ?? [];
    expect(header).toEqual(referralTable.columns.map((column) => column.name));
    expect(header).toEqual(
      expect.arrayContaining(['ServiceRequestId', 'ReferralRequestReceivedDate', 'SourceOfReferralMH']),
    );
    expect(records.length - 1).toBe(referralRows);
    expect(records.every((record) => record.length === header.length)).toBe(true);
    expect(namesIn(records, referrals.text)).toEqual([]);
    expect(unguardedFormulas(records)).toEqual([]);

    // The dictionary: one row per column, the referral table's among them.
    const dictionary = await download(page, () =>
      page.getByRole('link', { name: 'Download the data dictionary (CSV)' }).click(),
    );
    const entries = readCsv(dictionary.text);
    expect(entries[0]).toEqual([...dictionaryHeader]);
    const referralColumns = entries.filter((entry) => entry[0] === 'MHS101Referral').map((entry) => entry[1]);
    expect(referralColumns).toEqual(header);
    expect(namesIn(entries, dictionary.text)).toEqual([]);
    expect(unguardedFormulas(entries)).toEqual([]);

    // Reloading keeps the period: it lives in the address.
    await page.reload();
    await arriveAt(page, title, 'tables after a reload');
    await expect.poll(() => page.getByLabel('From', { exact: true }).inputValue()).toBe(period.from);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('refuses a commissioner, on the page and at the API', async () => {
    const page = await desktopPage(journey.browser);
    const errors = collectPageErrors(page);
    await signInStaff(page, journey.baseUrl, demoEmailFor('commissioner'));
    await page.goto(`${journey.baseUrl}${exportPath}?from=${period.from}&to=${period.to}`);
    await arriveAt(page, 'You cannot download the MHSDS-shaped export', 'export refused');
    expect(
      await page.getByText('You do not have permission to download the MHSDS-shaped export.').count(),
    ).toBe(1);
    expect(await page.getByRole('link', { name: /\.csv/ }).count()).toBe(0);
    const api = page.context().request;
    const query = `?from=${period.from}&to=${period.to}`;
    for (const path of [
      `/api/exports/mhsds${query}`,
      `/api/exports/mhsds/MHS101Referral.csv${query}`,
      '/api/exports/mhsds/dictionary.csv',
    ]) {
      const answer = await api.get(`${journey.baseUrl}${path}`);
      expect(answer.status(), path).toBe(403);
      expect(answer.headers()['content-type'], path).toContain('application/problem+json');
    }
    expect(errors.filter((error) => !error.includes('status of 403'))).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('chooses a period by keyboard on a phone', async () => {
    const page = await phonePage(journey.browser);
    const errors = collectPageErrors(page);
    await signInStaff(page, journey.baseUrl, demoEmailFor('service-manager'));
    await page.goto(`${journey.baseUrl}${exportPath}`);
    await arriveAt(page, title, 'export on a phone');
    // The last whole month of the real clock is shown until another is chosen.
    await expect.poll(() => page.getByLabel('From', { exact: true }).inputValue()).not.toBe('');

    await tabTo(page, (focused) => focused.id === 'mhsds-from', 'the From field');
    await typeDate(page, period.from);
    await tabTo(page, (focused) => focused.id === 'mhsds-to', 'the To field');
    await typeDate(page, period.to);
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Show tables', 'the Show tables button');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(period.from);
    expect(new URL(page.url()).searchParams.get('to')).toBe(period.to);
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: /^Tables from / }).innerText())
      .toBe('Tables from 1 October 2026 to 31 October 2026');
    await arriveAt(page, title, 'tables on a phone');
    // The download links are next, in reading order.
    await tabTo(page, (f) => f.tag === 'A' && f.text.startsWith('MHS001MPI.csv'), 'the first download link');
    // Nothing is wider than the phone: the table stacks, and its long names break.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
