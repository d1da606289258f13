import { Link, Navigate } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { useSchoolList } from './schools-queries.js';
import { schoolPath } from './schools-view.js';

/** The schools someone works with; with only one, their school's dashboard straight away. */
export function SchoolsListPage() {
  const { allowed, gate } = useStaffAccess('school-work:read', 'see school work');
  const list = useSchoolList(allowed);
  if (gate) return gate;
  if (list.isPending) return <p aria-live="polite">Loading…</p>;
  if (list.isError) return <LoadError error={list.error} />;
  const { schools } = list.data;
  const only = schools.length === 1 ? schools[0] : undefined;
  if (only) return <Navigate to={schoolPath(only.urn)} replace />;

  return (
    <>
      <PageTitle title="Schools" />
      <BackLink to={webPaths.staffHome}>Your account</BackLink>
      <h1>Schools</h1>
      {schools.length === 0 ? (
        <p>You do not work with any schools in Lantern yet. Ask your team manager if this is wrong.</p>
      ) : (
        <>
          <p>
            The schools you work with. Each has a dashboard of its referrals and the work done with it, its
            whole-school plan and its staff survey.
          </p>
          <ResponsiveTable caption="Your schools" headings={['School', 'Type of school', 'Support team']}>
            {schools.map((school) => (
              <tr className="nhsuk-table__row" key={school.urn}>
                <Cell heading="School">
                  <Link to={schoolPath(school.urn)}>{school.name}</Link>
                </Cell>
                <Cell heading="Type of school">{phaseLabel(school.phase)}</Cell>
                <Cell heading="Support team">{school.teamName ?? 'No mental health support team'}</Cell>
              </tr>
            ))}
          </ResponsiveTable>
        </>
      )}
    </>
  );
}

function phaseLabel(phase: string): string {
  const words = phase.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
