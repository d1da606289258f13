import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, TextField, useFormErrors } from '../../components/form.js';
import { PageTitle } from '../../components/layout.js';
import { problemErrors } from './problem-errors.js';
import { useRefreshSession, useSession } from './use-session.js';

/** The code from the authenticator app, or a recovery code. */
export function CodeField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <TextField
      id="code"
      label="Code"
      hint="The 6-digit code from your authenticator app. If you have lost your phone, use a recovery code."
      width={10}
      inputMode="text"
      autoComplete="one-time-code"
      spellCheck={false}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

export function SecondFactorPage() {
  const session = useSession();
  const refresh = useRefreshSession();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const { errors, errorFor, show, summaryRef } = useFormErrors();
  if (session.isPending) return <p aria-live="polite">Loading…</p>;
  if (!session.data) return <Navigate to={webPaths.signIn} replace />;
  if (session.data.state === 'signed-in') return <Navigate to={webPaths.staffHome} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await sendJson('POST', '/api/session/second-factor', { code });
      await refresh();
      navigate(webPaths.staffHome);
    } catch (error) {
      setCode('');
      show(problemErrors(error, 'code'));
    }
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Enter your code" hasError={errors.length > 0} />
        <ErrorSummary errors={errors} ref={summaryRef} />
        <h1>Enter your code</h1>
        <p>Your role lets you see information about children, so you need a second step to sign in.</p>
        <form onSubmit={submit} noValidate>
          <CodeField value={code} onChange={setCode} error={errorFor('code')} />
          <button className="nhsuk-button" type="submit">
            Continue
          </button>
        </form>
      </div>
    </div>
  );
}
