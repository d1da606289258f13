import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { DirectoryService } from '../../../contracts/directory.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { presentingNeeds } from '../../../domain/organisations/needs.js';
import { referralRoutes } from '../../../domain/organisations/referral-routes.js';
import { thriveLabels } from '../../../domain/organisations/thrive.js';
import { ApiError, getJson } from '../../api.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { PhoneLink } from './service-card.js';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

export function ServicePage() {
  const { slug = '' } = useParams();
  const service = useQuery({
    queryKey: ['directory', 'service', slug],
    queryFn: ({ signal }) =>
      getJson<DirectoryService>(`/api/directory/services/${encodeURIComponent(slug)}`, signal),
  });
  if (service.error instanceof ApiError && service.error.problem.status === 404) return <NotFoundPage />;
  if (service.isError) return <p role="alert">Sorry, we could not load this service. Please try again.</p>;
  if (!service.data) return <p aria-live="polite">Loading…</p>;
  const s = service.data;
  return (
    <>
      <PageTitle title={s.name} />
      <BackLink to={webPaths.findSupport}>Find support</BackLink>
      <h1>{s.name}</h1>
      <p className="nhsuk-lede-text">{s.summary}</p>
      <dl className="nhsuk-summary-list">
        <Row label="Who it is for">{s.whoFor}</Row>
        <Row label="Ages">
          {s.ageMin} to {s.ageMax}
        </Row>
        <Row label="Helps with">
          <ul className="nhsuk-list">
            {s.presentingNeeds.map((need) => (
              <li key={need}>{presentingNeeds[need]}</li>
            ))}
          </ul>
        </Row>
        <Row label="How to get help">{s.howToGetHelp}</Row>
        <Row label="Who can ask for help">
          <ul className="nhsuk-list">
            {s.referralRoutes.map((route) => (
              <li key={route}>
                {route === 'self' && s.selfReferralMinAge !== null
                  ? `Young people aged ${s.selfReferralMinAge} and over, themselves`
                  : referralRoutes[route]}
              </li>
            ))}
          </ul>
        </Row>
        {s.phone && (
          <Row label="Phone">
            <PhoneLink phone={s.phone} />
          </Row>
        )}
        {s.dropIn && <Row label="Drop-in">{s.dropIn}</Row>}
        <Row label="Opening times">
          <ul className="nhsuk-list">
            {s.openingHours.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {s.isOpenNow ? 'Open now.' : 'Closed now.'}
        </Row>
        <Row label="Run by">{s.provider}</Row>
        <Row label="THRIVE groupings">{s.thriveGroupings.map((g) => thriveLabels[g]).join(', ')}</Row>
      </dl>
      <div className="nhsuk-warning-callout">
        <h2 className="nhsuk-warning-callout__label">
          <span>
            <span className="nhsuk-u-visually-hidden">Important: </span>What this service is not for
          </span>
        </h2>
        <p>{s.notFor}</p>
      </div>
    </>
  );
}
