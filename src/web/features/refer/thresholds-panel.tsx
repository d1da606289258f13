import type { DirectoryMatch } from '../../../contracts/directory.js';
import { presentingNeeds } from '../../../domain/organisations/needs.js';
import { RadiosField } from '../../components/form.js';
import { type Answers, type Audience, ageFrom } from './answers.js';
import { useDirectory } from './queries.js';

const fitTags = {
  yes: { text: 'Fits', colour: 'green' },
  check: { text: 'Might fit', colour: 'yellow' },
  no: { text: 'Not right this time', colour: 'grey' },
} as const;

function reasonPrefix(isMet: boolean | null): string {
  if (isMet === true) return 'Yes: ';
  if (isMet === false) return 'No: ';
  return 'Check: ';
}

function Match({ match }: { match: DirectoryMatch }) {
  const tag = fitTags[match.fit];
  return (
    <div className="nhsuk-card nhsuk-u-margin-bottom-4">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s">
          {match.name} <strong className={`nhsuk-tag nhsuk-tag--${tag.colour}`}>{tag.text}</strong>
        </h3>
        <p className="nhsuk-body-s">{match.summary}</p>
        <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s lantern-reasons">
          {match.reasons.map((reason) => (
            <li key={reason.text}>
              <span className="nhsuk-u-visually-hidden">{reasonPrefix(reason.isMet)}</span>
              {reason.text}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * The published thresholds applied to these answers: which services fit and why, and which do
 * not, from the directory search for the age, school and first worry. The team still decides.
 */
export function ThresholdsPanel({
  audience,
  answers,
  today,
  pick,
  isFolded = false,
}: {
  audience: Audience;
  answers: Answers;
  today: string;
  /** To let the referrer say which service they think fits. */
  pick?: { value: string; onChange: (slug: string) => void; error?: string | undefined };
  /** Services folded away, as on "Check your answers", where the answers come first. */
  isFolded?: boolean;
}) {
  const age = ageFrom(answers, today);
  const need = answers.needs[0] as keyof typeof presentingNeeds | undefined;
  const query = {
    age: age !== null && age <= 25 ? age : undefined,
    school: /^\d+$/.test(answers.schoolUrn) ? Number(answers.schoolUrn) : undefined,
    need,
    // Services with a risk exclusion do not fit someone at risk of serious harm now.
    risk: answers.riskToLifeNow === '' ? undefined : answers.riskToLifeNow,
  };
  const result = useDirectory(query, need !== undefined);
  const isSelf = audience === 'self';
  const matches = result.data?.matches ?? [];
  const fits = matches.filter((m) => m.fit !== 'no');
  const others = matches.filter((m) => m.fit === 'no');

  return (
    <section className="nhsuk-inset-text" aria-labelledby="thresholds-heading">
      <h2 className="nhsuk-heading-m" id="thresholds-heading">
        {isSelf ? 'Who could help you' : 'Services that could help'}
      </h2>
      {!need && <p>Choose a worry to see which services could help.</p>}
      {need && (
        <p>
          For {isSelf ? 'your age and school' : 'their age and school'}, and the first worry chosen (
          {presentingNeeds[need].toLowerCase()}). Our team reads every request and decides which service is
          best, so you do not have to get this right.
        </p>
      )}
      {result.isFetching && <p aria-live="polite">Looking for services…</p>}
      {result.isError && (
        <p role="alert">Sorry, we could not check which services fit. You can still carry on.</p>
      )}
      {isFolded && fits.length > 0 ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Services that could help ({fits.length})</span>
          </summary>
          <div className="nhsuk-details__text">
            {fits.map((match) => (
              <Match match={match} key={match.slug} />
            ))}
          </div>
        </details>
      ) : (
        fits.map((match) => <Match match={match} key={match.slug} />)
      )}
      {result.data && fits.length === 0 && <p>No service fits everything. Our team will still read it.</p>}
      {others.length > 0 && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              Services that are not right this time ({others.length})
            </span>
          </summary>
          <div className="nhsuk-details__text">
            {others.map((match) => (
              <Match match={match} key={match.slug} />
            ))}
          </div>
        </details>
      )}
      {pick && fits.length > 0 && (
        <RadiosField
          id="preferredService"
          legend="Do you think one of these fits best? (optional)"
          options={[
            ...fits.map((match) => ({ value: match.slug, label: match.name })),
            { value: '', label: 'I do not know: let the team decide' },
          ]}
          value={fits.some((m) => m.slug === pick.value) ? pick.value : ''}
          onChange={pick.onChange}
          error={pick.error}
        />
      )}
    </section>
  );
}
