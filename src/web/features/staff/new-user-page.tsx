import { type FormEvent, useState } from 'react';
import { Link, Navigate } from 'react-router';
import { adminUserPath, webPaths } from '../../../contracts/web-paths.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, TextField, useFormErrors } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { NoPermission } from '../triage/staff-access.js';
import { useTeams } from './admin-queries.js';
import { problemErrors } from './problem-errors.js';
import { RoleSelect, TeamSelect } from './role-fields.js';
import { useSession } from './use-session.js';

const empty = { email: '', displayName: '', role: '', teamId: '' };

/** Adds a member of staff; shows their temporary password once. */
export function NewUserPage() {
  const session = useSession();
  const [form, setForm] = useState(empty);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const [created, setCreated] = useState<{ id: string; temporaryPassword: string; name: string } | null>(
    null,
  );
  const canManage = session.data?.permissions.includes('user:manage') === true;
  const teams = useTeams(canManage && session.data?.permissions.includes('team:read') === true);
  if (session.isPending) return <p aria-live="polite">Loading…</p>;
  if (session.data?.state !== 'signed-in') return <Navigate to={webPaths.signIn} replace />;
  if (!canManage) return <NoPermission what="add staff" />;
  const set = (field: keyof typeof empty) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.role) {
      show([{ field: 'role', message: 'Choose a role' }]);
      return;
    }
    try {
      const result = await sendJson<{ id: string; temporaryPassword: string }>('POST', '/api/admin/users', {
        ...form,
        teamId: form.teamId || null,
      });
      setCreated({ ...result, name: form.displayName });
      clear();
      setForm(empty);
    } catch (error) {
      show(problemErrors(error, 'email'));
    }
  }

  if (created) {
    return (
      <>
        <PageTitle title="Account added" />
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__title">Account added</h1>
          <div className="nhsuk-panel__body">
            Temporary password for {created.name}:<br />
            <strong className="lantern-break">{created.temporaryPassword}</strong>
          </div>
        </div>
        <p>
          Give it to them in person or by phone, not by email. You will not see it again. They choose their
          own when they first sign in.
        </p>
        <p>
          <Link to={adminUserPath(created.id)}>See their roles</Link> or{' '}
          <Link to={webPaths.adminUsers}>go back to staff accounts</Link>.
        </p>
      </>
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Add a member of staff" hasError={errors.length > 0} />
        <BackLink to={webPaths.adminUsers}>Staff accounts</BackLink>
        <ErrorSummary errors={errors} ref={summaryRef} />
        <h1>Add a member of staff</h1>
        <form onSubmit={submit} noValidate>
          <TextField
            id="displayName"
            label="Full name"
            width={20}
            autoComplete="off"
            value={form.displayName}
            onChange={(e) => set('displayName')(e.target.value)}
            error={errorFor('displayName')}
          />
          <TextField
            id="email"
            label="Work email address"
            width={20}
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={form.email}
            onChange={(e) => set('email')(e.target.value)}
            error={errorFor('email')}
          />
          <RoleSelect value={form.role} onChange={set('role')} error={errorFor('role')} />
          <TeamSelect
            value={form.teamId}
            onChange={set('teamId')}
            error={errorFor('teamId')}
            teams={teams.data?.teams ?? []}
          />
          <button className="nhsuk-button" type="submit">
            Add account
          </button>
        </form>
      </div>
    </div>
  );
}
