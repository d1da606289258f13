import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { AppError } from '../../domain/app-error.js';
import { londonDate } from '../../domain/people/child-details.js';
import { lastCompletePeriod, periodContaining } from '../../domain/reporting/periods.js';
import { type BoardReportQuery, boardReportFilename, printPagePath } from './board-report-pdf-parts.js';

/** What printing needs from the running server: Chromium, its own address, the caller's cookie. */
export interface PrintDeps {
  chromiumPath: string;
  /** The server's own loopback address, or null when it is not listening on a port. */
  origin: string | null;
  /** The caller's own staff session cookie, as a Cookie header. */
  sessionCookie: string | null;
}

/** How long the page may take to load its figures and draw its charts. */
const PAGE_READY_MS = 30_000;
/** Chromium is heavy: at most this many reports print at once on one server. */
const MAX_PRINTING = 2;
let printing = 0;

const useBrowserPrint = "use your browser's Print instead";

/**
 * The quarterly board report as a PDF, printed by Chromium from the app's own board report page.
 * Chromium opens the page with the caller's own session cookie, so the page reads the published
 * (suppressed) figures with exactly the caller's permissions; nothing here reads a figure itself.
 * One access-log row here; the page's own read of the figures writes its own.
 */
export async function boardReportPdf(
  ctx: ServiceContext,
  deps: PrintDeps,
  query: BoardReportQuery,
): Promise<{ pdf: Buffer; filename: string }> {
  await authorise(ctx, 'report:read-published');
  staffOf(ctx);
  // The same quarter the page and the KPI route would choose, named in the file and the log.
  const quarter = query.date
    ? periodContaining('quarter', query.date)
    : lastCompletePeriod('quarter', londonDate(ctx.now()));
  await ctx.recordAccess({
    subjectKind: 'board-report',
    subjectId: null,
    action: 'report:read-published',
    outcome: 'allowed',
    basis: 'aggregates',
    reason: `board report PDF, ${quarter.start} to ${quarter.end}`,
  });
  if (!existsSync(deps.chromiumPath)) {
    throw new AppError('unavailable', `PDF printing needs Chromium on the server; ${useBrowserPrint}.`);
  }
  if (!deps.origin || !deps.sessionCookie) {
    throw new AppError(
      'unavailable',
      `PDF printing needs the server to be reachable on its own network port; ${useBrowserPrint}.`,
    );
  }
  if (printing >= MAX_PRINTING) {
    throw new AppError(
      'unavailable',
      `Other reports are being printed. Try again in a minute, or ${useBrowserPrint}.`,
    );
  }
  printing += 1;
  try {
    const pdf = await printPage(
      deps.chromiumPath,
      deps.origin,
      deps.sessionCookie,
      printPagePath(query, quarter),
    );
    return { pdf, filename: boardReportFilename(quarter) };
  } finally {
    printing -= 1;
  }
}

async function printPage(
  chromiumPath: string,
  origin: string,
  cookie: string,
  path: string,
): Promise<Buffer> {
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      // A server has no GPU and no display, and this browser must not reach out to the internet.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
  } catch {
    throw new AppError(
      'unavailable',
      `PDF printing could not start Chromium on the server; ${useBrowserPrint}.`,
    );
  }
  try {
    // The cookie goes only to this server: every other request is refused before it leaves.
    const context = await browser.newContext({ extraHTTPHeaders: { cookie } });
    await context.route('**/*', (route) =>
      route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    await page.goto(`${origin}${path}`);
    const ready = await page
      .waitForSelector('[data-report-ready]', { timeout: PAGE_READY_MS })
      .then((element) => element?.getAttribute('data-report-ready'))
      .catch(() => null);
    if (ready !== 'true') {
      throw new AppError(
        'unavailable',
        `The board report could not be loaded for printing. Try again later, or ${useBrowserPrint}.`,
      );
    }
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close();
  }
}
