import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useStaffAccess } from '../triage/staff-access.js';

/** Placeholder until the reporting pages are built (issue 8). */
export function MhsdsExportPage() {
  const { gate } = useStaffAccess('mhsds:export', 'download the MHSDS-shaped export');
  if (gate) return gate;
  return (
    <>
      <PageTitle title="MHSDS-shaped export" />
      <BackLink to={webPaths.staffHome}>Staff home</BackLink>
      <h1>MHSDS-shaped export</h1>
    </>
  );
}
