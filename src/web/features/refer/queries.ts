import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DirectorySearchQuery,
  DirectorySearchResult,
  SchoolSummary,
} from '../../../contracts/directory.js';
import type { FrontDoorRules } from '../../../contracts/referral-form.js';
import { getJson } from '../../api.js';
import { searchParams } from '../find-support/search-form.js';

export type Rules = z.infer<typeof FrontDoorRules>;

/** Who may ask for themselves, and how fast requests are read. */
export function useRules() {
  return useQuery({
    queryKey: ['front-door', 'rules'],
    queryFn: ({ signal }) => getJson<Rules>('/api/front-door/rules', signal),
    staleTime: 5 * 60_000,
  });
}

export function useSchools() {
  return useQuery({
    queryKey: ['directory', 'schools'],
    queryFn: ({ signal }) => getJson<{ schools: SchoolSummary[] }>('/api/directory/schools', signal),
  });
}

/** The directory's services with whether each fits and why (all of them, for an empty query). */
export function useDirectory(query: DirectorySearchQuery, isEnabled = true) {
  return useQuery({
    queryKey: ['directory', 'search', query],
    queryFn: ({ signal }) =>
      getJson<DirectorySearchResult>(`/api/directory/services?${searchParams(query)}`, signal),
    enabled: isEnabled,
  });
}
