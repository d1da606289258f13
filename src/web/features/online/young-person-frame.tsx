import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { HelpNowCard, useCrisisServices } from '../../components/help-now.js';
import { BackLink, PageTitle } from '../../components/layout.js';

// What every signed-in young person's page shares: its frame with help now, and what a visitor who
// is signed out is told. Who is signed in comes from useYoungPersonQuery (young-person-session.ts).

/** The frame of a young person's page: back link, heading, content, then help now on every one. */
export function YoungPersonFrame({
  title,
  hasError = false,
  back = { to: webPaths.onlineSpace, label: 'Your space' },
  children,
}: {
  title: string;
  hasError?: boolean;
  back?: { to: string; label: string };
  children: ReactNode;
}) {
  const crisis = useCrisisServices();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title={title} hasError={hasError} />
        <BackLink to={back.to}>{back.label}</BackLink>
        <h1>{title}</h1>
        {children}
        <HelpNowCard crisis={crisis} />
      </div>
    </div>
  );
}

/** What a signed-out visitor sees on a page that needs their account. */
export function SignInToUse({ what }: { what: string }) {
  return (
    <>
      <p>To {what} you need to sign in. It is free and you do not need to give your name.</p>
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
