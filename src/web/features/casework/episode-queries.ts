import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import type { EpisodeView } from '../../../contracts/episodes.js';
import { getJson, sendJson } from '../../api.js';
import { keyFor, newIdempotencyKey } from '../triage/triage-view.js';
import { episodeUrl } from './episode-forms.js';

/** Under the 'mhst' key, so a change here also refreshes the caseload pages. */
export const episodeKey = (referralId: string) => ['mhst', 'episode', referralId] as const;

export function useEpisode(referralId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: episodeKey(referralId),
    queryFn: ({ signal }) => getJson<EpisodeView>(episodeUrl(referralId), signal),
    enabled: isEnabled && referralId !== '',
    staleTime: 0,
  });
}

/** Posts once per attempt: the same Idempotency-Key when the same answers are sent again. */
export function useIdempotentSend(
  post: <T>(url: string, body: unknown, headers: Record<string, string>) => Promise<T> = (
    url,
    body,
    headers,
  ) => sendJson('POST', url, body, headers),
) {
  const attempt = useRef<{ key: string; body: string } | null>(null);
  return async <T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> => {
    attempt.current = keyFor(attempt.current, body, newIdempotencyKey);
    const result = await post<T>(url, body, {
      ...headers,
      'idempotency-key': attempt.current.key,
    });
    attempt.current = null;
    return result;
  };
}
