import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { NoteList, NotesToSign, SupervisionLog } from '../../../contracts/notes.js';
import type { ConcernList, ConcernOut, ReferralConcerns } from '../../../contracts/safeguarding.js';
import { getJson } from '../../api.js';

// Reads for the notes, supervision and safeguarding pages. Keys start 'mhst' (so a change here also
// refreshes the caseload pages) or 'safeguarding'.

export const notesUrl = (referralId: string) => `/api/caseload/${encodeURIComponent(referralId)}/notes`;
export const concernsUrl = (referralId: string) =>
  `/api/caseload/${encodeURIComponent(referralId)}/safeguarding-concerns`;
export const concernUrl = (concernId: string) =>
  `/api/safeguarding/concerns/${encodeURIComponent(concernId)}`;

export const notesKeys = {
  notes: (referralId: string) => ['mhst', 'notes', referralId] as const,
  toSign: ['mhst', 'notes-to-sign'] as const,
  log: (mine: boolean, practitionerUserId: string) =>
    ['mhst', 'supervision', mine, practitionerUserId] as const,
  referralConcerns: (referralId: string) => ['safeguarding', 'referral', referralId] as const,
  board: (status: string) => ['safeguarding', 'board', status] as const,
  concern: (concernId: string) => ['safeguarding', 'concern', concernId] as const,
};

export function useNotes(referralId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: notesKeys.notes(referralId),
    queryFn: ({ signal }) => getJson<NoteList>(notesUrl(referralId), signal),
    enabled: isEnabled && referralId !== '',
    staleTime: 0,
  });
}

export function useNotesToSign(isEnabled: boolean) {
  return useQuery({
    queryKey: notesKeys.toSign,
    queryFn: ({ signal }) => getJson<NotesToSign>('/api/supervision/notes-to-sign', signal),
    enabled: isEnabled,
    staleTime: 0,
  });
}

/** A supervisor's log of the people they supervise (or one of them), or a practitioner's own. */
export function useSupervisionLog(mine: boolean, practitionerUserId: string, isEnabled: boolean) {
  const url = mine
    ? '/api/supervision/sessions/mine'
    : `/api/supervision/sessions${practitionerUserId ? `?practitionerUserId=${encodeURIComponent(practitionerUserId)}` : ''}`;
  return useQuery({
    queryKey: notesKeys.log(mine, practitionerUserId),
    queryFn: ({ signal }) => getJson<SupervisionLog>(url, signal),
    enabled: isEnabled,
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}

export function useReferralConcerns(referralId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: notesKeys.referralConcerns(referralId),
    queryFn: ({ signal }) => getJson<ReferralConcerns>(concernsUrl(referralId), signal),
    enabled: isEnabled && referralId !== '',
    staleTime: 0,
  });
}

export function useConcernBoard(status: string, isEnabled: boolean) {
  return useQuery({
    queryKey: notesKeys.board(status),
    queryFn: ({ signal }) =>
      getJson<ConcernList>(
        `/api/safeguarding/concerns${status ? `?status=${encodeURIComponent(status)}` : ''}`,
        signal,
      ),
    enabled: isEnabled,
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}

export function useConcern(concernId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: notesKeys.concern(concernId),
    queryFn: ({ signal }) => getJson<ConcernOut>(concernUrl(concernId), signal),
    enabled: isEnabled && concernId !== '',
    staleTime: 0,
  });
}

export function useRefresh(prefix: 'mhst' | 'safeguarding') {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [prefix] });
}
