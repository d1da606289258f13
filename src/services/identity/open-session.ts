import type { ServiceContext } from '../../access/authorise.js';
import type { LanternDb } from '../../db/client.js';
import * as sessionsRepo from '../../db/repositories/sessions.repository.js';
import { recordChange } from '../audit/record-change.js';
import { newToken, sha256 } from './credentials.js';

export interface OpenedSession {
  token: string;
  csrfToken: string;
}

/**
 * Starts a new session with a new token. Signing in, and finishing signing in with a second factor,
 * always make a new session rather than upgrading the old one, so a planted token is worthless.
 */
export async function openSession(
  tx: LanternDb,
  ctx: ServiceContext,
  userId: string,
  isSecondFactorDone: boolean,
  method: 'password' | 'openid-connect' = 'password',
): Promise<OpenedSession> {
  const token = newToken();
  const csrfToken = newToken();
  const now = ctx.now();
  await sessionsRepo.createSession(tx, {
    tokenHash: sha256(token),
    userId,
    isSecondFactorDone,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
  });
  await recordChange(tx, ctx, {
    entity: 'session',
    entityId: userId,
    action: isSecondFactorDone ? 'signed-in' : `${method}-accepted`,
    ...(method === 'password' ? {} : { after: { method } }),
    userId,
  });
  return { token, csrfToken };
}
