import type { LanternDb } from '../../db/client.js';
import { riskPhrasesWithStamp } from '../../db/repositories/online-chats.repository.js';
import type { RiskPhrase } from '../../domain/online/risk-phrases.js';

// What the quick chat-message path (send-chat-message.ts) keeps in memory, per process: each
// organisation's risk phrases in use, for up to a minute. Never trusted blindly: the database
// checks the phrases' fingerprint as it stores the message, and a message matched against stale
// phrases takes the full path instead (and the cache is dropped).

const KEEP_MS = 60_000;

interface CachedPhrases {
  stamp: string;
  phrases: RiskPhrase[];
  loadedAt: number;
}

const byOrganisation = new Map<string, Promise<CachedPhrases>>();

/** The organisation's risk phrases in use and their fingerprint, loaded at most once a minute. */
export async function cachedRiskPhrases(
  db: LanternDb,
  organisationId: string,
  nowMs: number = Date.now(),
): Promise<CachedPhrases> {
  const cached = byOrganisation.get(organisationId);
  if (cached) {
    const value = await cached.catch(() => null);
    if (value && nowMs - value.loadedAt < KEEP_MS && nowMs >= value.loadedAt) return value;
    if (byOrganisation.get(organisationId) === cached) byOrganisation.delete(organisationId);
  }
  const loading = riskPhrasesWithStamp(db, organisationId).then((r) => ({ ...r, loadedAt: nowMs }));
  byOrganisation.set(organisationId, loading);
  loading.catch(() => {
    if (byOrganisation.get(organisationId) === loading) byOrganisation.delete(organisationId);
  });
  return loading;
}

/** Drops an organisation's cached phrases (the database said they have changed). */
export function forgetRiskPhrases(organisationId: string): void {
  byOrganisation.delete(organisationId);
}
