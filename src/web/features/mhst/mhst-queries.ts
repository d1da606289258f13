import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Caseload, CaseloadReferral } from '../../../contracts/caseload.js';
import type {
  AllocationView,
  MhstTeamList,
  TeamCapacity,
  TeamForecast,
  Tray,
  WaitingList,
} from '../../../contracts/mhst.js';
import { getJson } from '../../api.js';

// The MHST and caseload pages' reads, one query key each. Every key starts 'mhst', so a change
// on one page (an allocation, a booking) refreshes whatever the others show.

const team = (teamId: string) => `/api/mhst/teams/${encodeURIComponent(teamId)}`;

export const mhstKeys = {
  all: ['mhst'] as const,
  teams: ['mhst', 'teams'] as const,
  waitingList: (teamId: string, tray: Tray, schoolUrn: number | null) =>
    ['mhst', 'waiting-list', teamId, tray, schoolUrn] as const,
  allocation: (teamId: string, referralId: string) => ['mhst', 'allocation', teamId, referralId] as const,
  forecast: (teamId: string) => ['mhst', 'forecast', teamId] as const,
  capacity: (teamId: string) => ['mhst', 'capacity', teamId] as const,
  caseload: ['mhst', 'caseload'] as const,
  caseloadReferral: (referralId: string) => ['mhst', 'caseload', referralId] as const,
};

export function useMhstTeams(isEnabled: boolean) {
  return useQuery({
    queryKey: mhstKeys.teams,
    queryFn: ({ signal }) => getJson<MhstTeamList>('/api/mhst/teams', signal),
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useWaitingList(teamId: string, tray: Tray, schoolUrn: number | null, isEnabled: boolean) {
  const query = new URLSearchParams({ tray });
  if (schoolUrn) query.set('schoolUrn', String(schoolUrn));
  return useQuery({
    queryKey: mhstKeys.waitingList(teamId, tray, schoolUrn),
    queryFn: ({ signal }) => getJson<WaitingList>(`${team(teamId)}/waiting-list?${query}`, signal),
    enabled: isEnabled && teamId !== '',
    staleTime: 0,
    // Keep the rows on screen while another tray or school loads, so the page does not jump.
    placeholderData: (previous) => previous,
  });
}

export function useAllocationView(teamId: string, referralId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: mhstKeys.allocation(teamId, referralId),
    queryFn: ({ signal }) =>
      getJson<AllocationView>(`${team(teamId)}/referrals/${encodeURIComponent(referralId)}`, signal),
    enabled: isEnabled && teamId !== '' && referralId !== '',
    staleTime: 0,
  });
}

export function useForecast(teamId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: mhstKeys.forecast(teamId),
    queryFn: ({ signal }) => getJson<TeamForecast>(`${team(teamId)}/forecast`, signal),
    enabled: isEnabled && teamId !== '',
    staleTime: 0,
  });
}

export function useCapacity(teamId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: mhstKeys.capacity(teamId),
    queryFn: ({ signal }) => getJson<TeamCapacity>(`${team(teamId)}/capacity`, signal),
    enabled: isEnabled && teamId !== '',
    staleTime: 0,
  });
}

export function useCaseload(isEnabled: boolean) {
  return useQuery({
    queryKey: mhstKeys.caseload,
    queryFn: ({ signal }) => getJson<Caseload>('/api/caseload', signal),
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useCaseloadReferral(referralId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: mhstKeys.caseloadReferral(referralId),
    queryFn: ({ signal }) =>
      getJson<CaseloadReferral>(`/api/caseload/${encodeURIComponent(referralId)}`, signal),
    enabled: isEnabled && referralId !== '',
    staleTime: 0,
  });
}

/** After any change: waiting lists, allocation views, the forecast, capacity and caseloads may all differ. */
export function useRefreshMhst() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: mhstKeys.all });
}
