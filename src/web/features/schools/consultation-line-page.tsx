import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ConsultationCallList } from '../../../contracts/schools.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { TextField } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { type Notice, useNotice } from '../../components/notice.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatCalendarDate, formatDateTime } from '../triage/triage-view.js';
import { CallForm } from './call-form.js';
import { useCalls, useRefreshCalls } from './schools-queries.js';
import { countWords, minutesWords, parseCallRange, problemLines, statusOf } from './schools-view.js';
import './schools.css';

/**
 * The professionals' consultation line: log a call, and read the calls in a range of days with how
 * fast advice was given and what came of each. The range lives in the address, so it can be shared.
 */
export function ConsultationLinePage() {
  const [params, setParams] = useSearchParams();
  const range = parseCallRange(params);
  const { allowed, gate } = useStaffAccess('consultation-line:use', 'use the consultation line');
  const calls = useCalls(range, allowed);
  const refresh = useRefreshCalls();
  const notice = useNotice();
  if (gate) return gate;
  // A range the API refuses (such as more than a year) is said beside the dates, not as a failure.
  const rangeProblem =
    calls.isError && statusOf(calls.error) === 400 ? problemLines(calls.error, 'from')[0] : undefined;

  function logged(next: Notice) {
    void refresh();
    notice.announce(next);
  }

  return (
    <>
      <PageTitle title="Consultation line" />
      <BackLink to={webPaths.staffHome}>Your account</BackLink>
      {notice.element}
      <h1>Consultation line</h1>
      <p>
        Calls from professionals, such as GPs, school nurses and teachers, asking your team for advice. Log
        each call with when it came in and when you gave advice, so the team can see how quickly it answers.
      </p>
      <CallForm onLogged={logged} />
      <section aria-labelledby="calls-heading">
        <h2 id="calls-heading">Calls</h2>
        <RangeForm
          key={`${range.from ?? ''}-${range.to ?? ''}-${calls.data?.from ?? ''}`}
          from={range.from ?? calls.data?.from ?? ''}
          to={range.to ?? calls.data?.to ?? ''}
          error={rangeProblem}
          onChange={(next) => setParams(next)}
        />
        {calls.isPending && <p aria-live="polite">Loading…</p>}
        {calls.isError && !rangeProblem && <LoadError error={calls.error} />}
        {calls.data && <CallsSummary list={calls.data} />}
      </section>
    </>
  );
}

/** Chooses the days to show; the choice goes into the address, so a reload or a shared link keeps it. */
function RangeForm({
  from,
  to,
  error,
  onChange,
}: {
  from: string;
  to: string;
  error: { field: string; message: string } | undefined;
  onChange: (range: Record<string, string>) => void;
}) {
  const [values, setValues] = useState({ from, to });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (values.from) next.from = values.from;
    if (values.to) next.to = values.to;
    onChange(next);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Choose the days to show"
      className="nhsuk-u-margin-bottom-4"
    >
      <div className="lantern-date-time">
        <TextField
          id="range-from"
          label="From"
          type="date"
          width={10}
          error={error?.field === 'to' ? undefined : error?.message}
          value={values.from}
          onChange={(e) => setValues({ ...values, from: e.target.value })}
        />
        <TextField
          id="range-to"
          label="To"
          type="date"
          width={10}
          error={error?.field === 'to' ? error.message : undefined}
          value={values.to}
          onChange={(e) => setValues({ ...values, to: e.target.value })}
        />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show calls
      </button>
    </form>
  );
}

function CallsSummary({ list }: { list: ConsultationCallList }) {
  const { summary, calls } = list;
  const days = `${formatCalendarDate(list.from)} to ${formatCalendarDate(list.to)}`;
  return (
    <>
      <p role="status">
        {summary.count === 0
          ? `No calls from ${days}.`
          : `${countWords(summary.count, 'call')} from ${days}.`}
      </p>
      {summary.count > 0 && (
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Usual response time (median)</dt>
            <dd className="nhsuk-summary-list__value">{minutesWords(summary.medianResponseMinutes)}</dd>
          </div>
          {summary.byOutcome.map((row) => (
            <div className="nhsuk-summary-list__row" key={row.outcome}>
              <dt className="nhsuk-summary-list__key">{row.label}</dt>
              <dd className="nhsuk-summary-list__value">{countWords(row.count, 'call')}</dd>
            </div>
          ))}
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">No outcome recorded</dt>
            <dd className="nhsuk-summary-list__value">{countWords(summary.withoutOutcome, 'call')}</dd>
          </div>
        </dl>
      )}
      {calls.length > 0 && (
        <ResponsiveTable
          caption={`Calls from ${days}, newest first`}
          headings={['Came in', 'Caller', 'Question', 'Advice', 'Outcome', 'Response time', 'Taken by']}
        >
          {[...calls]
            .sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt))
            .map((call) => (
              <tr className="nhsuk-table__row" key={call.id}>
                <Cell heading="Came in">{formatDateTime(call.receivedAt)}</Cell>
                <Cell heading="Caller">
                  {call.callerRole}, {call.callerOrganisation}
                  {call.schoolName && call.schoolName !== call.callerOrganisation && (
                    <div className="nhsuk-body-s">About {call.schoolName}</div>
                  )}
                </Cell>
                <Cell heading="Question">
                  <span className="lantern-pre-line">{call.question}</span>
                </Cell>
                <Cell heading="Advice">
                  <span className="lantern-pre-line">{call.advice || 'None recorded'}</span>
                </Cell>
                <Cell heading="Outcome">{call.outcomeLabel ?? 'Not recorded'}</Cell>
                <Cell heading="Response time">{minutesWords(call.responseMinutes)}</Cell>
                <Cell heading="Taken by">
                  {call.handledBy}
                  <div className="nhsuk-body-s">{call.teamName}</div>
                </Cell>
              </tr>
            ))}
        </ResponsiveTable>
      )}
    </>
  );
}
