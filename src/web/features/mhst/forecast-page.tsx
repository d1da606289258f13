import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TeamForecast } from '../../../contracts/mhst.js';
import { sendJson } from '../../api.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useNotice } from '../../components/notice.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { hasPermission } from '../triage/triage-view.js';
import { dayWords, weekdayWords } from './clock-words.js';
import { problemLines } from './mhst-forms.js';
import { TeamPagesNav } from './mhst-parts.js';
import { useForecast, useRefreshMhst } from './mhst-queries.js';
import { allocatePath, basisWords, paceWords, plural, waitingListPath } from './mhst-view.js';

/** The week ahead for a team: who reaches four weeks each day, the open alerts, and the team's pace. */
export function ForecastPage() {
  const { teamId = '' } = useParams();
  const { allowed, gate, permissions } = useStaffAccess('waiting-list:read', 'see the week ahead');
  const forecast = useForecast(teamId, allowed);
  const canAllocate = hasPermission(permissions, 'allocation:manage');
  if (gate) return gate;
  const data = forecast.data;

  return (
    <>
      <PageTitle title="The week ahead" />
      <BackLink to={waitingListPath(teamId)}>Waiting list</BackLink>
      <h1>
        {data && <span className="nhsuk-caption-l">{data.team.name}</span>}
        The week ahead
      </h1>
      <TeamPagesNav teamId={teamId} current="forecast" />
      {forecast.isPending && <p aria-live="polite">Loading…</p>}
      {forecast.isError && <LoadError error={forecast.error} />}
      {data && (
        <>
          <p>{paceWords(data.pace)}</p>
          <Alerts forecast={data} teamId={teamId} canAcknowledge={canAllocate} />
          <h2>Who reaches four weeks each day</h2>
          <p>
            Young people not seen yet whose four weeks end in the next seven days, and whether a first
            appointment is booked in time.
          </p>
          {data.days.map((day, index) => (
            <section key={day.date} aria-labelledby={`day-${day.date}`}>
              <h3 id={`day-${day.date}`}>
                {weekdayWords(day.date)}
                {index === 0 ? ' (today)' : ''}
              </h3>
              {day.reaching28Days.length === 0 ? (
                <p>Nobody reaches four weeks.</p>
              ) : (
                <ResponsiveTable
                  caption={`${plural(day.reaching28Days.length, 'young person', 'young people')} reaching four weeks`}
                  headings={['Reference', 'Name', 'First appointment']}
                >
                  {day.reaching28Days.map((who) => (
                    <tr className="nhsuk-table__row" key={who.referralId}>
                      <Cell heading="Reference">
                        {canAllocate ? (
                          <Link to={allocatePath(teamId, who.referralId)}>
                            {who.reference}
                            <span className="nhsuk-u-visually-hidden">, {who.childName}</span>
                          </Link>
                        ) : (
                          who.reference
                        )}
                      </Cell>
                      <Cell heading="Name">{who.childName}</Cell>
                      <Cell heading="First appointment">
                        {who.hasBooking ? (
                          <strong className="nhsuk-tag nhsuk-tag--green">Booked in time</strong>
                        ) : (
                          <strong className="nhsuk-tag nhsuk-tag--red">Not booked in time</strong>
                        )}
                      </Cell>
                    </tr>
                  ))}
                </ResponsiveTable>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}

function Alerts({
  forecast,
  teamId,
  canAcknowledge,
}: {
  forecast: TeamForecast;
  teamId: string;
  canAcknowledge: boolean;
}) {
  const refresh = useRefreshMhst();
  const notice = useNotice();
  const [sending, setSending] = useState<string | null>(null);
  const now = new Date();

  async function acknowledge(alert: TeamForecast['alerts'][number]) {
    if (sending) return;
    setSending(alert.id);
    try {
      await sendJson(
        'POST',
        `/api/mhst/teams/${encodeURIComponent(teamId)}/breach-alerts/${encodeURIComponent(alert.id)}/acknowledge`,
      );
      notice.announce({
        kind: 'saved',
        body: `The alert for ${alert.reference} was acknowledged.`,
      });
      await refresh();
    } catch (error) {
      const [line] = problemLines(error, 'alert');
      notice.announce({ kind: 'stale', body: <p>{line?.message}</p> });
    } finally {
      setSending(null);
    }
  }

  return (
    <section aria-labelledby="alerts-heading">
      {notice.element}
      <h2 id="alerts-heading">Alerts</h2>
      {forecast.alerts.length === 0 ? (
        <p>There are no open alerts.</p>
      ) : (
        <>
          <p>
            {plural(forecast.alerts.length, 'young person', 'young people')}{' '}
            {forecast.alerts.length === 1 ? 'is' : 'are'} likely to wait more than four weeks for a first
            appointment. Acknowledge an alert once you have acted on it.
          </p>
          <ul className="nhsuk-list">
            {forecast.alerts.map((alert) => (
              <li key={alert.id} className="nhsuk-card">
                <div className="nhsuk-card__content">
                  <h3 className="nhsuk-card__heading nhsuk-heading-s">
                    {alert.childName} ({alert.reference})
                  </h3>
                  <p>
                    Four weeks {Date.parse(alert.breachAt) < now.getTime() ? 'ended' : 'end'} on{' '}
                    {dayWords(alert.breachAt, now)}. Likely first appointment:{' '}
                    {dayWords(alert.likelyFirstContactAt, now)} ({basisWords(alert.basis)}).
                  </p>
                  <p className="nhsuk-body-s">Raised on {dayWords(alert.raisedAt, now)}.</p>
                  {canAcknowledge && (
                    <button
                      className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                      type="button"
                      onClick={() => void acknowledge(alert)}
                    >
                      {sending === alert.id ? 'Acknowledging…' : 'Acknowledge'}
                      <span className="nhsuk-u-visually-hidden"> the alert for {alert.childName}</span>
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
