import { HelpNowCard, useCrisisServices } from '../../components/help-now.js';
import { PageTitle } from '../../components/layout.js';

export function HelpNowPage() {
  const crisis = useCrisisServices();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Get help now" />
        <h1>Get help now</h1>
        <p className="nhsuk-lede-text">
          You do not have to wait. If you or someone else needs help now, there are people who can talk to you
          at any time.
        </p>
        <HelpNowCard crisis={crisis} />
        <h2>If it is not an emergency</h2>
        <p>Talk to someone you trust, like a parent, carer, teacher, school nurse or your GP.</p>
      </div>
    </div>
  );
}
