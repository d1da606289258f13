import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useStaffAccess } from '../triage/staff-access.js';

/** Placeholder until the reporting pages are built (issue 8). */
export function BoardReportPage() {
  const { gate } = useStaffAccess('report:read-published', 'see board reports');
  if (gate) return gate;
  return (
    <>
      <PageTitle title="Board report" />
      <BackLink to={webPaths.staffHome}>Staff home</BackLink>
      <h1>Board report</h1>
    </>
  );
}
