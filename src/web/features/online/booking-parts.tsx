import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { ApiError, getJson, rememberCsrfToken } from '../../api.js';
import { HelpNowCard, useCrisisServices } from '../../components/help-now.js';
import { BackLink, PageTitle } from '../../components/layout.js';

// Shared by the young person's bookings and messages pages: who is signed in, the page frame with
// help now, and what a young person who is signed out is told.

/** The signed-in young person (keeping the CSRF token for changes), or null when signed out. */
export function useOnlineMe() {
  return useQuery({
    queryKey: ['online', 'me'],
    queryFn: async ({ signal }) => {
      try {
        const me = await getJson<{ username?: string; csrfToken?: string }>('/api/online/me', signal);
        if (me.csrfToken) rememberCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 401) return null;
        throw error;
      }
    },
    staleTime: 0,
  });
}

/** A young person's page: back to their space, the heading, the content, then help now. */
export function YoungPersonFrame({ title, children }: { title: string; children: ReactNode }) {
  const crisis = useCrisisServices();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <BackLink to={webPaths.onlineSpace}>Back to your space</BackLink>
        <h1>{title}</h1>
        {children}
        <HelpNowCard crisis={crisis} />
      </div>
    </div>
  );
}

export function SignInFirst({ what }: { what: string }) {
  return (
    <>
      <p>You need to sign in to {what}. It is free and you do not need to give your name.</p>
      <div className="nhsuk-button-group">
        <Link className="nhsuk-button" to={webPaths.onlineSignIn}>
          Sign in
        </Link>
        <Link className="nhsuk-button nhsuk-button--secondary" to={webPaths.onlineSignUp}>
          Make an account
        </Link>
      </div>
    </>
  );
}

/** A problem said plainly to a young person. */
export function ProblemBox({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
      <div className="nhsuk-error-summary__body">
        <p>{text}</p>
      </div>
    </div>
  );
}

export function problemWords(error: unknown, fallback: string): string {
  return error instanceof ApiError ? (error.problem.detail ?? fallback) : fallback;
}
