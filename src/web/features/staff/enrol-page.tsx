import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, Navigate } from 'react-router';
import type { EnrolmentDone, EnrolmentStart } from '../../../contracts/identity.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, useFormErrors } from '../../components/form.js';
import { PageTitle } from '../../components/layout.js';
import { problemErrors } from './problem-errors.js';
import { CodeField } from './second-factor-page.js';
import { useRefreshSession, useSession } from './use-session.js';

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <>
      <PageTitle title="Save your recovery codes" />
      <h1>Save your recovery codes</h1>
      <div className="nhsuk-warning-callout">
        <h2 className="nhsuk-warning-callout__label">
          <span>
            <span className="nhsuk-u-visually-hidden">Important: </span>You will only see these once
          </span>
        </h2>
        <p>
          If you lose your phone, each code lets you sign in one time. Keep them somewhere safe, not on your
          phone.
        </p>
      </div>
      <ul className="nhsuk-list" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <Link className="nhsuk-button" to={webPaths.staffHome}>
        I have saved my codes
      </Link>
    </>
  );
}

export function EnrolPage() {
  const session = useSession();
  const refresh = useRefreshSession();
  const [code, setCode] = useState('');
  const { errors, errorFor, show, summaryRef } = useFormErrors();
  const [done, setDone] = useState<string[] | null>(null);
  const start = useMutation({
    mutationFn: () => sendJson<EnrolmentStart>('POST', '/api/session/second-factor/enrolment'),
  });
  const needsEnrolment = session.data?.state === 'second-factor-enrolment-required';
  const { mutate, isIdle } = start;
  useEffect(() => {
    if (needsEnrolment && isIdle) mutate();
  }, [needsEnrolment, isIdle, mutate]);

  if (done) return <RecoveryCodes codes={done} />;
  if (session.isPending) return <p aria-live="polite">Loading…</p>;
  if (!session.data) return <Navigate to={webPaths.signIn} replace />;
  if (!needsEnrolment) return <Navigate to={webPaths.staffHome} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const result = await sendJson<EnrolmentDone>('POST', '/api/session/second-factor/enrolment/confirm', {
        code,
      });
      setDone(result.recoveryCodes);
      await refresh();
    } catch (error) {
      show(problemErrors(error, 'code'));
    }
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Set up an authenticator app" hasError={errors.length > 0} />
        <ErrorSummary errors={errors} ref={summaryRef} />
        <h1>Set up an authenticator app</h1>
        <p>
          Your role lets you see information about children, so you need a second step to sign in. Use an
          authenticator app on your phone, such as Microsoft Authenticator or Google Authenticator.
        </p>
        <ol className="nhsuk-list nhsuk-list--number">
          <li>Open the app and choose to add an account.</li>
          <li>Scan the QR code, or type in the key below it.</li>
          <li>Enter the 6-digit code the app shows.</li>
        </ol>
        {start.data && (
          <>
            <img
              className="lantern-qr"
              src={`data:image/svg+xml;utf8,${encodeURIComponent(start.data.qrSvg)}`}
              alt="QR code to scan with your authenticator app"
              width={200}
              height={200}
            />
            <p>
              Key to type in: <code className="lantern-secret">{start.data.secret}</code>
            </p>
          </>
        )}
        {start.isError && (
          <p role="alert">We could not start setting up your app. Reload the page to try again.</p>
        )}
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
