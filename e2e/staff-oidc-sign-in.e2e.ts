import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmailFor } from '../src/demo/demo-staff.js';
import { startTestProvider, type TestProvider } from '../src/test-support/oidc-provider.js';
import { pollPatiently } from './front-door-helpers.js';
import { collectPageErrors, expectNoAxeViolations, type Journey, startJourney } from './support.js';

// Staff sign in with their organisation's account, through a real OpenID provider on another site
// (localhost, while Lantern is on 127.0.0.1), so the browser treats the redirects as cross-site.
const client = { clientId: 'lantern-journey', clientSecret: 'lantern-journey-secret' };

describe('Signing in with an organisation account', () => {
  let provider: TestProvider;
  let journey: Journey;
  beforeAll(async () => {
    pollPatiently();
    provider = await startTestProvider({ hostname: 'localhost' });
    journey = await startJourney({
      config: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: client.clientId,
        OIDC_CLIENT_SECRET: client.clientSecret,
        OIDC_SCOPES: 'openid email roles',
        OIDC_PROVIDER_NAME: 'Test Care Identity',
      },
    });
    provider.serve([{ ...client, redirectUri: `${journey.baseUrl}/api/session/oidc/callback` }]);
  });
  afterAll(async () => {
    await journey?.close();
    await provider?.close();
  });

  it("a school's referrer follows the organisation sign-in link and comes back signed in", async () => {
    provider.accounts.set('referrer', { email: demoEmailFor('school-staff-referrer'), roles: [] });
    const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${journey.baseUrl}/staff/sign-in`);
    const link = page.getByRole('link', { name: "Sign in with your organisation's account" });
    await expect.poll(() => link.count()).toBe(1);
    expect(await page.getByText('You will sign in with Test Care Identity').count()).toBe(1);
    await expectNoAxeViolations(page, 'sign in, with the organisation account offered');
    await link.click();
    // The provider's own page: the way back to Lantern starts from another site.
    await expect.poll(() => page.getByLabel('Account').count()).toBe(1);
    await page.getByLabel('Account').fill('referrer');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /^Hello, / }).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/staff');
    expect(errors).toEqual([]);
  });
});
