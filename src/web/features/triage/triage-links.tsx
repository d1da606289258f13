import { webPaths } from '../../../contracts/web-paths.js';
import { PermittedLinks } from '../../components/permitted-links.js';

const links = [
  { permission: 'referral:create', to: webPaths.staffReferStart, text: 'Make a referral' },
  { permission: 'referral:triage', to: webPaths.triageQueue, text: 'Triage queue' },
  { permission: 'mdt:manage', to: webPaths.mdtMeetings, text: 'Multi-agency (MDT) meetings' },
  { permission: 'referral:create', to: webPaths.myReferrals, text: 'Referrals you made' },
  { permission: 'outbox:read', to: webPaths.outbox, text: 'Outbox (development only)' },
] as const;

/** The staff home page's links to referral work, each shown only to those who hold its permission. */
export function TriageLinks({ permissions }: { permissions: readonly string[] }) {
  return <PermittedLinks heading="Referrals" links={links} permissions={permissions} />;
}
