import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { isStaffRole, roleLabels, staffRoles } from '../../../access/roles.js';
import type { StaffUser, TeamList } from '../../../contracts/admin.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { getJson, sendJson } from '../../api.js';
import { ErrorSummary, type FieldError, SelectField } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { problemErrors } from './problem-errors.js';
import { useSession } from './use-session.js';

/** One member of staff: the roles they hold, removing one, and giving a new one. */
export function AdminUserPage() {
  const { userId = '' } = useParams();
  const session = useSession();
  const client = useQueryClient();
  const [role, setRole] = useState('');
  const [teamId, setTeamId] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const canManage = session.data?.permissions.includes('user:manage') === true;
  const users = useQuery({
    queryKey: ['admin', 'users'],
    queryFn: ({ signal }) => getJson<{ users: StaffUser[] }>('/api/admin/users', signal),
    enabled: session.data?.permissions.includes('user:read') === true,
  });
  const teams = useQuery({
    queryKey: ['admin', 'teams'],
    queryFn: ({ signal }) => getJson<TeamList>('/api/admin/teams', signal),
    enabled: canManage && session.data?.permissions.includes('team:read') === true,
  });
  if (session.isPending) return <p aria-live="polite">Loading…</p>;
  if (session.data?.state !== 'signed-in') return <Navigate to={webPaths.signIn} replace />;
  if (session.data.permissions.includes('user:read') !== true)
    return <p>You do not have permission to see staff accounts.</p>;
  if (users.isPending) return <p aria-live="polite">Loading…</p>;
  const user = users.data?.users.find((candidate) => candidate.id === userId);
  if (!user) return <p>There is no such member of staff.</p>;
  const label = (value: string) => (isStaffRole(value) ? roleLabels[value] : value);
  const refresh = () => client.invalidateQueries({ queryKey: ['admin', 'users'] });

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
      setErrors([{ field: 'role', message: 'Choose a role' }]);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    try {
      await sendJson('POST', `/api/admin/users/${user?.id}/roles`, { role, teamId: teamId || null });
      setErrors([]);
      setMessage(`Gave them the role ${label(role)}.`);
      setRole('');
      setTeamId('');
      await refresh();
    } catch (error) {
      setErrors(problemErrors(error, 'role'));
      requestAnimationFrame(() => summary.current?.focus());
    }
  }

  return (
    <>
      <PageTitle title={user.displayName} hasError={errors.length > 0} />
      <BackLink to={webPaths.adminUsers}>Staff accounts</BackLink>
      <ErrorSummary errors={errors} ref={summary} />
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
          <SelectField
            id="role"
            label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value)}
            error={errors.find((e) => e.field === 'role')?.message}
          >
            <option value="">Choose a role</option>
            {staffRoles.map((value) => (
              <option value={value} key={value}>
                {roleLabels[value]}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="teamId"
            label="Team (optional)"
            hint="Team managers, clinical leads, supervisors, senior practitioners and CAMHS clinicians reach records only through their team, so give them one."
            value={teamId}
            onChange={(e) => setTeamId(e.target.value)}
            error={errors.find((e) => e.field === 'teamId')?.message}
          >
            <option value="">No team</option>
            {(teams.data?.teams ?? []).map((team) => (
              <option value={team.id} key={team.id}>
                {team.name} ({team.service})
              </option>
            ))}
          </SelectField>
          <button className="nhsuk-button" type="submit">
            Give role
          </button>
        </form>
      )}
    </>
  );
}
