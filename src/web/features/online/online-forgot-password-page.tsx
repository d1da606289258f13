import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { RecoveryLinkAsked } from '../../../contracts/online-accounts.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { problemText, sendJson } from '../../api.js';
import { ErrorSummary, TextField, useFormErrors } from '../../components/form.js';
import { YoungPersonFrame } from './young-person-frame.js';

/**
 * Asking for a link to choose a new password, sent to the recovery email or phone given at sign-up.
 * The answer is the same whatever the username, so the page never says whether an account exists.
 */
export function OnlineForgotPasswordPage() {
  const [username, setUsername] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [sent, setSent] = useState<RecoveryLinkAsked | null>(null);
  const form = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim()) return form.show([{ field: 'username', message: 'Enter your username' }]);
    setIsBusy(true);
    try {
      setSent(await sendJson<RecoveryLinkAsked>('POST', '/api/online/account-recovery', { username }));
    } catch (error) {
      form.show([
        { field: 'username', message: problemText(error, 'Something went wrong. Try again in a minute.') },
      ]);
    } finally {
      setIsBusy(false);
    }
  }

  if (sent) return <LinkSent message={sent.message} />;
  return (
    <YoungPersonFrame
      title="Forgot your password?"
      hasError={form.errors.length > 0}
      back={{ to: webPaths.onlineSignIn, label: 'Back to sign in' }}
    >
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <p>
        If you gave us an email address or phone number when you made your account, we can send you a link to
        choose a new password.
      </p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="username"
          label="Your username"
          width={20}
          autoComplete="username"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={form.errorFor('username')}
        />
        <button className="nhsuk-button" type="submit" disabled={isBusy}>
          Send me a link
        </button>
      </form>
    </YoungPersonFrame>
  );
}

/** The same words for every username, then what to do if no link comes. */
function LinkSent({ message }: { message: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The form has gone: tell keyboard and screen reader users what happened by moving focus here.
  useEffect(() => heading.current?.focus(), []);
  return (
    <YoungPersonFrame
      title="Check your email or phone"
      back={{ to: webPaths.onlineSignIn, label: 'Back to sign in' }}
    >
      <p ref={heading} tabIndex={-1}>
        {message}
      </p>
      <p>The message does not say who it is from or what it is for, so nobody else can tell.</p>
      <h2 className="nhsuk-heading-s">No link?</h2>
      <p>
        If you did not give a recovery email or phone, we cannot send a link. You can{' '}
        <Link to={webPaths.onlineSignUp}>make a new account</Link>.
      </p>
      <p>
        Remembered your password? <Link to={webPaths.onlineSignIn}>Sign in</Link>
      </p>
    </YoungPersonFrame>
  );
}
