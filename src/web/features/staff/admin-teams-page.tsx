import { Navigate } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { NoPermission } from '../triage/staff-access.js';
import { useTeams } from './admin-queries.js';
import { useSession } from './use-session.js';

export function AdminTeamsPage() {
  const session = useSession();
  const canRead = session.data?.permissions.includes('team:read') === true;
  const teams = useTeams(canRead);
  if (session.isPending) return <p aria-live="polite">Loading…</p>;
  if (session.data?.state !== 'signed-in') return <Navigate to={webPaths.signIn} replace />;
  if (!canRead) return <NoPermission what="see teams" />;
  return (
    <>
      <PageTitle title="Teams" />
      <BackLink to={webPaths.staffHome}>Your account</BackLink>
      <h1>Teams</h1>
      {teams.data && (
        <ResponsiveTable
          caption={`${teams.data.teams.length} teams`}
          headings={['Team', 'Service', 'Base school', 'Schools', 'People']}
        >
          {teams.data.teams.map((team) => (
            <tr className="nhsuk-table__row" key={team.id}>
              <Cell heading="Team">{team.name}</Cell>
              <Cell heading="Service">{team.service}</Cell>
              <Cell heading="Base school">{team.baseSchool ?? 'None'}</Cell>
              <Cell heading="Schools">{team.schoolCount}</Cell>
              <Cell heading="People">{team.memberCount}</Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </>
  );
}
