import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { isStaffRole, roleLabels } from '../../../access/roles.js';
import type { StaffUser } from '../../../contracts/admin.js';
import { adminUserPath, webPaths } from '../../../contracts/web-paths.js';
import { sendJson } from '../../api.js';
import { TextField } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { NoPermission } from '../triage/staff-access.js';
import { useRefreshStaffList, useStaffList } from './admin-queries.js';
import { problemErrors } from './problem-errors.js';
import { useSession } from './use-session.js';

export function AdminUsersPage() {
  const session = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const canRead = session.data?.permissions.includes('user:read') === true;
  const canManage = session.data?.permissions.includes('user:manage') === true;
  const canReset = session.data?.permissions.includes('user:reset-second-factor') === true;
  const users = useStaffList(canRead);
  const refresh = useRefreshStaffList();
  if (session.isPending) return <p aria-live="polite">Loading…</p>;
  const needle = filter.trim().toLowerCase();
  const shown = (users.data?.users ?? []).filter(
    (user) =>
      !needle || user.displayName.toLowerCase().includes(needle) || user.email.toLowerCase().includes(needle),
  );
  const headings = ['Name', 'Roles', 'Status', ...(canManage || canReset ? ['Actions'] : [])];
  if (session.data?.state !== 'signed-in') return <Navigate to={webPaths.signIn} replace />;
  if (!canRead) return <NoPermission what="see staff accounts" />;

  async function change(user: StaffUser, action: 'reactivate' | 'deactivate' | 'reset-second-factor') {
    try {
      await sendJson('POST', `/api/admin/users/${user.id}/${action}`, undefined, {
        'if-match': `"${user.version}"`,
      });
      setMessage(
        action === 'reset-second-factor'
          ? `${user.displayName} will set up an authenticator app again when they next sign in.`
          : `${user.displayName} is now ${action === 'reactivate' ? 'active' : 'deactivated'}.`,
      );
    } catch (error) {
      setMessage(problemErrors(error, 'users')[0]?.message ?? 'That did not work.');
    }
    await refresh();
  }

  return (
    <>
      <PageTitle title="Staff accounts" />
      <BackLink to={webPaths.staffHome}>Your account</BackLink>
      <h1>Staff accounts</h1>
      {canManage && (
        <Link className="nhsuk-button" to={webPaths.adminNewUser}>
          Add a member of staff
        </Link>
      )}
      <p role="status">{message}</p>
      {users.data && (
        <>
          <TextField
            id="filter"
            label="Find a person"
            hint="Type part of a name or email address."
            width={20}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <ResponsiveTable
            caption={`${shown.length} of ${users.data.users.length} accounts`}
            headings={headings}
          >
            {shown.map((user) => (
              <tr className="nhsuk-table__row" key={user.id}>
                <Cell heading="Name">
                  <Link to={adminUserPath(user.id)}>{user.displayName}</Link>
                  <br />
                  <span className="nhsuk-body-s lantern-break">{user.email}</span>
                </Cell>
                <Cell heading="Roles">
                  {user.roles
                    .map((grant) => (isStaffRole(grant.role) ? roleLabels[grant.role] : grant.role))
                    .join(', ')}
                </Cell>
                <Cell heading="Status">
                  {user.isActive ? 'Active' : 'Deactivated'}
                  {user.hasSecondFactor ? '' : ', no authenticator yet'}
                </Cell>
                {(canManage || canReset) && (
                  <Cell heading="Actions">
                    <div className="nhsuk-button-group">
                      {canManage && (
                        <button
                          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                          type="button"
                          onClick={() => change(user, user.isActive ? 'deactivate' : 'reactivate')}
                        >
                          {user.isActive ? 'Deactivate' : 'Reactivate'}
                          <span className="nhsuk-u-visually-hidden"> {user.displayName}</span>
                        </button>
                      )}
                      {canReset && user.hasSecondFactor && (
                        <button
                          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                          type="button"
                          onClick={() => change(user, 'reset-second-factor')}
                        >
                          Reset authenticator
                          <span className="nhsuk-u-visually-hidden"> for {user.displayName}</span>
                        </button>
                      )}
                    </div>
                  </Cell>
                )}
              </tr>
            ))}
          </ResponsiveTable>
        </>
      )}
    </>
  );
}
