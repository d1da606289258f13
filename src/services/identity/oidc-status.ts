import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { OidcStatus } from '../../contracts/identity.js';
import type { OidcClient } from './oidc-client.js';

/** Whether the sign-in page should offer signing in with the organisation's account. */
export async function oidcStatus(
  ctx: ServiceContext,
  deps: { oidc: OidcClient | null },
): Promise<OidcStatus> {
  await authorise(ctx, 'session:create');
  if (!deps.oidc) return { isEnabled: false };
  const { providerName } = deps.oidc.settings;
  return { isEnabled: true, ...(providerName ? { providerName } : {}) };
}
