import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '../../../contracts/identity.js';
import { ApiError, getJson, rememberCsrfToken } from '../../api.js';

/** The signed-in person, or null. Keeps the CSRF token the API needs for changes. */
export function useSession() {
  const query = useQuery({
    queryKey: ['session'],
    queryFn: async ({ signal }) => {
      try {
        const session = await getJson<SessionInfo>('/api/session', signal);
        rememberCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 401) {
          rememberCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 0,
  });
  return query;
}

export function useRefreshSession() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['session'] });
}
