import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { OnlineUsage } from '../../../contracts/online-usage.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { formatIsoDate } from '../../../domain/online/usage.js';
import { londonDate } from '../../../domain/people/child-details.js';
import { ApiError, getJson } from '../../api.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { hourChartSummary, UsageHourChart, UsageHourTable } from './usage-chart.js';
import { parseUsagePeriod, UsagePeriodForm } from './usage-period.js';
import { ShareTable, UsageDayTable, UsageSummary } from './usage-tables.js';

function useUsage(from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: ['online-usage', from, to],
    queryFn: ({ signal }) =>
      getJson<OnlineUsage>(`/api/online/usage?${new URLSearchParams({ from, to }).toString()}`, signal),
    enabled,
  });
}

/**
 * Online support usage for a period: who used the service, when, how long they waited and what
 * came of it. Aggregates only, with exact counts for the staff allowed to see them.
 */
export function UsagePage() {
  const { allowed, gate } = useStaffAccess('online:usage', 'see online support usage figures');
  const [params, setParams] = useSearchParams();
  const period = parseUsagePeriod(params, londonDate(new Date()));
  const usage = useUsage(period.from, period.to, allowed);
  if (gate) return gate;
  const days = `${formatIsoDate(period.from)} to ${formatIsoDate(period.to)}`;
  const rangeProblem =
    usage.error instanceof ApiError && usage.error.problem.status === 400 ? usage.error.message : undefined;

  return (
    <>
      <PageTitle title="Online support usage" />
      <BackLink to={webPaths.staffHome}>Staff home</BackLink>
      <h1>Online support usage</h1>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          These are exact counts, for the staff who run and commission the service. Do not publish them or
          share them beyond those staff: figures for publication need disclosure control first (small numbers
          hidden, the rest rounded).
        </p>
      </div>
      <UsagePeriodForm
        key={`${period.choice}-${period.from}-${period.to}`}
        choice={period.choice}
        from={period.from}
        to={period.to}
        error={rangeProblem}
        onChange={(next) => setParams(next)}
      />
      {usage.isPending && <p aria-live="polite">Loading…</p>}
      {usage.isError && !rangeProblem && <LoadError error={usage.error} />}
      {usage.data && (
        <>
          <p className="nhsuk-body-l" role="status">
            {usage.data.headline}
          </p>
          <p className="nhsuk-body-s">From {days}. Times are London time.</p>
          <UsageSummary usage={usage.data} />
          <p className="nhsuk-body-s">
            Evenings and weekends: a chat started on Saturday or Sunday, or on a weekday before 9am or from
            5pm. New young people first chatted or messaged in this period; returning ones did before it.
          </p>
          <section aria-labelledby="usage-who">
            <h2 id="usage-who">Who used the service</h2>
            <ShareTable
              caption="Young people by gender"
              group="Gender"
              counted="Young people"
              rows={usage.data.gender}
            />
            <ShareTable
              caption="Young people by age"
              group="Age"
              counted="Young people"
              rows={usage.data.age}
            />
            <ShareTable
              caption="New and returning young people"
              group="Young people"
              counted="Number"
              rows={usage.data.newAndReturning}
            />
          </section>
          <section aria-labelledby="usage-when">
            <h2 id="usage-when">When they used it</h2>
            <p>{hourChartSummary(usage.data)}</p>
            <UsageHourChart usage={usage.data} />
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">Chats by hour as a table</span>
              </summary>
              <div className="nhsuk-details__text">
                <UsageHourTable usage={usage.data} />
              </div>
            </details>
            <UsageDayTable usage={usage.data} />
          </section>
          <section aria-labelledby="usage-risk">
            <h2 id="usage-risk">Risk</h2>
            <ShareTable
              caption="Chats by risk assessment level"
              group="Level"
              counted="Chats"
              rows={usage.data.riskLevels}
            />
          </section>
        </>
      )}
    </>
  );
}
