import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Database } from '../src/db/client.js';
import { openMigratedDatabase } from '../src/db/migrate.js';
import { DEFAULT_DEMO_SEED } from '../src/demo/demo-area.js';
import { writeDemoArea } from '../src/demo/write-demo-area.js';
import { buildApp } from '../src/server/app.js';
import { type Config, testConfig } from '../src/server/config.js';

/** Debian's Chromium: the project never downloads a browser of its own. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Journey {
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export const JOURNEY_SEED = DEFAULT_DEMO_SEED;

/** Lantern on the demo area, listening on a free port, with a headless Chromium to drive it. */
export async function startJourney(
  options: { config?: Partial<Config>; prepare?: (database: Database) => Promise<unknown> } = {},
): Promise<Journey> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: run apt-get install chromium, or set CHROMIUM_PATH`,
    );
  }
  const { database } = await openMigratedDatabase({ dataDir: 'memory://' });
  await writeDemoArea(database, { seed: JOURNEY_SEED, scale: 1 });
  await options.prepare?.(database);
  const config = testConfig(options.config);
  const app = await buildApp(config, { database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // Known only once listening; Lantern reads it when it builds the OpenID Connect redirect URI.
  config.PUBLIC_URL = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Without these, Chromium keeps trying to reach Google's hosts, which this network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Runs axe on the page as it is now, against WCAG 2.2 A and AA, and fails on any violation. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Fails a journey on any error the page logs, such as a Content-Security-Policy refusal. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // The design system's font lives on an NHS server; the CSP blocks it and the page falls back to Arial.
    // A signed-out visitor's session check (GET /api/session) answers 401 by design.
    const text = message.text();
    const isExpected = text.includes('assets.nhs.uk') || text.includes('status of 401');
    if (message.type() === 'error' && !isExpected) errors.push(text);
  });
  return errors;
}
