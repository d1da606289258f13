import { useQuery } from '@tanstack/react-query';
import type { GroupCandidates, GroupSessionList } from '../../../contracts/group-therapy.js';
import { getJson } from '../../api.js';

// The group therapy page's reads. Keys start 'mhst', so any casework change refreshes them too.

const teamQuery = (teamId: string) => (teamId ? `?teamId=${encodeURIComponent(teamId)}` : '');

export function useGroupSessions(teamId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: ['mhst', 'group-therapy', 'sessions', teamId],
    queryFn: ({ signal }) =>
      getJson<GroupSessionList>(`/api/group-therapy/sessions${teamQuery(teamId)}`, signal),
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useGroupCandidates(teamId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: ['mhst', 'group-therapy', 'candidates', teamId],
    queryFn: ({ signal }) =>
      getJson<GroupCandidates>(`/api/group-therapy/candidates${teamQuery(teamId)}`, signal),
    enabled: isEnabled && teamId !== '',
    staleTime: 0,
  });
}
