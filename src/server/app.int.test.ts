import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../db/migrate.js';
import { createTestApp } from '../test-support/app.js';
import { testDatabases } from '../test-support/databases.js';
import { buildApp } from './app.js';
import { testConfig } from './config.js';

describe.each(testDatabases)('the HTTP app on $name', (factory) => {
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    ctx = await createTestApp(factory);
  });
  afterAll(() => ctx?.dispose());

  it('says it is alive and ready, with migrations current', async () => {
    const health = await ctx.app.inject('/api/health');
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await ctx.app.inject('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: factory.name });
    expect(ready.json().migrations.applied).toBe(ready.json().migrations.expected);
  });

  it('answers an unknown route with a problem+json 404 carrying the request id', async () => {
    const response = await ctx.app.inject('/api/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: 404, title: 'Not found', type: '/problems/not-found' });
    expect(problem.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers a bad query parameter with a 400 naming the parameter', async () => {
    const response = await ctx.app.inject('/api/directory/services?age=twelve&need=sadness');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const names = response.json().invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['age', 'need']));
    expect(response.json().detail).toMatch(/age/);
  });

  it('names a postcode it cannot read', async () => {
    const response = await ctx.app.inject('/api/directory/services?postcode=hello');
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams).toEqual([
      { name: 'postcode', reason: 'must be a postcode such as NV3 2AB, or its first part' },
    ]);
  });

  it('sends a strict Content-Security-Policy and other security headers', async () => {
    const response = await ctx.app.inject('/api/health');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('publishes OpenAPI 3.1 describing the directory and a docs page', async () => {
    const spec = (await ctx.app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/ready',
        '/api/directory/services',
        '/api/directory/services/{slug}',
      ]),
    );
    const params = spec.paths['/api/directory/services'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['age', 'school', 'postcode', 'need']));
    const docs = await ctx.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('looks up the session cookie for API requests only, not for pages and their assets', async () => {
    const cookie = 'lantern_session=not-a-real-session';
    const api = await ctx.app.inject({ url: '/api/directory/area', headers: { cookie } });
    expect(String(api.headers['set-cookie'])).toMatch(/^lantern_session=;/);
    const page = await ctx.app.inject({ url: '/find-support', headers: { cookie, accept: 'text/html' } });
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('answers a browser asking for a page with a 404 problem when the web app is not built', async () => {
    const response = await ctx.app.inject({ url: '/find-support', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
  });
});

describe.each(testDatabases)('readiness on $name', (factory) => {
  it('is 503 while migrations are not applied, and 200 once they are', async () => {
    const { database, dispose } = await factory.create({ migrate: false });
    const app = await buildApp(testConfig(), { database, webAppFolder: '/nonexistent-web-build' });
    try {
      const before = await app.inject('/api/ready');
      expect(before.statusCode).toBe(503);
      expect(before.headers['content-type']).toMatch(/problem\+json/);
      expect(before.json().detail).toMatch(/^Database migrations are not current \(0 of \d+\)\.$/);
      await runMigrations(database);
      await database.enterAppRole();
      expect((await app.inject('/api/ready')).statusCode).toBe(200);
    } finally {
      await app.close();
      await dispose();
    }
  });

  it('is 503 when the database has gone, while health still answers', async () => {
    const { database, dispose } = await factory.create();
    const app = await buildApp(testConfig(), { database, webAppFolder: '/nonexistent-web-build' });
    try {
      await database.close();
      const ready = await app.inject('/api/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json().detail).toBe('The database cannot be reached.');
      expect((await app.inject('/api/health')).statusCode).toBe(200);
    } finally {
      await app.close();
      await dispose().catch(() => undefined);
    }
  });
});
