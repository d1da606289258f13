import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Instruments,
  Links,
  LoadedInstruments,
  Measures,
  PublicQuestionnaire,
} from '../../../contracts/measures.js';
import { ApiError, getJson } from '../../api.js';

// The questionnaire pages' reads. Every key starts 'measures', so saving on one form refreshes the rest.

export const caseApi = (referralId: string, part: string) =>
  `/api/caseload/${encodeURIComponent(referralId)}/${part}`;

export const measuresKeys = {
  all: ['measures'] as const,
  instruments: ['measures', 'instruments'] as const,
  loaded: ['measures', 'loaded'] as const,
  links: (referralId: string) => ['measures', 'links', referralId] as const,
  scores: (referralId: string) => ['measures', 'scores', referralId] as const,
  questionnaire: (secret: string) => ['measures', 'questionnaire', secret] as const,
};

export function useInstruments(isEnabled: boolean) {
  return useQuery({
    queryKey: measuresKeys.instruments,
    queryFn: ({ signal }) => getJson<Instruments>('/api/instruments', signal),
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useLoadedInstruments(isEnabled: boolean) {
  return useQuery({
    queryKey: measuresKeys.loaded,
    queryFn: ({ signal }) => getJson<LoadedInstruments>('/api/instruments/loaded', signal),
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useLinks(referralId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: measuresKeys.links(referralId),
    queryFn: ({ signal }) => getJson<Links>(caseApi(referralId, 'questionnaire-links'), signal),
    enabled: isEnabled && referralId !== '',
    staleTime: 0,
  });
}

export function useMeasures(referralId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: measuresKeys.scores(referralId),
    queryFn: ({ signal }) => getJson<Measures>(caseApi(referralId, 'measures'), signal),
    enabled: isEnabled && referralId !== '',
    staleTime: 0,
  });
}

/** The public page's questionnaire; a 404 is an answer (the link does not work), not worth retrying. */
export function usePublicQuestionnaire(secret: string) {
  return useQuery({
    queryKey: measuresKeys.questionnaire(secret),
    queryFn: ({ signal }) =>
      getJson<PublicQuestionnaire>(`/api/questionnaires/${encodeURIComponent(secret)}`, signal),
    retry: (count, error) => !(error instanceof ApiError && error.problem.status < 500) && count < 2,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRefreshMeasures() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: measuresKeys.all });
}
