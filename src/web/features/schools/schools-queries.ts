import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type {
  ConsultationCallList,
  SchoolDashboard,
  SchoolList,
  SchoolSurveys,
  SurveyForStaff,
  WholeSchool,
} from '../../../contracts/schools.js';
import { getJson, sendJson } from '../../api.js';
import { keyFor, newIdempotencyKey } from '../triage/triage-view.js';
import { callRangeQuery } from './schools-view.js';

// The schools pages' reads, one query key each, so a change on one page refreshes the others.

export const schoolsKeys = {
  all: ['schools'] as const,
  list: ['schools', 'list'] as const,
  school: (urn: string) => ['schools', urn] as const,
  dashboard: (urn: string) => ['schools', urn, 'dashboard'] as const,
  wholeSchool: (urn: string) => ['schools', urn, 'whole-school'] as const,
  surveys: (urn: string) => ['schools', urn, 'surveys'] as const,
  calls: ['consultation-line'] as const,
  callRange: (range: { from?: string; to?: string }) => ['consultation-line', range] as const,
  survey: (secret: string) => ['survey', secret] as const,
};

const school = (urn: string) => `/api/schools/${encodeURIComponent(urn)}`;

export function useSchoolList(isEnabled: boolean) {
  return useQuery({
    queryKey: schoolsKeys.list,
    queryFn: ({ signal }) => getJson<SchoolList>('/api/schools', signal),
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useDashboard(urn: string, isEnabled: boolean) {
  return useQuery({
    queryKey: schoolsKeys.dashboard(urn),
    queryFn: ({ signal }) => getJson<SchoolDashboard>(`${school(urn)}/dashboard`, signal),
    enabled: isEnabled && urn !== '',
    staleTime: 0,
  });
}

export function useWholeSchool(urn: string, isEnabled: boolean) {
  return useQuery({
    queryKey: schoolsKeys.wholeSchool(urn),
    queryFn: ({ signal }) => getJson<WholeSchool>(`${school(urn)}/whole-school`, signal),
    enabled: isEnabled && urn !== '',
    staleTime: 0,
  });
}

export function useSchoolSurveys(urn: string, isEnabled: boolean) {
  return useQuery({
    queryKey: schoolsKeys.surveys(urn),
    queryFn: ({ signal }) => getJson<SchoolSurveys>(`${school(urn)}/surveys`, signal),
    enabled: isEnabled && urn !== '',
    staleTime: 0,
  });
}

export function useCalls(range: { from?: string; to?: string }, isEnabled: boolean) {
  return useQuery({
    queryKey: schoolsKeys.callRange(range),
    queryFn: ({ signal }) =>
      getJson<ConsultationCallList>(`/api/consultation-line/calls${callRangeQuery(range)}`, signal),
    enabled: isEnabled,
    staleTime: 0,
  });
}

/** A staff survey by its link; a wrong or unknown link is an answer (404), not something to retry. */
export function useStaffSurvey(secret: string) {
  return useQuery({
    queryKey: schoolsKeys.survey(secret),
    queryFn: ({ signal }) => getJson<SurveyForStaff>(`/api/surveys/${encodeURIComponent(secret)}`, signal),
    enabled: secret !== '',
    retry: false,
  });
}

/** After recording anything at a school: its dashboard, plan and surveys may all have changed. */
export function useRefreshSchool(urn: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: schoolsKeys.school(urn) });
}

export function useRefreshCalls() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: schoolsKeys.calls });
}

/**
 * POSTs that create something, with an Idempotency-Key: the same key when the same body is sent
 * again (a retry after a dropped connection), a new one when the body changed.
 */
export function useCreate() {
  const attempt = useRef<{ key: string; body: string } | null>(null);
  return async function create<T>(path: string, body: unknown): Promise<T> {
    attempt.current = keyFor(attempt.current, body, newIdempotencyKey);
    const answer = await sendJson<T>('POST', path, body, { 'idempotency-key': attempt.current.key });
    attempt.current = null;
    return answer;
  };
}

export function schoolApi(urn: string, rest: string): string {
  return `${school(urn)}/${rest}`;
}
