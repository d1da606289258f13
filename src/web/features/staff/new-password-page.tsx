import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import type { SignInState } from '../../../contracts/identity.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, TextField, useFormErrors } from '../../components/form.js';
import { PageTitle } from '../../components/layout.js';
import { problemErrors } from './problem-errors.js';
import { nextPage } from './sign-in-page.js';
import { useRefreshSession, useSession } from './use-session.js';

export function NewPasswordPage() {
  const session = useSession();
  const refresh = useRefreshSession();
  const navigate = useNavigate();
  const [newPassword, setNewPassword] = useState('');
  const { errors, errorFor, show, summaryRef } = useFormErrors();
  if (session.isPending) return <p aria-live="polite">Loading…</p>;
  if (!session.data) return <Navigate to={webPaths.signIn} replace />;
  if (session.data.state !== 'password-change-required')
    return <Navigate to={nextPage[session.data.state]} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const { state } = await sendJson<{ state: SignInState }>('POST', '/api/session/password', {
        newPassword,
      });
      await refresh();
      navigate(nextPage[state]);
    } catch (error) {
      show(problemErrors(error, 'newPassword'));
    }
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Choose a password" hasError={errors.length > 0} />
        <ErrorSummary errors={errors} ref={summaryRef} />
        <h1>Choose a password</h1>
        <p>You signed in with a temporary password. Choose your own before you go on.</p>
        <form onSubmit={submit} noValidate>
          <TextField
            id="newPassword"
            label="New password"
            hint="At least 12 characters. Three random words, like kettle harbour violet, are strong and easy to remember."
            width={20}
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
            error={errorFor('newPassword')}
          />
          <button className="nhsuk-button" type="submit">
            Save password
          </button>
        </form>
      </div>
    </div>
  );
}
