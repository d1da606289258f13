import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { CalendarDate } from '../../contracts/referral-form.js';
import { ReportFilters, type ReportPeriod } from '../../contracts/reporting.js';
import { monthNames } from '../../domain/calendar.js';

// The pure parts of printing a board report: which quarter, what the file is called, which page
// Chromium opens and with which cookie. No I/O here, so each part is tested on its own.

/** A board report is for an area (integrated care board, local authority or school) and a quarter. */
export const BoardReportQuery = ReportFilters.pick({
  icb: true,
  'local-authority': true,
  school: true,
}).extend({
  /** Any date in the quarter wanted; the last complete quarter when left out. */
  date: CalendarDate.optional(),
});
export type BoardReportQuery = z.infer<typeof BoardReportQuery>;

/** A quarter's first and last days (YYYY-MM-DD), as `periodContaining('quarter', …)` gives them. */
export type Quarter = Pick<ReportPeriod, 'start' | 'end'>;

/** Names the quarter only, never an area, a school or a person: `board-report-october-to-december-2026.pdf`. */
export function boardReportFilename(quarter: Quarter): string {
  const [year, first] = quarter.start.split('-').map(Number) as [number, number];
  const last = Number(quarter.end.split('-')[1]);
  const month = (n: number) => monthNames[n - 1]?.toLowerCase();
  return `board-report-${month(first)}-to-${month(last)}-${year}.pdf`;
}

/** The app's own board report page, for this area and quarter, marked for printing. */
export function printPagePath(query: BoardReportQuery, quarter: Quarter): string {
  const params = new URLSearchParams({ date: quarter.start });
  for (const key of ['icb', 'local-authority', 'school'] as const) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  params.set('print', '1');
  return `/reports/board?${params.toString()}`;
}

/**
 * Where this server can be reached from the machine itself: its own listening socket on the
 * loopback address, never the Host header (which a caller chooses). Null when it is not listening
 * on a port (such as in tests that use inject()).
 */
export function ownOrigin(address: AddressInfo | string | null): string | null {
  if (!address || typeof address === 'string') return null;
  let host = address.address;
  if (host === '0.0.0.0') host = '127.0.0.1';
  else if (host === '::') host = '::1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

const staffSessionCookies = new Set(['lantern_session', '__Host-lantern_session']);

/**
 * The caller's own staff session cookie as a Cookie header, so the page Chromium opens is read with
 * exactly the caller's permissions. Any other cookie the request carried is left behind.
 */
export function sessionCookieHeader(cookies: Record<string, string | undefined>): string | null {
  const pairs = Object.entries(cookies)
    .filter(([name, value]) => staffSessionCookies.has(name) && value)
    .map(([name, value]) => `${name}=${value}`);
  return pairs.length > 0 ? pairs.join('; ') : null;
}
