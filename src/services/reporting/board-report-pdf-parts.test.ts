import { describe, expect, it } from 'vitest';
import { periodContaining } from '../../domain/reporting/periods.js';
import {
  BoardReportQuery,
  boardReportFilename,
  ownOrigin,
  printPagePath,
  sessionCookieHeader,
} from './board-report-pdf-parts.js';

describe('board report printing parts', () => {
  it('names the file by its quarter only', () => {
    expect(boardReportFilename(periodContaining('quarter', '2026-11-02'))).toBe(
      'board-report-october-to-december-2026.pdf',
    );
    expect(boardReportFilename(periodContaining('quarter', '2027-02-02'))).toBe(
      'board-report-january-to-march-2027.pdf',
    );
  });

  it('opens the board report page for the same area and quarter, marked for printing', () => {
    const query = BoardReportQuery.parse({ school: '100001', 'local-authority': 'E06000001' });
    expect(printPagePath(query, periodContaining('quarter', '2026-08-01'))).toBe(
      '/reports/board?date=2026-07-01&local-authority=E06000001&school=100001&print=1',
    );
    expect(printPagePath({}, periodContaining('quarter', '2026-08-01'))).toBe(
      '/reports/board?date=2026-07-01&print=1',
    );
  });

  it('refuses filters a board report does not take, naming the field', () => {
    expect(BoardReportQuery.safeParse({ school: 'abc' }).success).toBe(false);
    expect(BoardReportQuery.safeParse({ date: '2026-02-30' }).success).toBe(false);
    expect(BoardReportQuery.parse({ gender: 'female', icb: 'QHM' })).toEqual({ icb: 'QHM' });
  });

  it("reaches the server on its own loopback address, never the caller's Host", () => {
    expect(ownOrigin({ address: '0.0.0.0', family: 'IPv4', port: 3000 })).toBe('http://127.0.0.1:3000');
    expect(ownOrigin({ address: '127.0.0.1', family: 'IPv4', port: 41234 })).toBe('http://127.0.0.1:41234');
    expect(ownOrigin({ address: '::', family: 'IPv6', port: 3000 })).toBe('http://[::1]:3000');
    expect(ownOrigin(null)).toBeNull();
    expect(ownOrigin('/run/lantern.sock')).toBeNull();
  });

  it("copies only the caller's staff session cookie", () => {
    expect(sessionCookieHeader({ lantern_session: 'abc', lantern_online: 'young', other: 'x' })).toBe(
      'lantern_session=abc',
    );
    expect(sessionCookieHeader({ '__Host-lantern_session': 'abc' })).toBe('__Host-lantern_session=abc');
    expect(sessionCookieHeader({ lantern_online: 'young' })).toBeNull();
    expect(sessionCookieHeader({ lantern_session: '' })).toBeNull();
  });
});
