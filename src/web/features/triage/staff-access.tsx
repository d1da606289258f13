import type { ReactElement } from 'react';
import { Navigate } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { MessagePage } from '../../components/layout.js';
import { useSession } from '../staff/use-session.js';
import { hasPermission } from './triage-view.js';

/**
 * Who may see a staff page. `gate` is what to show instead of the page (loading, sign in, or no
 * permission), or null when the page may be shown. Call before any early return; use `allowed`
 * to enable the page's queries.
 */
export function useStaffAccess(permission: string, what: string) {
  const session = useSession();
  const signedIn = session.data?.state === 'signed-in';
  const allowed = signedIn && hasPermission(session.data?.permissions, permission);
  const permissions: readonly string[] = session.data?.permissions ?? [];
  let gate: ReactElement | null = null;
  if (session.isPending) gate = <p aria-live="polite">Loading…</p>;
  else if (!signedIn) gate = <Navigate to={webPaths.signIn} replace />;
  else if (!allowed) gate = <NoPermission what={what} />;
  const userId = session.data?.state === 'signed-in' ? session.data.user.id : null;
  return { allowed, gate, permissions, userId };
}

/** The page shown instead of one the person may not see: a heading, what they cannot do, and who can help. */
export function NoPermission({ what }: { what: string }) {
  return (
    <MessagePage title="You cannot use this page">
      <p>You do not have permission to {what}.</p>
      <p>If you need to, ask your service manager to give you the right role.</p>
    </MessagePage>
  );
}

/** A failed read, said plainly, with what to do. */
export function LoadError({ error }: { error: Error }) {
  return (
    <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__heading">We could not load this</h2>
      <div className="nhsuk-error-summary__body">
        <p>{error.message}</p>
        <p>Reload the page to try again.</p>
      </div>
    </div>
  );
}
