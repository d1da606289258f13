import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-support/app.js';
import { testDatabases } from '../test-support/databases.js';
import { isDocsRoute, routePermissions } from './routes/route-permissions.js';

// Guard rails for every later route: it must be in the permission manifest, and its OpenAPI
// operation must say who may call it.
const pglite = testDatabases[0];
if (!pglite) throw new Error('no test database');

describe('the route manifest', () => {
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  const routes: string[] = [];
  beforeAll(async () => {
    ctx = await createTestApp(pglite, {
      withDemo: false,
      onRoute: (method, url) => routes.push(`${method} ${url}`),
      // With a provider configured, so the OpenID Connect routes are there too. Nothing is fetched
      // from it: discovery waits for the first sign-in.
      config: {
        OIDC_ISSUER: 'https://idp.example.invalid',
        OIDC_CLIENT_ID: 'lantern',
        OIDC_CLIENT_SECRET: 'not-used',
      },
    });
  });
  afterAll(() => ctx?.dispose());

  it('lists every API route, and nothing that is not a route', () => {
    const apiRoutes = routes.filter(
      (r) => r.split(' ')[1]?.startsWith('/api/') && !isDocsRoute(r.split(' ')[1] ?? ''),
    );
    const methods = apiRoutes.filter((r) => !r.startsWith('HEAD '));
    expect([...new Set(methods)].sort()).toEqual(Object.keys(routePermissions).sort());
  });

  it('declares security on every documented operation, public ones with security: []', async () => {
    const staffOnly = [{ session: [] }];
    const youngPersonOnly = [{ onlineSession: [] }];
    const either = [{ session: [] }, { onlineSession: [] }];
    const spec = (await ctx.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        expect(operation.security, `${key} declares no security`).toBeDefined();
        const permission = routePermissions[key];
        if (permission === 'public') expect(operation.security, key).toEqual([]);
        // A young person's own routes take their online cookie (some also let staff in); every
        // other route needs a member of staff's session.
        else if (permission === 'online:use')
          expect([youngPersonOnly, either], key).toContainEqual(operation.security);
        else expect([staffOnly, either], key).toContainEqual(operation.security);
      }
    }
  });
});
