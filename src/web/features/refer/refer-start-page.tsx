import { Link } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { HelpNowCard, useCrisisServices } from '../../components/help-now.js';
import { PageTitle } from '../../components/layout.js';
import { useRules } from './queries.js';
import { firstStep } from './steps.js';
import { referPath } from './wording.js';

function ActionLink({ to, children }: { to: string; children: string }) {
  return (
    <div className="nhsuk-action-link">
      <Link className="nhsuk-action-link__link" to={to}>
        <svg
          className="nhsuk-icon nhsuk-icon--arrow-right-circle"
          xmlns="http://www.w3.org/2000/svg"
          viewBox="0 0 24 24"
          width="36"
          height="36"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M12 2a10 10 0 0 0-10 9h11.7l-4-4a1 1 0 0 1 1.5-1.4l5.6 5.7a1 1 0 0 1 0 1.4l-5.6 5.7a1 1 0 0 1-1.5 0 1 1 0 0 1 0-1.4l4-4H2A10 10 0 1 0 12 2z" />
        </svg>
        <span className="nhsuk-action-link__text">{children}</span>
      </Link>
    </div>
  );
}

/** /refer: who can ask for help here, and the way in for each of them. */
export function ReferStartPage() {
  const rules = useRules().data;
  const crisis = useCrisisServices();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Ask for help" />
        <h1>Ask for help</h1>
        <p className="nhsuk-lede-text">
          Use this to ask for help when a child or young person is finding things hard: their feelings,
          worries, behaviour or something that has happened.
        </p>
        <h2>Who can ask here</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>parents and carers, for their child</li>
          <li>young people{rules ? ` aged ${rules.selfReferralMinAge} or older` : ''}, for themselves</li>
        </ul>
        <p>
          It takes about 10 minutes. We will ask about what is happening and how to contact you.
          {rules &&
            ` Our team reads every request within ${rules.triageWorkingDays} working days, and sooner if it is urgent.`}
        </p>
        <h2>Who are you?</h2>
        <ActionLink to={referPath('parent', firstStep('parent'))}>I am a parent or carer</ActionLink>
        <ActionLink to={referPath('self', firstStep('self'))}>I am asking for help for myself</ActionLink>
        <p>
          Professionals and school staff: <Link to={webPaths.signIn}>sign in to refer</Link>.
        </p>
        <HelpNowCard crisis={crisis} />
        <h2>Before you start</h2>
        <p>
          You can <Link to={webPaths.findSupport}>find support</Link> that you can contact yourself, or read{' '}
          <Link to={webPaths.thresholds}>who each service is for</Link> (our thresholds).
        </p>
        <p>
          Your answers are kept only in this browser tab until you send them. If you close the tab, they are
          gone.
        </p>
      </div>
    </div>
  );
}
