import { useQuery } from '@tanstack/react-query';
import type {
  DutyBoard,
  EscalationList,
  RiskAssessmentList,
  RiskPhraseList,
} from '../../../contracts/online-risk.js';
import { ApiError, getJson } from '../../api.js';
import type { FieldError } from '../../components/form.js';

// What the risk pages share: API paths, queries, words for codes, and problems as error lines.

export const riskPaths = {
  phrases: '/api/online/risk-phrases',
  retirePhrase: (id: string) => `/api/online/risk-phrases/${encodeURIComponent(id)}/retire`,
  assessments: (chatId: string) => `/api/online/chats/${encodeURIComponent(chatId)}/risk-assessments`,
  escalations: (chatId: string) => `/api/online/chats/${encodeURIComponent(chatId)}/escalations`,
  join: (chatId: string) => `/api/online/chats/${encodeURIComponent(chatId)}/join`,
  board: '/api/online/duty/board',
  acknowledge: (alertId: string) => `/api/online/alerts/${encodeURIComponent(alertId)}/acknowledge`,
  closeEscalation: (id: string) => `/api/online/escalations/${encodeURIComponent(id)}/close`,
};

export const levelWords: Record<string, string> = {
  'none-identified': 'No risk identified',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

export const categoryWords: Record<string, string> = {
  suicide: 'Suicide',
  'self-harm': 'Self-harm',
  abuse: 'Abuse',
  exploitation: 'Exploitation',
  'harm-to-others': 'Harm to others',
  other: 'Other',
};

export const identityWords: Record<string, string> = {
  shared: 'Shared who they are',
  declined: 'Did not want to share who they are',
  'not-asked': 'Not asked who they are',
};

export const escalationStatusWords: Record<string, string> = {
  raised: 'Waiting for a duty senior',
  'duty-senior-joined': 'Duty senior joined',
  referred: 'Referred to the front door',
  closed: 'Closed',
};

const fieldLabels: Record<string, string> = {
  phrase: 'Phrase',
  category: 'Kind of risk',
  level: 'Level of risk',
  notes: 'Notes',
  reason: 'Reason',
  identityShared: 'Whether they shared who they are',
  givenName: 'First name',
  familyName: 'Last name',
  dateOfBirth: 'Date of birth',
  postcode: 'Postcode',
  schoolName: 'School',
  phone: 'Phone number',
  location: 'Where they are now',
  outcome: 'Outcome',
};

/** A failed request as error-summary lines, each naming its field in words; ids get `prefix`. */
export function riskProblems(error: unknown, fallbackField: string, prefix: string): FieldError[] {
  if (!(error instanceof ApiError)) {
    return [
      {
        field: prefix + fallbackField,
        message: 'Something went wrong. Check your connection and try again.',
      },
    ];
  }
  const { problem } = error;
  if (problem.status === 400 && problem.invalidParams?.length) {
    return problem.invalidParams.map((param) => {
      const name = param.name.split('.').at(-1) ?? param.name;
      const label = fieldLabels[name] ?? name;
      const reason = /^[a-z]/.test(param.reason) ? `${label}: ${param.reason}` : param.reason;
      return { field: prefix + (fieldLabels[name] ? name : fallbackField), message: reason };
    });
  }
  return [{ field: prefix + fallbackField, message: problem.detail ?? problem.title }];
}

export function formatLondonTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function useRiskPhrases(isEnabled: boolean) {
  return useQuery({
    queryKey: ['online', 'risk-phrases'],
    queryFn: ({ signal }) => getJson<RiskPhraseList>(riskPaths.phrases, signal),
    enabled: isEnabled,
  });
}

export function useRiskAssessments(chatId: string) {
  return useQuery({
    queryKey: ['online', 'risk', chatId, 'assessments'],
    queryFn: ({ signal }) => getJson<RiskAssessmentList>(riskPaths.assessments(chatId), signal),
  });
}

export function useEscalations(chatId: string) {
  return useQuery({
    queryKey: ['online', 'risk', chatId, 'escalations'],
    queryFn: ({ signal }) => getJson<EscalationList>(riskPaths.escalations(chatId), signal),
  });
}

/** The duty board; polled every 15 seconds unless the socket says when it changes. */
export function useDutyBoard(isEnabled: boolean, isLive: boolean) {
  return useQuery({
    queryKey: ['online', 'duty-board'],
    queryFn: ({ signal }) => getJson<DutyBoard>(riskPaths.board, signal),
    enabled: isEnabled,
    refetchInterval: isLive ? 60_000 : 15_000,
  });
}
