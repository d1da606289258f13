import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { NewPassword, type PasswordChanged } from '../../../contracts/online-accounts.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { ApiError, sendJson } from '../../api.js';
import { ErrorSummary, type FieldError, TextField, useFormErrors } from '../../components/form.js';
import { YoungPersonFrame } from './young-person-frame.js';
import { useForgetYoungPerson } from './young-person-session.js';

// Choosing a new password from a recovery link. The link's secret is after the `#`, so it never
// reaches a server's log; the page reads it once and takes it out of the address bar at once, so it
// is not left in the browser's history or shown over someone's shoulder.

/** The secret in the address, read once when the page opens. */
function secretInAddress(): string {
  return window.location.hash.replace(/^#/, '');
}

/** The same checks as the API's (the sign-up rules), then that both boxes match. */
function checkPasswords(password: string, confirm: string): FieldError[] {
  const parsed = NewPassword.safeParse(password);
  if (!parsed.success) {
    return [
      {
        field: 'password',
        message: `Your new password ${parsed.error.issues[0]?.message ?? 'is not right'}`,
      },
    ];
  }
  if (confirm !== password) {
    return [
      { field: 'confirm', message: 'The passwords do not match. Type the same password in both boxes' },
    ];
  }
  return [];
}

export function OnlineNewPasswordPage() {
  const [secret] = useState(secretInAddress);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [outcome, setOutcome] = useState<'choosing' | 'changed' | 'link-not-working'>(
    secret ? 'choosing' : 'link-not-working',
  );
  const form = useFormErrors();
  const forgetYoungPerson = useForgetYoungPerson();

  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
    }
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors = checkPasswords(password, confirm);
    if (errors.length > 0) return form.show(errors);
    setIsBusy(true);
    try {
      await sendJson<PasswordChanged>('POST', '/api/online/account-recovery/password', { secret, password });
      // Every session of the account has ended, this browser's too.
      forgetYoungPerson();
      setOutcome('changed');
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null;
      const params = problem?.invalidParams ?? [];
      if (params.some((p) => p.name === 'secret')) return setOutcome('link-not-working');
      const reason = params.find((p) => p.name === 'password')?.reason;
      form.show([
        {
          field: 'password',
          message: reason
            ? `Your new password ${reason}`
            : (problem?.detail ?? 'Something went wrong. Try again in a minute.'),
        },
      ]);
    } finally {
      setIsBusy(false);
    }
  }

  if (outcome === 'changed') return <PasswordIsChanged />;
  if (outcome === 'link-not-working') return <LinkNotWorking />;
  return (
    <YoungPersonFrame
      title="Choose a new password"
      hasError={form.errors.length > 0}
      back={{ to: webPaths.onlineSignIn, label: 'Back to sign in' }}
    >
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <TextField
          id="password"
          label="New password"
          hint="At least 10 characters. A few random words together is a good idea, like purple-toast-river."
          width={20}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.errorFor('password')}
        />
        <TextField
          id="confirm"
          label="Type your new password again"
          width={20}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={form.errorFor('confirm')}
        />
        <button className="nhsuk-button" type="submit" disabled={isBusy}>
          Change my password
        </button>
      </form>
    </YoungPersonFrame>
  );
}

/** Focus moves to the first words, as the form the reader was in has gone. */
function useFocusOnOpen() {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function PasswordIsChanged() {
  const first = useFocusOnOpen();
  return (
    <YoungPersonFrame title="Your password is changed" back={{ to: webPaths.onlineHome, label: 'Back' }}>
      <p ref={first} tabIndex={-1}>
        You can now sign in with your new password. If you were signed in anywhere else, we have signed you
        out there, to keep your account safe.
      </p>
      <Link className="nhsuk-button" to={webPaths.onlineSignIn}>
        Sign in
      </Link>
    </YoungPersonFrame>
  );
}

function LinkNotWorking() {
  const first = useFocusOnOpen();
  return (
    <YoungPersonFrame
      title="This link does not work"
      back={{ to: webPaths.onlineSignIn, label: 'Back to sign in' }}
    >
      <p ref={first} tabIndex={-1}>
        This link has expired or has already been used. A link works once, for 30 minutes.
      </p>
      <p>
        <Link to={webPaths.onlineForgotPassword}>Ask for a new link</Link>
      </p>
    </YoungPersonFrame>
  );
}
