import { Link } from 'react-router';
import type { DirectoryService } from '../../../contracts/directory.js';
import { servicePath, webPaths } from '../../../contracts/web-paths.js';
import { presentingNeeds } from '../../../domain/organisations/needs.js';
import { type ThriveGrouping, thriveLabels } from '../../../domain/organisations/thrive.js';
import { PageTitle } from '../../components/layout.js';
import { useDirectory, useRules } from './queries.js';

/** THRIVE groupings in plain words, next to their names. */
const thriveMeaning: Record<ThriveGrouping, string> = {
  thriving: 'doing well, with everyday support to stay well',
  'getting-advice': 'advice, information and help to find support',
  'getting-help': 'short, focused help with a clear goal',
  'getting-more-help': 'longer or more specialist help',
  'getting-risk-support': 'support to keep safe when there is serious risk',
};

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

function Thresholds({ service, level = 2 }: { service: DirectoryService; level?: 2 | 3 }) {
  const id = `service-${service.slug}`;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id}>
      <Heading id={id} className={level === 3 ? 'nhsuk-heading-m' : undefined}>
        <Link to={servicePath(service.slug)}>{service.name}</Link>
      </Heading>
      <p>{service.summary}</p>
      <dl className="nhsuk-summary-list">
        <Row label="Who it is for">{service.whoFor}</Row>
        <Row label="Who it is not for">{service.notFor}</Row>
        <Row label="Ages">
          {service.ageMin} to {service.ageMax}
        </Row>
        <Row label="Level of need (THRIVE)">
          <ul className="nhsuk-list">
            {service.thriveGroupings.map((grouping) => (
              <li key={grouping}>
                {thriveLabels[grouping]}: {thriveMeaning[grouping]}
              </li>
            ))}
          </ul>
        </Row>
        <Row label="Helps with">
          <ul className="nhsuk-list">
            {service.presentingNeeds.map((need) => (
              <li key={need}>{presentingNeeds[need]}</li>
            ))}
          </ul>
        </Row>
        <Row label="Can young people ask themselves?">
          {service.acceptsSelfReferral
            ? service.selfReferralMinAge === null
              ? 'Yes'
              : `Yes, from age ${service.selfReferralMinAge}`
            : 'No: a parent, carer or professional asks for them'}
        </Row>
      </dl>
    </section>
  );
}

/** /thresholds: the published thresholds of need for every service, and the front door's rules. */
export function ThresholdsPage() {
  const directory = useDirectory({});
  const rules = useRules().data;
  const services = directory.data?.matches ?? [];
  return (
    <>
      <PageTitle title="Who each service is for" />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Who each service is for</h1>
          <p className="nhsuk-lede-text">
            These are our thresholds: who each service helps, who it does not, and at what level of need.
          </p>
          <p>
            You do not need to work out the right service yourself. When you{' '}
            <Link to={webPaths.referStart}>ask for help</Link>, our team reads your request and finds the
            service that fits best.
          </p>
          <h2>How asking for help works</h2>
          {rules ? (
            <ul className="nhsuk-list nhsuk-list--bullet">
              <li>Every request goes to one place: {rules.intakeServiceName}.</li>
              <li>
                They read it within {rules.triageWorkingDays} working days, or by the next working day if it
                is urgent.
              </li>
              <li>
                Parents and carers can ask for their child. Professionals and school staff refer after signing
                in.
              </li>
              <li>Young people aged {rules.selfReferralMinAge} or over can ask for themselves.</li>
              <li>If someone's life is at risk now, call 999. Do not wait for a reply.</li>
            </ul>
          ) : (
            <p aria-live="polite">Loading…</p>
          )}
          <p>
            THRIVE is a way of describing what help someone needs, rather than a diagnosis. It has five
            levels: thriving, getting advice, getting help, getting more help and getting risk support.
          </p>
        </div>
      </div>
      {directory.isPending && <p aria-live="polite">Loading services…</p>}
      {directory.isError && <p role="alert">Sorry, we could not load the services. Please try again.</p>}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {services.map((service) => (
            <Thresholds service={service} key={service.slug} />
          ))}
          {directory.data && directory.data.crisis.length > 0 && (
            <section aria-labelledby="crisis-heading">
              <h2 id="crisis-heading">In a crisis</h2>
              <p>These services are for anyone at risk right now. You do not need to be referred.</p>
              {directory.data.crisis.map((service) => (
                <Thresholds service={service} key={service.slug} level={3} />
              ))}
            </section>
          )}
        </div>
      </div>
    </>
  );
}
