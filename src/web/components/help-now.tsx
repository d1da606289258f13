import { useQuery } from '@tanstack/react-query';
import type { DirectorySearchResult, DirectoryService } from '../../contracts/directory.js';
import { getJson } from '../api.js';
import { PhoneLink } from '../features/find-support/service-card.js';

/** The area's own crisis services, from the directory. */
export function useCrisisServices(): DirectoryService[] {
  const { data } = useQuery({
    queryKey: ['directory', 'crisis'],
    queryFn: ({ signal }) => getJson<DirectorySearchResult>('/api/directory/services', signal),
  });
  return data?.crisis ?? [];
}

/**
 * What to do in a crisis right now (NHS.UK emergency care card). National numbers are real;
 * the local crisis line comes from the directory.
 */
export function HelpNowCard({
  crisis,
  headingLevel = 2,
}: {
  crisis: DirectoryService[];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="nhsuk-card nhsuk-card--care nhsuk-card--care--emergency">
      <div className="nhsuk-card__heading-container">
        <Heading className="nhsuk-card__heading">
          <span>
            <span className="nhsuk-u-visually-hidden">Immediate action required: </span>
            If someone is in danger right now
          </span>
        </Heading>
        <span className="nhsuk-card--care__arrow" aria-hidden="true" />
      </div>
      <div className="nhsuk-card__content">
        <p>
          Call <a href="tel:999">999</a> or go to A&amp;E if a life is at risk, for example if someone has
          seriously hurt themselves or taken an overdose.
        </p>
        <p>You can also get help straight away from:</p>
        <ul>
          <CrisisServiceItems crisis={crisis} />
          <li>
            NHS 111: call <a href="tel:111">111</a> and choose the mental health option, any time
          </li>
          <li>
            Childline, for anyone under 19: call <a href="tel:08001111">0800 1111</a>, free, any time
          </li>
          <li>
            Shout: text <strong>SHOUT</strong> to <a href="sms:85258">85258</a>, free, any time
          </li>
        </ul>
      </div>
    </div>
  );
}

/** One list item per local crisis service: its phone number and whether it is open now. */
export function CrisisServiceItems({ crisis }: { crisis: readonly DirectoryService[] }) {
  return (
    <>
      {crisis.map((service) => (
        <li key={service.slug}>
          {service.name}
          {service.phone && (
            <>
              : call <PhoneLink phone={service.phone} />
            </>
          )}{' '}
          ({service.isOpenNow ? 'open now' : `closed now: ${service.openingHours.join('; ')}`})
        </li>
      ))}
    </>
  );
}
