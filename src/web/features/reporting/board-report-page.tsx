import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { KpiCard } from './kpi-card.js';
import { ReportFilterForm } from './report-filters.js';
import { formatLondonDay, Headlines, RolledUpAt } from './report-parts.js';
import { useReport } from './report-queries.js';
import { areaDimensions, areaName, boardQuery, groupByArea, withQuery } from './report-view.js';
import './reporting.css';

/**
 * The quarterly board report for an area, as a page made for printing: always the published
 * (suppressed) figures. The server prints this same page to PDF with Chromium (`print=1`), waiting
 * for `data-report-ready` on the report once the figures are in and the charts are drawn.
 */
export function BoardReportPage() {
  const { allowed, gate } = useStaffAccess('report:read-published', 'see board reports');
  const [params] = useSearchParams();
  const isPrint = params.get('print') === '1';
  const area = boardQuery(params);
  const query = new URLSearchParams(area);
  query.set('period', 'quarter');
  query.set('view', 'published');
  const report = useReport(query, allowed);
  const data = report.isPlaceholderData ? undefined : report.data;
  // Set after the charts' own effects have run (a parent's effects run after its children's).
  const [drawnFor, setDrawnFor] = useState<unknown>(null);
  useEffect(() => {
    if (data) setDrawnFor(data);
  }, [data]);
  if (gate) return gate;
  const ready = report.isError ? 'error' : data && drawnFor === data ? 'true' : undefined;
  const producedOn = formatLondonDay(new Date());

  return (
    <>
      <PageTitle title={data ? `Board report: ${areaName(data)}, ${data.period.label}` : 'Board report'} />
      {!isPrint && <BackLink to={withQuery(webPaths.reports, area)}>Dashboard</BackLink>}
      <article className="lantern-board-report" data-report-ready={ready}>
        <h1>
          Board report
          {data && (
            <span className="nhsuk-caption-l">
              {areaName(data)}, {data.period.label}
            </span>
          )}
        </h1>
        {!isPrint && (
          <>
            <ReportFilterForm
              action={webPaths.boardReport}
              params={params}
              report={data}
              dimensions={areaDimensions}
              hasPeriodKind={false}
              hasBreakdown={false}
              label="Choose the area and quarter"
            />
            {data && (
              <div className="lantern-report-actions lantern-no-print">
                <a
                  className="nhsuk-button nhsuk-u-margin-bottom-2"
                  href={withQuery('/api/reports/board.pdf', area)}
                  download
                >
                  Download PDF
                </a>
                <button
                  className="nhsuk-button nhsuk-button--secondary"
                  type="button"
                  onClick={() => window.print()}
                >
                  Print this page
                </button>
              </div>
            )}
          </>
        )}
        {report.isPending && <p aria-live="polite">Loading…</p>}
        {report.isError && <LoadError error={report.error} />}
        {data && (
          <>
            <dl className="nhsuk-summary-list lantern-report-facts">
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Area</dt>
                <dd className="nhsuk-summary-list__value">{areaName(data)}</dd>
              </div>
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Quarter</dt>
                <dd className="nhsuk-summary-list__value">{data.period.label}</dd>
              </div>
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Produced on</dt>
                <dd className="nhsuk-summary-list__value">{producedOn}</dd>
              </div>
            </dl>
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                Figures for publication: small numbers suppressed. Numbers from 1 to 7 are shown as *, others
                are rounded to the nearest 5, and percentages are worked out from the rounded numbers.
              </p>
            </div>
            <RolledUpAt report={data} />
            <Headlines report={data} />
            {groupByArea(data.kpis).map((group) => (
              <section
                key={group.area}
                aria-labelledby={`area-${group.area}`}
                className="lantern-report-section"
              >
                <h2 id={`area-${group.area}`}>{group.heading}</h2>
                {group.kpis.map((kpi) => (
                  <KpiCard
                    key={kpi.id}
                    kpi={kpi}
                    previousLabel={data.previousPeriod.label}
                    headingLevel={3}
                    isPrint
                  />
                ))}
              </section>
            ))}
          </>
        )}
      </article>
    </>
  );
}
