import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.js';

// Secret links (/survey/:secret, /questionnaire/:secret) are masked in logs; the page must still be
// recognised as a page, and an unknown address still answers 404.
describe('the web app pages', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lantern-web-'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Lantern</title>');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const page = async (url: string) => {
    const app = Fastify();
    await registerWebApp(app, folder);
    const response = await app.inject({ url, headers: { accept: 'text/html' } });
    await app.close();
    return response;
  };

  it('sends the app with 200 for a secret link page, and 404 for an address that is no page', async () => {
    for (const url of ['/questionnaire/Ab3_x-9ZqW', '/survey/demo-staff-survey-Lv26?x=1']) {
      const response = await page(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<title>Lantern</title>');
    }
    expect((await page('/questionnaire/a/b')).statusCode).toBe(404);
    expect((await page('/no-such-page')).statusCode).toBe(404);
  });
});
