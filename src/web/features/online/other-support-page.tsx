import { Link, useSearchParams } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { PageTitle } from '../../components/layout.js';
import { useOnlineStatus } from './young-person-session.js';

/** For someone too young or too old for Lantern Online: it is not their fault, and here is who can help. */
export function OtherSupportPage() {
  const [params] = useSearchParams();
  const isOlder = params.get('for') === 'older';
  const ages = useOnlineStatus().data?.ages ?? { minAge: 11, maxAge: 19 };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Other places to get help" />
        <h1>Other places to get help</h1>
        <p className="nhsuk-lede-text">
          Lantern Online is for young people aged {ages.minAge} to {ages.maxAge}, so you cannot make an
          account. But you can still get help, and you were right to look for it.
        </p>

        <div className="nhsuk-card nhsuk-card--care nhsuk-card--care--emergency">
          <div className="nhsuk-card__heading-container">
            <h2 className="nhsuk-card__heading">
              <span>
                <span className="nhsuk-u-visually-hidden">Urgent: </span>
                If you are in danger now
              </span>
            </h2>
            <span className="nhsuk-card--care__arrow" aria-hidden="true" />
          </div>
          <div className="nhsuk-card__content">
            <p>
              Call <a href="tel:999">999</a> or go to A&amp;E if your life is in danger.
            </p>
          </div>
        </div>

        <h2>People you can talk to, free, at any time</h2>
        <ul>
          {!isOlder && (
            <li>
              <strong>Childline</strong>: call <a href="tel:08001111">0800 1111</a>. For anyone under 19. They
              will listen to anything.
            </li>
          )}
          <li>
            <strong>Shout</strong>: text <strong>SHOUT</strong> to <a href="sms:85258">85258</a>.
          </li>
          <li>
            <strong>NHS 111</strong>: call <a href="tel:111">111</a> and choose the mental health option.
          </li>
          {isOlder && (
            <li>
              <strong>Samaritans</strong>: call <a href="tel:116123">116 123</a>.
            </li>
          )}
        </ul>

        <h2>Your doctor</h2>
        <p>
          You can talk to your doctor (GP) about how you are feeling.
          {isOlder
            ? ''
            : ' You can ask a parent, carer or another adult you trust to help you make an appointment.'}
        </p>

        {isOlder ? (
          <>
            <h2>Talking therapies</h2>
            <p>
              <strong>NHS Talking Therapies</strong> help adults with feelings like worry and low mood. You
              can refer yourself. You do not need to see a doctor first.
            </p>
          </>
        ) : (
          <>
            <h2>Talk to someone you trust</h2>
            <p>
              A parent, carer, teacher or school nurse can help you. It is OK to tell them you are not feeling
              OK.
            </p>
          </>
        )}
        <p>
          <Link to={webPaths.findSupport}>Find other support near you</Link>
        </p>
      </div>
    </div>
  );
}
