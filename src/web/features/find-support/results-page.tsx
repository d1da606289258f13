import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useLocation } from 'react-router';
import type {
  DirectoryMatch,
  DirectorySearchQuery,
  DirectorySearchResult,
} from '../../../contracts/directory.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { presentingNeeds } from '../../../domain/organisations/needs.js';
import { getJson } from '../../api.js';
import { HelpNowCard } from '../../components/help-now.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import type { SearchFormValues } from './search-form.js';
import { searchParams } from './search-form.js';
import { ServiceCard } from './service-card.js';

function WhatYouToldUs({ result, form }: { result: DirectorySearchResult; form: SearchFormValues }) {
  const { understood } = result;
  const rows: [string, string][] = [
    ['Age', understood.age === null ? 'Not given' : String(understood.age)],
    ['School', understood.schoolName ?? 'Not given'],
    [
      'Area',
      understood.homeAreaName ??
        (understood.isPostcodeOutsideArea ? `Outside ${result.areaName}` : 'Not given'),
    ],
    ['Worry', understood.need ? presentingNeeds[understood.need] : 'Not given'],
  ];
  return (
    <dl className="nhsuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="nhsuk-summary-list__row" key={key}>
          <dt className="nhsuk-summary-list__key">{key}</dt>
          <dd className="nhsuk-summary-list__value">{value}</dd>
          <dd className="nhsuk-summary-list__actions">
            <Link to={webPaths.findSupport} state={{ form }}>
              Change<span className="nhsuk-u-visually-hidden"> {key.toLowerCase()}</span>
            </Link>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Group({ title, matches, intro }: { title: string; matches: DirectoryMatch[]; intro?: string }) {
  if (matches.length === 0) return null;
  return (
    <section aria-labelledby={`${title}-heading`.replace(/\W+/g, '-')}>
      <h2 id={`${title}-heading`.replace(/\W+/g, '-')}>
        {title} ({matches.length})
      </h2>
      {intro && <p>{intro}</p>}
      {matches.map((match) => (
        <ServiceCard match={match} key={match.slug} />
      ))}
    </section>
  );
}

export function ResultsPage() {
  const state = useLocation().state as { query?: DirectorySearchQuery; form?: SearchFormValues } | null;
  const query = state?.query;
  const result = useQuery({
    queryKey: ['directory', 'search', query],
    queryFn: ({ signal }) =>
      getJson<DirectorySearchResult>(`/api/directory/services?${searchParams(query ?? {})}`, signal),
    enabled: query !== undefined,
  });
  if (!query || !state?.form) return <Navigate to={webPaths.findSupport} replace />;

  const matches = result.data?.matches ?? [];
  const fits = matches.filter((m) => m.fit === 'yes');
  const checks = matches.filter((m) => m.fit === 'check');
  const others = matches.filter((m) => m.fit === 'no');
  return (
    <>
      <PageTitle title="Support that could help" />
      <BackLink to={webPaths.findSupport}>Change your answers</BackLink>
      <h1>Support that could help</h1>
      {result.isPending && <p aria-live="polite">Finding services…</p>}
      {result.isError && (
        <div className="nhsuk-error-summary" role="alert">
          <h2 className="nhsuk-error-summary__heading">Sorry, we could not load services</h2>
          <p>{result.error.message} Try again, or if you need help now, see below.</p>
        </div>
      )}
      {result.isError && <HelpNowCard crisis={[]} />}
      {result.data && (
        <>
          <WhatYouToldUs result={result.data} form={state.form} />
          <HelpNowCard crisis={result.data.crisis} />
          {fits.length === 0 && checks.length === 0 && (
            <p>We could not find a service that fits everything you told us. Try changing your answers.</p>
          )}
          <Group title="Services that fit" matches={fits} />
          <Group
            title="Services that might fit"
            matches={checks}
            intro="We need a little more information to be sure. Check the reasons below."
          />
          {others.length > 0 && (
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">
                  Services that are not right this time ({others.length})
                </span>
              </summary>
              <div className="nhsuk-details__text">
                {others.map((match) => (
                  <ServiceCard match={match} key={match.slug} />
                ))}
              </div>
            </details>
          )}
        </>
      )}
    </>
  );
}
