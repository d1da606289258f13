import { Link } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { hasPermission } from './triage-view.js';

const links = [
  { permission: 'referral:create', to: webPaths.staffReferStart, text: 'Make a referral' },
  { permission: 'referral:triage', to: webPaths.triageQueue, text: 'Triage queue' },
  { permission: 'mdt:manage', to: webPaths.mdtMeetings, text: 'Multi-agency (MDT) meetings' },
  { permission: 'referral:create', to: webPaths.myReferrals, text: 'Referrals you made' },
  { permission: 'outbox:read', to: webPaths.outbox, text: 'Outbox (development only)' },
] as const;

/** The staff home page's links to referral work, each shown only to those who hold its permission. */
export function TriageLinks({ permissions }: { permissions: readonly string[] }) {
  const shown = links.filter((link) => hasPermission(permissions, link.permission));
  if (shown.length === 0) return null;
  return (
    <>
      <h2>Referrals</h2>
      <ul>
        {shown.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.text}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
