import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffUser, TeamList } from '../../../contracts/admin.js';
import { getJson } from '../../api.js';

// The administration pages' shared reads, one query key each, so a change on one page refreshes
// what the others show.

const staffKey = ['admin', 'users'];

export function useStaffList(isEnabled: boolean) {
  return useQuery({
    queryKey: staffKey,
    queryFn: ({ signal }) => getJson<{ users: StaffUser[] }>('/api/admin/users', signal),
    enabled: isEnabled,
  });
}

export function useRefreshStaffList() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: staffKey });
}

export function useTeams(isEnabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'teams'],
    queryFn: ({ signal }) => getJson<TeamList>('/api/admin/teams', signal),
    enabled: isEnabled,
  });
}
