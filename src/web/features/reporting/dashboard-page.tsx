import { Link, useSearchParams } from 'react-router';
import { reportDimensions } from '../../../contracts/reporting.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { hasPermission } from '../triage/triage-view.js';
import { KpiCard } from './kpi-card.js';
import { ReportFilterForm } from './report-filters.js';
import { Headlines, RolledUpAt, ViewNotice } from './report-parts.js';
import { useReport } from './report-queries.js';
import { areaName, boardQuery, csvQuery, dashboardQuery, groupByArea, withQuery } from './report-view.js';
import './reporting.css';

/**
 * The dashboard for commissioners, board members' analysts and managers: headline sentences, every
 * KPI by part of the service with charts and tables, filters kept in the address, a CSV download
 * and the board report for the same area. Published figures unless a manager asks for exact ones.
 */
export function DashboardPage() {
  const { allowed, gate, permissions } = useStaffAccess('report:read-published', 'see dashboards');
  const [params] = useSearchParams();
  const mayReadExact = hasPermission(permissions, 'report:read-exact');
  const query = dashboardQuery(params, { mayReadExact });
  const report = useReport(query, allowed);
  if (gate) return gate;
  const data = report.data;

  return (
    <>
      <PageTitle title="Dashboard" />
      <BackLink to={webPaths.staffHome}>Staff home</BackLink>
      <h1>
        Dashboard
        {data && (
          <span className="nhsuk-caption-l">
            {areaName(data)}, {data.period.label}
          </span>
        )}
      </h1>
      {data && <ViewNotice view={data.view} />}
      <ReportFilterForm
        action={webPaths.reports}
        params={params}
        report={data}
        dimensions={reportDimensions}
        hasPeriodKind
        hasBreakdown
        mayReadExact={mayReadExact}
        label="Filter the figures"
      />
      {report.isPending && <p aria-live="polite">Loading…</p>}
      {report.isError && <LoadError error={report.error} />}
      {data && !report.isError && (
        <div aria-busy={report.isFetching}>
          <Headlines report={data} />
          <RolledUpAt report={data} />
          <ul className="nhsuk-list lantern-no-print">
            <li>
              <a href={withQuery('/api/reports/kpis.csv', csvQuery(query))} download>
                Download CSV (published figures)
              </a>
            </li>
            <li>
              <Link to={withQuery(webPaths.boardReport, boardQuery(params, data.period.start))}>
                Board report for {areaName(data)}
              </Link>
            </li>
          </ul>
          {groupByArea(data.kpis).map((group) => (
            <section
              key={group.area}
              aria-labelledby={`area-${group.area}`}
              className="lantern-report-section"
            >
              <h2 id={`area-${group.area}`}>{group.heading}</h2>
              {group.kpis.map((kpi) => (
                <KpiCard key={kpi.id} kpi={kpi} previousLabel={data.previousPeriod.label} headingLevel={3} />
              ))}
            </section>
          ))}
        </div>
      )}
    </>
  );
}
