import { eq } from 'drizzle-orm';
import { systemScope } from '../access/scope.js';
import type { LanternDb } from '../db/client.js';
import { onlineAccounts, onlineServices } from '../db/schema/online.js';
import { withScope } from '../db/scoped.js';
import { openYoungPersonSession } from '../services/online/young-person-session.js';

/** The young person's online support cookie in tests (plain http). */
export const ONLINE_COOKIE = 'lantern_online';

export interface YoungPersonSession {
  accountId: string;
  token: string;
  csrfToken: string;
}

/** The demo area's online support service. */
export async function demoOnlineService(db: LanternDb) {
  const [service] = await db.select().from(onlineServices).where(eq(onlineServices.name, 'Lantern Online'));
  if (!service) throw new Error('the demo area has no online support service');
  return service;
}

/**
 * Makes a young person's account straight in the database and signs them in, for tests of what
 * comes after sign-up. The password hash is not a real one: these accounts cannot sign in by form.
 */
export async function youngPersonSession(
  db: LanternDb,
  options: { username?: string; age?: number; gender?: string; now?: Date } = {},
): Promise<YoungPersonSession> {
  const service = await demoOnlineService(db);
  const now = options.now ?? new Date();
  const username = options.username ?? `test-${Math.random().toString(36).slice(2, 10)}`;
  return withScope(db, systemScope('test young person'), async (tx) => {
    const [account] = await tx
      .insert(onlineAccounts)
      .values({
        serviceId: service.id,
        organisationId: service.organisationId,
        username,
        usernameKey: username.toLowerCase(),
        passwordHash: 'not-a-real-hash',
        ageAtSignUp: options.age ?? 15,
        gender: options.gender ?? 'girl',
        heardFrom: 'school',
        signedUpAt: now,
      })
      .returning({ id: onlineAccounts.id });
    if (!account) throw new Error('account not made');
    const session = await openYoungPersonSession(tx, account.id, now);
    return { accountId: account.id, ...session };
  });
}

/** inject() options for a request as this young person. */
export function asYoungPerson(
  session: YoungPersonSession,
  options: { headers?: Record<string, string> } = {},
) {
  return {
    cookies: { [ONLINE_COOKIE]: session.token },
    headers: { 'x-csrf-token': session.csrfToken, ...options.headers },
  };
}
