import { Link } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { PageTitle } from '../../components/layout.js';
import { YoungPersonHelpNow } from './account-help-now.js';
import { useOnlineStatus, useYoungPerson } from './young-person-session.js';

/** Lantern Online's front page for young people: what it is, whether it is open, and how to start. */
export function OnlineHomePage() {
  const status = useOnlineStatus();
  const me = useYoungPerson();
  const ages = status.data?.ages ?? { minAge: 11, maxAge: 19 };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Lantern Online: talk to someone" />
        <h1>Lantern Online: talk to someone</h1>
        <p className="nhsuk-lede-text">
          Chat to a trained counsellor online about anything that is worrying you. It is for young people aged{' '}
          {ages.minAge} to {ages.maxAge}.
        </p>
        <ul>
          <li>It is free.</li>
          <li>You do not need to give your name. You make up a username.</li>
          <li>You do not need a doctor or a teacher to send you. You can just sign up.</li>
        </ul>

        <section aria-labelledby="open-heading">
          <h2 id="open-heading">When you can chat</h2>
          {status.isPending ? (
            <p aria-live="polite">Checking if we are open…</p>
          ) : status.isError ? (
            <p>We could not check if we are open right now. Try again in a minute.</p>
          ) : (
            <>
              <p className="nhsuk-body-l" data-testid="online-open-now">
                <strong>{status.data.sentence}</strong>
              </p>
              <ul>
                {status.data.hours.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {!status.data.isOpen && (
                <p>
                  When we are closed you can still read self-help, write in your journal or send us a message.
                </p>
              )}
            </>
          )}
        </section>

        {me ? (
          <div className="nhsuk-button-group">
            <Link className="nhsuk-button" to={webPaths.onlineSpace}>
              Go to your space
            </Link>
          </div>
        ) : (
          <div className="nhsuk-button-group">
            <Link className="nhsuk-button" to={webPaths.onlineSignUp}>
              Make an account
            </Link>
            <Link className="nhsuk-button nhsuk-button--secondary" to={webPaths.onlineSignIn}>
              Sign in
            </Link>
          </div>
        )}

        <p>
          <Link to={webPaths.selfHelp}>Read self-help</Link>: tips and stories about feelings, sleep, friends,
          exams and more. You do not need an account.
        </p>

        <YoungPersonHelpNow />
      </div>
    </div>
  );
}
