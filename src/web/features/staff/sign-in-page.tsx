import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import type { OidcStatus, SignInState } from '../../../contracts/identity.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { getJson, sendJson } from '../../api.js';
import { ErrorSummary, TextField, useFormErrors } from '../../components/form.js';
import { PageTitle } from '../../components/layout.js';
import { problemErrors } from './problem-errors.js';
import { useRefreshSession, useSession } from './use-session.js';

export const nextPage: Record<SignInState, string> = {
  'password-change-required': webPaths.newPassword,
  'signed-in': webPaths.staffHome,
  'second-factor-required': webPaths.secondFactor,
  'second-factor-enrolment-required': webPaths.enrolSecondFactor,
};

/** Whether this installation lets staff sign in with their organisation's account (OpenID Connect). */
function useOidcStatus() {
  return useQuery({
    queryKey: ['oidc-status'],
    queryFn: ({ signal }) => getJson<OidcStatus>('/api/session/oidc', signal),
    staleTime: Number.POSITIVE_INFINITY,
  }).data;
}

/** A full page navigation, not a fetch: the provider's sign-in page is another website. */
function OrganisationSignIn({ providerName }: { providerName?: string | undefined }) {
  return (
    <>
      <h2 className="nhsuk-heading-m">Or use your organisation's account</h2>
      {providerName && <p>You will sign in with {providerName}, then come back to Lantern.</p>}
      <a className="nhsuk-button nhsuk-button--secondary" href="/api/session/oidc/start">
        Sign in with your organisation's account
      </a>
    </>
  );
}

export function SignInPage() {
  const session = useSession();
  const oidc = useOidcStatus();
  const refresh = useRefreshSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, errorFor, show, summaryRef } = useFormErrors();
  const [isBusy, setBusy] = useState(false);
  if (session.data?.state === 'signed-in') return <Navigate to={webPaths.staffHome} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { state } = await sendJson<{ state: SignInState }>('POST', '/api/session', { email, password });
      await refresh();
      navigate(nextPage[state]);
    } catch (error) {
      setPassword('');
      show(problemErrors(error, 'email'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Sign in" hasError={errors.length > 0} />
        <ErrorSummary errors={errors} ref={summaryRef} />
        <h1>Sign in</h1>
        <p>For staff of services in the area. Young people and families do not need to sign in.</p>
        <form onSubmit={submit} noValidate>
          <TextField
            id="email"
            label="Email address"
            width={20}
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errorFor('email')}
          />
          <TextField
            id="password"
            label="Password"
            width={20}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errorFor('password')}
          />
          <button className="nhsuk-button" type="submit" disabled={isBusy}>
            Sign in
          </button>
        </form>
        {oidc?.isEnabled && <OrganisationSignIn providerName={oidc.providerName} />}
      </div>
    </div>
  );
}
