import { type FormEvent, useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { isStaffRole, roleLabels } from '../../../access/roles.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, useFormErrors } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { NoPermission } from '../triage/staff-access.js';
import { useRefreshStaffList, useStaffList, useTeams } from './admin-queries.js';
import { problemErrors } from './problem-errors.js';
import { RoleSelect, TeamSelect } from './role-fields.js';
import { useSession } from './use-session.js';

/** One member of staff: the roles they hold, removing one, and giving a new one. */
export function AdminUserPage() {
  const { userId = '' } = useParams();
  const session = useSession();
  const [role, setRole] = useState('');
  const [teamId, setTeamId] = useState('');
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const [message, setMessage] = useState<string | null>(null);
  const canManage = session.data?.permissions.includes('user:manage') === true;
  const users = useStaffList(session.data?.permissions.includes('user:read') === true);
  const teams = useTeams(canManage && session.data?.permissions.includes('team:read') === true);
  const refresh = useRefreshStaffList();
  if (session.isPending) return <p aria-live="polite">Loading…</p>;
  if (session.data?.state !== 'signed-in') return <Navigate to={webPaths.signIn} replace />;
  if (session.data.permissions.includes('user:read') !== true)
    return <NoPermission what="see staff accounts" />;
  if (users.isPending) return <p aria-live="polite">Loading…</p>;
  const user = users.data?.users.find((candidate) => candidate.id === userId);
  if (!user) return <p>There is no such member of staff.</p>;
  const label = (value: string) => (isStaffRole(value) ? roleLabels[value] : value);

  async function remove(grantId: string, name: string) {
    try {
      await sendJson('DELETE', `/api/admin/users/${user?.id}/roles/${grantId}`);
      setMessage(`Removed ${name}. It stops working on their next request.`);
    } catch (error) {
      setMessage(problemErrors(error, 'role')[0]?.message ?? 'That did not work.');
    }
    await refresh();
  }

  async function give(event: FormEvent) {
    event.preventDefault();
    if (!role) {
      show([{ field: 'role', message: 'Choose a role' }]);
      return;
    }
    try {
      await sendJson('POST', `/api/admin/users/${user?.id}/roles`, { role, teamId: teamId || null });
      clear();
      setMessage(`Gave them the role ${label(role)}.`);
      setRole('');
      setTeamId('');
      await refresh();
    } catch (error) {
      show(problemErrors(error, 'role'));
    }
  }

  return (
    <>
      <PageTitle title={user.displayName} hasError={errors.length > 0} />
      <BackLink to={webPaths.adminUsers}>Staff accounts</BackLink>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <h1>{user.displayName}</h1>
      <p>
        {user.email}. {user.isActive ? 'Active' : 'Deactivated'}.
      </p>
      <p role="status">{message}</p>
      <h2>Roles</h2>
      {user.roles.length === 0 && <p>They hold no roles.</p>}
      <dl className="nhsuk-summary-list">
        {user.roles.map((grant) => (
          <div className="nhsuk-summary-list__row" key={grant.grantId}>
            <dt className="nhsuk-summary-list__key">{label(grant.role)}</dt>
            <dd className="nhsuk-summary-list__value">
              {grant.teamName ?? (grant.schoolUrn ? `School URN ${grant.schoolUrn}` : 'Whole organisation')}
            </dd>
            {canManage && (
              <dd className="nhsuk-summary-list__actions">
                <button
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                  type="button"
                  onClick={() => remove(grant.grantId, label(grant.role))}
                >
                  Remove<span className="nhsuk-u-visually-hidden"> {label(grant.role)}</span>
                </button>
              </dd>
            )}
          </div>
        ))}
      </dl>
      {canManage && (
        <form onSubmit={give} noValidate>
          <h2>Give a role</h2>
          <RoleSelect value={role} onChange={setRole} error={errorFor('role')} />
          <TeamSelect
            value={teamId}
            onChange={setTeamId}
            error={errorFor('teamId')}
            teams={teams.data?.teams ?? []}
          />
          <button className="nhsuk-button" type="submit">
            Give role
          </button>
        </form>
      )}
    </>
  );
}
