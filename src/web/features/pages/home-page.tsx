import { Link } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { HelpNowCard, useCrisisServices } from '../../components/help-now.js';
import { PageTitle } from '../../components/layout.js';
import { useOnlineStatus } from '../online/young-person-session.js';

export function HomePage() {
  const crisis = useCrisisServices();
  const ages = useOnlineStatus().data?.ages ?? { minAge: 11, maxAge: 19 };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Mental health support for children and young people" />
        <h1>Mental health support for children and young people</h1>
        <p className="nhsuk-lede-text">
          Find out what help there is near you, who it is for and how to get it. For young people, parents,
          carers and anyone who works with children.
        </p>
        <div className="nhsuk-action-link">
          <Link className="nhsuk-action-link__link" to={webPaths.findSupport}>
            <svg
              className="nhsuk-icon nhsuk-icon--arrow-right-circle"
              xmlns="http://www.w3.org/2000/svg"
              viewBox="0 0 24 24"
              aria-hidden="true"
              focusable="false"
            >
              <path d="M12 2a10 10 0 0 0-9.95 9h11.64L9.74 7.05a1 1 0 0 1 1.41-1.41l5.66 5.65a1 1 0 0 1 0 1.42l-5.66 5.65a1 1 0 0 1-1.41 0 1 1 0 0 1 0-1.41L13.69 13H2.05A10 10 0 1 0 12 2z" />
            </svg>
            <span className="nhsuk-action-link__text">Find support</span>
          </Link>
        </div>
        <div className="nhsuk-card nhsuk-card--clickable">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading nhsuk-heading-m">
              <Link className="nhsuk-card__link" to={webPaths.onlineHome}>
                Lantern Online: talk to someone
              </Link>
            </h2>
            <p className="nhsuk-card__description">
              For young people aged {ages.minAge} to {ages.maxAge}. Chat to a counsellor online, free, without
              giving your name. Open evenings and weekends. No referral needed.
            </p>
          </div>
        </div>
        <HelpNowCard crisis={crisis} />
      </div>
    </div>
  );
}
