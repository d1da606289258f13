import { Link } from 'react-router';
import type { DirectoryMatch } from '../../../contracts/directory.js';
import { servicePath } from '../../../contracts/web-paths.js';

function reasonPrefix(isMet: boolean | null): string {
  if (isMet === true) return 'Yes: ';
  if (isMet === false) return 'No: ';
  return 'Check: ';
}

export function PhoneLink({ phone }: { phone: string }) {
  return <a href={`tel:${phone.replace(/\s+/g, '')}`}>{phone}</a>;
}

/** One service in the results: why it fits or not, and how to get help. */
export function ServiceCard({ match }: { match: DirectoryMatch }) {
  return (
    <div className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-m">
          <Link to={servicePath(match.slug)}>{match.name}</Link>
        </h3>
        <p className="nhsuk-card__description">{match.summary}</p>
        <div className="lantern-tags">
          {match.canSelfRefer && (
            <strong className="nhsuk-tag nhsuk-tag--green">You can contact them yourself</strong>
          )}
          {match.isOpenNow ? (
            <strong className="nhsuk-tag nhsuk-tag--blue">Open now</strong>
          ) : (
            <strong className="nhsuk-tag nhsuk-tag--grey">Closed now</strong>
          )}
        </div>
        <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">
          {match.fit === 'no' ? 'Why it is not right this time' : 'Why it could help'}
        </h4>
        <ul className="nhsuk-list nhsuk-list--bullet lantern-reasons">
          {match.reasons.map((reason) => (
            <li key={reason.text}>
              <span className="nhsuk-u-visually-hidden">{reasonPrefix(reason.isMet)}</span>
              {reason.text}
            </li>
          ))}
        </ul>
        {match.fit !== 'no' && (
          <>
            <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">How to get help</h4>
            <p>{match.howToGetHelp}</p>
            {match.phone && (
              <p>
                Phone: <PhoneLink phone={match.phone} />
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
