import type { Actor } from '../../access/authorise.js';
import { systemScope } from '../../access/scope.js';
import type { LanternDb } from '../../db/client.js';
import * as repo from '../../db/repositories/online-sessions.repository.js';
import { withScope } from '../../db/scoped.js';
import { needsTouch, sessionState } from '../../domain/identity/session-rules.js';
import { newToken, sha256 } from '../identity/credentials.js';

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
  const tokenHash = sha256(token);
  return withScope(db, systemScope('resolve a young person’s online support session'), async (tx) => {
    const found = await repo.findOnlineSessionWithAccount(tx, tokenHash);
    if (!found) return { kind: 'ended', reason: 'unknown' } as const;
    const { session, account } = found;
    const state = sessionState(session, now);
    if (state !== 'active') {
      if (state !== 'ended') await repo.endOnlineSession(tx, tokenHash, state, now);
      return { kind: 'ended', reason: state } as const;
    }
    if (!account.isActive) {
      await repo.endOnlineSession(tx, tokenHash, 'deactivated', now);
      return { kind: 'ended', reason: 'deactivated' } as const;
    }
    if (needsTouch(session.lastSeenAt, now)) await repo.touchOnlineSession(tx, tokenHash, now);
    return {
      kind: 'active',
      session,
      actor: {
        kind: 'young-person',
        accountId: session.accountId,
        serviceId: account.serviceId,
        organisationId: account.organisationId,
        sessionTokenHash: tokenHash,
        isSignedIn: true,
      },
    } as const;
  });
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
