import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useStaffAccess } from '../triage/staff-access.js';

/** Placeholder until the reporting pages are built (issue 8). */
export function DashboardPage() {
  const { gate } = useStaffAccess('report:read-published', 'see dashboards');
  if (gate) return gate;
  return (
    <>
      <PageTitle title="Dashboard" />
      <BackLink to={webPaths.staffHome}>Staff home</BackLink>
      <h1>Dashboard</h1>
    </>
  );
}
