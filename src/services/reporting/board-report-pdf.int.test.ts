import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../access/scope.js';
import { accessLog } from '../../db/schema/audit.js';
import { withScope } from '../../db/scoped.js';
import { demoEmailFor } from '../../demo/demo-staff.js';
import { AppError } from '../../domain/app-error.js';
import { buildApp } from '../../server/app.js';
import { testConfig } from '../../server/config.js';
import { createDemoDatabase, createTestApp } from '../../test-support/app.js';
import { type TestDatabase, testDatabases } from '../../test-support/databases.js';
import { asSession, demoUser, type Session, signIn, testClock } from '../../test-support/session.js';
import { boardReportPdf } from './board-report-pdf.js';

// A stand-in for the built board report page: Chromium really opens it from the listening server,
// and it says it is ready only when the caller's own session came with it and the page was asked
// for the right quarter, marked for printing. (The real page is printed in the browser journey.)
const standInPage = `<!doctype html><html lang="en"><head><title>Board report – Lantern</title>
<script type="module" src="/stand-in.js"></script></head><body><main><h1>Board report</h1></main></body></html>`;
const standInScript = `
const query = new URLSearchParams(location.search);
const session = await fetch('/api/session').then((r) => r.json()).catch(() => ({}));
const isRight = session.state === 'signed-in' && query.get('print') === '1' && query.get('date') === '2026-07-01';
document.body.setAttribute('data-report-ready', isRight ? 'true' : 'error');
`;

describe.each(testDatabases)('the board report PDF on $name', (factory) => {
  const clock = testClock('2026-11-23T10:00:00Z');
  let database: TestDatabase;
  let app: FastifyInstance;
  let folder: string;
  let commissioner: Session;
  let schoolStaff: Session;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'lantern-board-report-'));
    writeFileSync(join(folder, 'index.html'), standInPage);
    writeFileSync(join(folder, 'stand-in.js'), standInScript);
    database = await createDemoDatabase(factory);
    app = await buildApp(testConfig(), { database: database.database, now: clock.now, webAppFolder: folder });
    await app.listen({ port: 0, host: '127.0.0.1' });
    commissioner = await signIn(app, demoUser(demoEmailFor('commissioner')).email, {
      remoteAddress: '10.7.0.1',
    });
    schoolStaff = await signIn(app, demoUser(demoEmailFor('school-staff-referrer')).email, {
      remoteAddress: '10.7.0.2',
    });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  const rows = (kind: string, outcome: 'allowed' | 'denied') =>
    withScope(database.database.db, systemScope('test'), async (tx) => {
      const [row] = await tx
        .select({ n: count() })
        .from(accessLog)
        .where(and(eq(accessLog.subjectKind, kind), eq(accessLog.outcome, outcome)));
      return Number(row?.n ?? 0);
    });

  it('prints the last complete quarter with Chromium as the caller, and logs one row', async () => {
    const before = await rows('board-report', 'allowed');
    const response = await app.inject({
      url: '/api/reports/board.pdf?school=100001',
      ...asSession(commissioner),
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    // 23 November 2026: the last quarter that has ended is July to September; no area in the name.
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="board-report-july-to-september-2026.pdf"',
    );
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await rows('board-report', 'allowed')).toBe(before + 1);
  }, 90_000);

  it('prints the quarter holding the date asked for', async () => {
    const response = await app.inject({
      url: '/api/reports/board.pdf?date=2026-08-15',
      ...asSession(commissioner),
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-disposition']).toContain('board-report-july-to-september-2026.pdf');
    expect(response.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
  }, 90_000);

  it('refuses anyone without report:read-published, and anyone not signed in', async () => {
    const deniedBefore = await rows('permission', 'denied');
    const refused = await app.inject({ url: '/api/reports/board.pdf', ...asSession(schoolStaff) });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(await rows('permission', 'denied')).toBe(deniedBefore + 1);
    const anonymous = await app.inject({ url: '/api/reports/board.pdf' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('names the field when the query is wrong', async () => {
    const response = await app.inject({
      url: '/api/reports/board.pdf?school=not-a-school&date=2026-13-40',
      ...asSession(commissioner),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const names = (response.json().invalidParams ?? []).map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['school']));
  });
});

describe.each(testDatabases)('the board report PDF without a way to print on $name', (factory) => {
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  let commissioner: Session;
  beforeAll(async () => {
    ctx = await createTestApp(factory);
    commissioner = await signIn(ctx.app, demoUser(demoEmailFor('commissioner')).email, {
      remoteAddress: '10.7.1.1',
    });
  }, 300_000);
  afterAll(() => ctx?.dispose());

  it('answers 503 in plain words when the server is not listening on a port (never a 500)', async () => {
    const response = await ctx.app.inject({ url: '/api/reports/board.pdf', ...asSession(commissioner) });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toContain("use your browser's Print instead");
  });

  it('answers 503 when Chromium is not installed where CHROMIUM_PATH says', async () => {
    const logged: string[] = [];
    const context = {
      requestId: 'test',
      actor: {
        kind: 'staff' as const,
        userId: demoUser(demoEmailFor('commissioner')).id,
        organisationId: 'org',
        roles: ['commissioner' as const],
        grants: [],
        sessionTokenHash: 'hash',
        isSignedIn: true,
      },
      now: () => new Date('2026-11-23T10:00:00Z'),
      authorised: [],
      recordAccess: async (record: { subjectKind: string }) => {
        logged.push(record.subjectKind);
      },
    };
    const printing = boardReportPdf(
      context,
      { chromiumPath: '/nowhere/chromium', origin: 'http://127.0.0.1:1', sessionCookie: 'lantern_session=x' },
      {},
    );
    await expect(printing).rejects.toThrow(AppError);
    await expect(printing).rejects.toMatchObject({
      code: 'unavailable',
      message: "PDF printing needs Chromium on the server; use your browser's Print instead.",
    });
    expect(logged).toEqual(['board-report']);
  });
});
