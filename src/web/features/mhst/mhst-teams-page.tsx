import { Link, Navigate } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { useMhstTeams } from './mhst-queries.js';
import { plural, waitingListPath } from './mhst-view.js';

/** The Mental Health Support Teams this person works in or manages; with one, straight to its list. */
export function MhstTeamsPage() {
  const { allowed, gate } = useStaffAccess('waiting-list:read', 'see MHST waiting lists');
  const teams = useMhstTeams(allowed);
  if (gate) return gate;
  if (teams.isPending) return <p aria-live="polite">Loading…</p>;
  if (teams.isError) return <LoadError error={teams.error} />;
  const items = teams.data.items;
  const only = items.length === 1 ? items[0] : undefined;
  if (only) return <Navigate to={waitingListPath(only.id)} replace />;

  return (
    <>
      <PageTitle title="Waiting lists" />
      <BackLink to={webPaths.staffHome}>Your account</BackLink>
      <h1>Waiting lists</h1>
      {items.length === 0 ? (
        <p>You are not in a Mental Health Support Team, so there are no waiting lists to show.</p>
      ) : (
        <>
          <p>Choose a Mental Health Support Team.</p>
          <ul className="nhsuk-list">
            {items.map((team) => (
              <li key={team.id}>
                <Link to={waitingListPath(team.id)}>{team.name}</Link>
                <span className="nhsuk-body-s">
                  {' '}
                  ({team.serviceName}): {plural(team.awaitingAllocation, 'referral')} awaiting allocation,{' '}
                  {plural(team.schoolCount, 'school')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
