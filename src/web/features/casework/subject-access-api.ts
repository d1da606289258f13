import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Problem } from '../../../contracts/problem.js';
import type {
  Requester,
  SubjectAccessChild,
  SubjectAccessExport,
  SubjectAccessPreview,
  SubjectAccessRequestList,
} from '../../../contracts/records.js';
import { ApiError, getJson, sendJson } from '../../api.js';

// The subject access page's calls. Searches send the NHS number or reference in the body, never the
// URL. Downloads are made in the browser from the answer, so nothing is left on the server.

export interface RequestChoice {
  childId: string;
  requester: Requester;
  carerId?: string;
}

export const searchChild = (query: { nhsNumber: string } | { reference: string }) =>
  sendJson<SubjectAccessChild>('POST', '/api/subject-access/search', query);

export const previewRequest = (choice: RequestChoice) =>
  sendJson<SubjectAccessPreview>('POST', '/api/subject-access/previews', choice);

const requestsKey = ['subject-access', 'requests'] as const;

export function useSubjectAccessRequests(isAllowed: boolean) {
  return useQuery({
    queryKey: requestsKey,
    queryFn: ({ signal }) => getJson<SubjectAccessRequestList>('/api/subject-access/requests', signal),
    enabled: isAllowed,
  });
}

export function useRefreshRequests() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: requestsKey });
}

function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports the record and saves it as a file; a retry with the same key records one request. */
export async function downloadExport(
  choice: RequestChoice & { receivedOn: string; format: 'json' | 'pdf' },
  options: { csrfToken: string; idempotencyKey: string },
): Promise<void> {
  const name = `subject-access-request-${choice.receivedOn}.${choice.format}`;
  if (choice.format === 'json') {
    const data = await sendJson<SubjectAccessExport>('POST', '/api/subject-access/exports', choice, {
      'idempotency-key': options.idempotencyKey,
    });
    saveFile(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), name);
    return;
  }
  // The PDF is bytes, not JSON, so this one call is made here rather than through api.ts.
  const response = await fetch('/api/subject-access/exports', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/pdf, application/problem+json',
      'content-type': 'application/json',
      'x-csrf-token': options.csrfToken,
      'idempotency-key': options.idempotencyKey,
    },
    body: JSON.stringify(choice),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(
      problem ?? {
        type: 'about:blank',
        title: 'Something went wrong',
        status: response.status,
        requestId: '',
      },
    );
  }
  saveFile(await response.blob(), name);
}
