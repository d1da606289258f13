import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DirectorySearchResult } from '../../../contracts/directory.js';
import type {
  MdtMeeting,
  MdtMeetingList,
  MyReferralList,
  OutboxList,
  TriageQueue,
  TriageReferral,
} from '../../../contracts/triage.js';
import { getJson } from '../../api.js';
import type { QueueStatus } from './triage-view.js';

// The triage pages' reads, one query key each, so a change on one page refreshes the others.

export type Meeting = z.infer<typeof MdtMeeting>;

export const triageKeys = {
  all: ['triage'] as const,
  queue: (status: QueueStatus) => ['triage', 'queue', status] as const,
  referral: (id: string) => ['triage', 'referral', id] as const,
  meetings: ['mdt', 'meetings'] as const,
  meeting: (id: string) => ['mdt', 'meetings', id] as const,
  myReferrals: ['my-referrals'] as const,
};

export function useTriageQueue(status: QueueStatus, isEnabled: boolean) {
  return useQuery({
    queryKey: triageKeys.queue(status),
    queryFn: ({ signal }) =>
      getJson<z.infer<typeof TriageQueue>>(`/api/triage/queue?status=${encodeURIComponent(status)}`, signal),
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useTriageReferral(referralId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: triageKeys.referral(referralId),
    queryFn: ({ signal }) =>
      getJson<TriageReferral>(`/api/triage/referrals/${encodeURIComponent(referralId)}`, signal),
    enabled: isEnabled && referralId !== '',
    staleTime: 0,
  });
}

/** Every service in the directory, for choosing where to accept or signpost a referral. */
export function useServices(isEnabled: boolean) {
  return useQuery({
    queryKey: ['directory', 'search', 'all'],
    queryFn: ({ signal }) => getJson<DirectorySearchResult>('/api/directory/services', signal),
    enabled: isEnabled,
    select: (result) =>
      [...result.matches]
        .map((match) => ({ slug: match.slug, name: match.name, provider: match.provider }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  });
}

export function useMdtMeetings(isEnabled: boolean) {
  return useQuery({
    queryKey: triageKeys.meetings,
    queryFn: ({ signal }) => getJson<z.infer<typeof MdtMeetingList>>('/api/mdt/meetings', signal),
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useMdtMeeting(meetingId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: triageKeys.meeting(meetingId),
    queryFn: ({ signal }) => getJson<Meeting>(`/api/mdt/meetings/${encodeURIComponent(meetingId)}`, signal),
    enabled: isEnabled && meetingId !== '',
    staleTime: 0,
  });
}

export function useMyReferrals(isEnabled: boolean) {
  return useQuery({
    queryKey: triageKeys.myReferrals,
    queryFn: ({ signal }) => getJson<z.infer<typeof MyReferralList>>('/api/my-referrals', signal),
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useOutbox(isEnabled: boolean) {
  return useQuery({
    queryKey: ['dev', 'outbox'],
    queryFn: ({ signal }) => getJson<z.infer<typeof OutboxList>>('/api/dev/outbox', signal),
    enabled: isEnabled,
    staleTime: 0,
  });
}

/** After a decision, lead worker or MDT change: queues, meetings and referrers' views may all differ. */
export function useRefreshTriage() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: triageKeys.all }),
      client.invalidateQueries({ queryKey: triageKeys.meetings }),
      client.invalidateQueries({ queryKey: triageKeys.myReferrals }),
    ]);
}
