import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SignedIn } from '../../../contracts/online-accounts.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { ApiError, sendJson } from '../../api.js';
import { ErrorSummary, TextField, useFormErrors } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { YoungPersonHelpNow } from './account-help-now.js';
import { rememberYoungPersonCsrf } from './young-person-session.js';

/** Signing in with the username and password the young person made up. */
export function OnlineSignInPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const form = useFormErrors();
  const navigate = useNavigate();
  const client = useQueryClient();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors = [
      ...(username.trim() ? [] : [{ field: 'username', message: 'Enter your username' }]),
      ...(password ? [] : [{ field: 'password', message: 'Enter your password' }]),
    ];
    if (errors.length > 0) return form.show(errors);
    setIsBusy(true);
    try {
      const signedIn = await sendJson<SignedIn>('POST', '/api/online/session', { username, password });
      rememberYoungPersonCsrf(signedIn.csrfToken);
      // Every online query (who is signed in, above all) is asked afresh as this young person.
      await client.resetQueries({ queryKey: ['online'] });
      navigate(webPaths.onlineSpace);
    } catch (error) {
      const detail = error instanceof ApiError ? error.problem.detail : undefined;
      form.show([{ field: 'username', message: detail ?? 'Something went wrong. Try again in a minute.' }]);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Sign in to Lantern Online" hasError={form.errors.length > 0} />
        <BackLink to={webPaths.onlineHome}>Back</BackLink>
        <ErrorSummary ref={form.summaryRef} errors={form.errors} />
        <h1>Sign in to Lantern Online</h1>
        <form onSubmit={submit} noValidate>
          <TextField
            id="username"
            label="Username"
            width={20}
            autoComplete="username"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={form.errorFor('username')}
          />
          <TextField
            id="password"
            label="Password"
            width={20}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={form.errorFor('password')}
          />
          <button className="nhsuk-button" type="submit" disabled={isBusy}>
            Sign in
          </button>
        </form>
        <p>
          <Link to={webPaths.onlineForgotPassword}>Forgot your password?</Link>
        </p>
        <p>
          New here? <Link to={webPaths.onlineSignUp}>Make an account</Link>. It is free and you do not need to
          give your name.
        </p>
        <p>
          On a shared phone or computer? Remember to sign out when you finish. If you forget, we sign you out
          after 30 minutes.
        </p>
        <YoungPersonHelpNow />
      </div>
    </div>
  );
}
