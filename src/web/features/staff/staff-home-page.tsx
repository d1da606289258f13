import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { sendJson } from '../../api.js';
import { PageTitle } from '../../components/layout.js';
import { PermittedLinks } from '../../components/permitted-links.js';
import { CaseworkLinks } from '../casework/casework-routes.js';
import { MhstLinks } from '../mhst/mhst-routes.js';
import { forgetChatOutboxes } from '../online/chat-outbox-store.js';
import { SchoolsLinks } from '../schools/schools-routes.js';
import { TriageLinks } from '../triage/triage-links.js';
import { nextPage } from './sign-in-page.js';
import { useSession } from './use-session.js';

export function StaffHomePage() {
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  if (session.isPending) return <p aria-live="polite">Loading…</p>;
  if (!session.data) return <Navigate to={webPaths.signIn} replace />;
  if (session.data.state !== 'signed-in') return <Navigate to={nextPage[session.data.state]} replace />;
  const { user, roles, permissions, expiresAt } = session.data;

  async function end(everywhere: boolean) {
    try {
      await sendJson('DELETE', everywhere ? '/api/sessions' : '/api/session');
      forgetChatOutboxes(window.sessionStorage);
      client.setQueryData(['session'], null);
      navigate(webPaths.signIn);
    } catch {
      setError('We could not sign you out. Reload the page and try again.');
    }
  }

  return (
    <>
      <PageTitle title="Your account" />
      <h1>Hello, {user.displayName}</h1>
      {error && (
        <p className="nhsuk-error-message" role="alert">
          {error}
        </p>
      )}
      <h2>Your roles</h2>
      <dl className="nhsuk-summary-list">
        {roles.map((role) => (
          <div className="nhsuk-summary-list__row" key={`${role.role}-${role.teamName}-${role.schoolUrn}`}>
            <dt className="nhsuk-summary-list__key">{role.label}</dt>
            <dd className="nhsuk-summary-list__value">
              {role.teamName ?? (role.schoolUrn ? `School URN ${role.schoolUrn}` : 'Whole organisation')}
            </dd>
          </div>
        ))}
      </dl>
      <TriageLinks permissions={permissions} />
      <MhstLinks permissions={permissions} />
      <CaseworkLinks permissions={permissions} />
      <SchoolsLinks permissions={permissions} />
      <PermittedLinks heading="Online support" links={onlineLinks(permissions)} permissions={permissions} />
      <PermittedLinks heading="Figures and reports" links={reportLinks} permissions={permissions} />
      {(permissions.includes('user:read') ||
        permissions.includes('access-log:read') ||
        permissions.includes('team:read')) && (
        <>
          <h2>Administration</h2>
          <ul>
            {permissions.includes('user:read') && (
              <li>
                <Link to={webPaths.adminUsers}>Staff accounts</Link>
              </li>
            )}
            {permissions.includes('team:read') && (
              <li>
                <Link to={webPaths.adminTeams}>Teams</Link>
              </li>
            )}
            {permissions.includes('access-log:read') && (
              <li>
                <Link to={webPaths.accessLog}>Access log</Link>
              </li>
            )}
          </ul>
        </>
      )}
      <h2>Signing out</h2>
      <p>
        You will be signed out after 30 minutes without using Lantern, and 12 hours after signing in. This
        session ends by{' '}
        {new Date(expiresAt).toLocaleTimeString('en-GB', {
          hour: '2-digit',
          minute: '2-digit',
          timeZone: 'Europe/London',
        })}{' '}
        unless you use it.
      </p>
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="button" onClick={() => end(false)}>
          Sign out
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => end(true)}>
          Sign out everywhere
        </button>
      </div>
      <p className="nhsuk-body-s">
        Sign out everywhere ends your sessions on every device, for example if you lose a phone.
      </p>
    </>
  );
}

/** Dashboards, board reports and the MHSDS-shaped export, each shown with its permission. */
const reportLinks = [
  { permission: 'report:read-published', to: webPaths.reports, text: 'Dashboard' },
  { permission: 'report:read-published', to: webPaths.boardReport, text: 'Quarterly board report' },
  { permission: 'mhsds:export', to: webPaths.mhsdsExport, text: 'MHSDS-shaped export' },
];

/** Online support pages, each shown with its permission; articles with either content permission. */
function onlineLinks(permissions: readonly string[]) {
  const contentPermission = ['online:review-content', 'online:write-content'].find((p) =>
    permissions.includes(p),
  );
  return [
    { permission: 'online:counsel', to: webPaths.counsellorQueue, text: 'Online support queue and chats' },
    { permission: 'online:duty', to: webPaths.dutyBoard, text: 'Duty board: alerts and escalations' },
    { permission: 'online:counsel', to: webPaths.onlineInbox, text: 'Messages from young people' },
    { permission: 'online:duty', to: webPaths.riskPhrases, text: 'Risk phrases' },
    ...(contentPermission
      ? [{ permission: contentPermission, to: webPaths.onlineArticles, text: 'Self-help articles' }]
      : []),
    { permission: 'online:configure', to: webPaths.onlineSettings, text: 'Online support settings' },
    { permission: 'online:usage', to: webPaths.onlineUsage, text: 'Online support usage' },
  ];
}
