import type { Report, ReportView } from '../../../contracts/reporting.js';
import { viewNotices } from './report-view.js';

/** Which figures are shown, said plainly: published ones, or exact ones not to be shared. */
export function ViewNotice({ view }: { view: ReportView }) {
  if (view === 'operational') {
    return (
      <div className="nhsuk-warning-callout">
        <h2 className="nhsuk-warning-callout__label">
          <span>
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Exact figures
          </span>
        </h2>
        <p>{viewNotices.operational}</p>
      </div>
    );
  }
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>{viewNotices.published}</p>
    </div>
  );
}

/** The report's headline sentences, most important first. */
export function Headlines({ report }: { report: Report }) {
  if (report.headlines.length === 0) return <p>There are no figures to report for this period yet.</p>;
  return (
    <section aria-labelledby="report-headlines" className="lantern-report-headlines">
      <h2 id="report-headlines">In brief</h2>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {report.headlines.map((headline) => (
          <li key={headline}>{headline}</li>
        ))}
      </ul>
    </section>
  );
}

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const londonDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

export const formatLondonTime = (iso: string) => londonTime.format(new Date(iso));
export const formatLondonDay = (at: Date) => londonDay.format(at);

/** When the figures were last brought up to date, so nobody mistakes old figures for new. */
export function RolledUpAt({ report }: { report: Report }) {
  return (
    <p className="nhsuk-body-s">
      {report.rolledUpAt
        ? `Figures brought up to date at ${formatLondonTime(report.rolledUpAt)} (London time).`
        : 'The figures have not been worked out yet: they appear once the reporting tables are first brought up to date.'}
    </p>
  );
}
