import type { Actor } from '../../access/authorise.js';
import { systemScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import * as repo from '../../db/repositories/online-sessions.repository.js';
import { withScope } from '../../db/scoped.js';
import { heldSessionState, needsTouch } from '../../domain/identity/session-rules.js';
import { newToken, sha256, tokensByHash } from '../identity/credentials.js';

export type ResolvedYoungPerson =
  | { kind: 'none' }
  | { kind: 'ended'; reason: string }
  | {
      kind: 'active';
      actor: Actor & { kind: 'young-person' };
      session: repo.OnlineSessionRow;
    };

/**
 * Works out which young person an online support cookie belongs to, on every request. The same
 * idle and absolute limits as staff sessions apply (an open chat keeps the session alive).
 */
export async function resolveYoungPerson(
  db: LanternDb,
  token: string | undefined,
  now: Date,
): Promise<ResolvedYoungPerson> {
  if (!token) return { kind: 'none' };
  return (await resolveYoungPeople(db, [token], now)).get(token) ?? { kind: 'none' };
}

/**
 * The same as `resolveYoungPerson`, for many cookies at once (the chat socket sweep checks every
 * open socket together): one transaction of a few queries, one answer per distinct token. Timed-out
 * sessions and deactivated accounts are rare, so those are ended one by one.
 */
export async function resolveYoungPeople(
  db: LanternDb,
  tokens: readonly string[],
  now: Date,
): Promise<Map<string, ResolvedYoungPerson>> {
  const resolved = new Map<string, ResolvedYoungPerson>();
  const { byHash: tokenOf, hasEmpty } = tokensByHash(tokens);
  if (hasEmpty) resolved.set('', { kind: 'none' });
  if (tokenOf.size === 0) return resolved;
  return withScope(db, systemScope('resolve a young person’s online support session'), async (tx) => {
    const rows = await repo.findOnlineSessionsWithAccounts(tx, [...tokenOf.keys()]);
    const found = new Map(rows.map((row) => [row.session.tokenHash, row]));
    const live: repo.OnlineSessionWithAccount[] = [];
    for (const [tokenHash, token] of tokenOf) {
      const row = found.get(tokenHash);
      const state = row ? heldSessionState(row.session, row.account.isActive, now) : 'unknown';
      if (row && state === 'active') {
        live.push(row);
        continue;
      }
      resolved.set(token, { kind: 'ended', reason: state });
      if (state !== 'unknown' && state !== 'ended') await repo.endOnlineSession(tx, tokenHash, state, now);
    }
    const stale = live.filter((row) => needsTouch(row.session.lastSeenAt, now));
    await repo.touchOnlineSessions(
      tx,
      stale.map((row) => row.session.tokenHash),
      now,
    );
    for (const row of live) {
      const token = tokenOf.get(row.session.tokenHash) ?? '';
      resolved.set(token, { kind: 'active', session: row.session, actor: youngPersonActor(row) });
    }
    return resolved;
  });
}

/** Who a live session's young person is. */
function youngPersonActor({
  session,
  account,
}: repo.OnlineSessionWithAccount): Actor & { kind: 'young-person' } {
  return {
    kind: 'young-person',
    accountId: session.accountId,
    serviceId: account.serviceId,
    organisationId: account.organisationId,
    sessionTokenHash: session.tokenHash,
    isSignedIn: true,
  };
}

/** Starts a young person's session with a new token (sign-up and every sign-in). */
export async function openYoungPersonSession(
  tx: LanternDb,
  accountId: string,
  now: Date,
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await repo.createOnlineSession(tx, {
    tokenHash: sha256(token),
    accountId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
  });
  return { token, csrfToken };
}
