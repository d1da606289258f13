import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { isWebPath } from '../../contracts/web-paths.js';
import { webAppFolder } from '../../paths.js';
import { pathOnly } from '../logger.js';
import { sendProblem } from './errors.js';

function nhsukAssetsFolder(): string {
  const packageJson = createRequire(import.meta.url).resolve('nhsuk-frontend/package.json');
  return join(dirname(packageJson), 'dist', 'nhsuk', 'assets');
}

/**
 * Serves the built React app from dist/web: its assets as static files, and index.html for each of
 * the app's pages. Any other address is a 404: problem+json for the API and for non-browser
 * clients, the app's own "Page not found" page (with status 404) for browsers.
 */
export async function registerWebApp(app: FastifyInstance, folder = webAppFolder) {
  const indexFile = join(folder, 'index.html');
  const indexHtml = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
  if (indexHtml) {
    await app.register(fastifyStatic, { root: folder, index: false, wildcard: false, prefix: '/' });
    // The design system's CSS asks for its icons and logos at /assets/.
    await app.register(fastifyStatic, {
      root: nhsukAssetsFolder(),
      prefix: '/assets/',
      wildcard: false,
      decorateReply: false,
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = pathOnly(request.url);
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    const isPage = request.method === 'GET' || request.method === 'HEAD';
    if (!path.startsWith('/api/') && isPage && wantsHtml && indexHtml) {
      // The status is decided on the real path: secret links are masked only for logs and messages.
      const isPagePath = isWebPath(request.url.split('?')[0] ?? '');
      return reply
        .code(isPagePath ? 200 : 404)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(indexHtml);
    }
    return sendProblem(request, reply, 404, `There is nothing at ${request.method} ${path}.`);
  });
}
