import { Link, useParams } from 'react-router';
import type { SchoolDashboard } from '../../../contracts/schools.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDate } from '../triage/triage-view.js';
import { SchoolHeading } from './schools-parts.js';
import { useDashboard } from './schools-queries.js';
import { countWords, daysWords, schoolSurveysPath, wholeSchoolPath } from './schools-view.js';
import { RoundResults, SurveyChange } from './survey-results.js';

/**
 * A school's dashboard, for its senior mental health lead and the team that works there: where the
 * school's referrals have got to and how long they wait, the work done in the school, and the
 * staff survey. Statuses and counts only, never what a referral says.
 */
export function SchoolDashboardPage() {
  const { urn = '' } = useParams();
  const { allowed, gate } = useStaffAccess('school-work:read', "see a school's dashboard");
  const dashboard = useDashboard(urn, allowed);
  if (gate) return gate;
  if (dashboard.isPending) return <p aria-live="polite">Loading…</p>;
  if (dashboard.isError) return <LoadError error={dashboard.error} />;
  const d = dashboard.data;

  return (
    <>
      <PageTitle title={`${d.school.name}: dashboard`} />
      <BackLink to={webPaths.staffHome}>Your account</BackLink>
      <SchoolHeading schoolName={d.school.name} title="School dashboard" />
      <p>
        Where the school's referrals have got to, and the mental health support work done with the school. It
        shows each referral's progress, not what the referral says.
      </p>
      {d.school.teamName && <p>Mental health support team: {d.school.teamName}.</p>}
      <ul>
        <li>
          <Link to={wholeSchoolPath(urn)}>Whole-school plan, sessions and advice</Link>
        </li>
        <li>
          <Link to={schoolSurveysPath(urn)}>Staff confidence survey</Link>
        </li>
      </ul>
      <WaitingSection waiting={d.waiting} />
      <ReferralsSection referrals={d.referrals} />
      <DeliveredSection delivered={d.delivered} />
      <SurveySection surveys={d.surveys} urn={urn} />
    </>
  );
}

function WaitingSection({ waiting }: { waiting: SchoolDashboard['waiting'] }) {
  return (
    <section aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">Waiting for help to start</h2>
      <ul className="lantern-figures">
        <li>
          <span className="lantern-figure">{waiting.count}</span>
          {waiting.count === 1 ? 'referral waiting' : 'referrals waiting'}
        </li>
        <li>
          <span className="lantern-figure">{daysWords(waiting.medianDays)}</span>
          usual wait so far (median)
        </li>
        <li>
          <span className="lantern-figure">{daysWords(waiting.longestDays)}</span>
          longest wait so far
        </li>
      </ul>
    </section>
  );
}

function ReferralsSection({ referrals }: { referrals: SchoolDashboard['referrals'] }) {
  const waiting = referrals.filter((r) => r.isWaiting).length;
  return (
    <section aria-labelledby="referrals-heading">
      <h2 id="referrals-heading">Referrals from the school</h2>
      {referrals.length === 0 ? (
        <p>There are no referrals from the school to show.</p>
      ) : (
        <>
          <p>
            {countWords(referrals.length, 'referral')}, {waiting} still waiting for help to start.
          </p>
          <ResponsiveTable
            caption="Each referral and where it has got to"
            headings={[
              'Reference',
              'Child or young person',
              'Received',
              'Where it has got to',
              'Days waited',
            ]}
          >
            {referrals.map((referral) => (
              <tr className="nhsuk-table__row" key={referral.id}>
                <Cell heading="Reference">{referral.reference}</Cell>
                <Cell heading="Child or young person">{referral.childName}</Cell>
                <Cell heading="Received">{formatDate(referral.receivedAt)}</Cell>
                <Cell heading="Where it has got to">{referral.statusText}</Cell>
                <Cell heading="Days waited">
                  {referral.daysWaited === null ? 'Not waiting now' : daysWords(referral.daysWaited)}
                </Cell>
              </tr>
            ))}
          </ResponsiveTable>
        </>
      )}
    </section>
  );
}

function DeliveredSection({ delivered }: { delivered: SchoolDashboard['delivered'] }) {
  return (
    <section aria-labelledby="delivered-heading">
      <h2 id="delivered-heading">Work with the school in the last 12 months</h2>
      <p>Since {formatDate(delivered.since)}.</p>
      <ResponsiveTable
        caption="Sessions delivered in the last 12 months"
        headings={['Kind of session', 'Sessions', 'People who came']}
      >
        {delivered.groupSessions.map((row) => (
          <tr className="nhsuk-table__row" key={row.kind}>
            <Cell heading="Kind of session">{row.label}</Cell>
            <Cell heading="Sessions">{row.sessions}</Cell>
            <Cell heading="People who came">{row.attendees}</Cell>
          </tr>
        ))}
      </ResponsiveTable>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Advice given to school staff</dt>
          <dd className="nhsuk-summary-list__value">{countWords(delivered.consultations, 'time')}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">School Link meetings</dt>
          <dd className="nhsuk-summary-list__value">{countWords(delivered.linkMeetings, 'meeting')}</dd>
        </div>
      </dl>
    </section>
  );
}

function SurveySection({ surveys, urn }: { surveys: SchoolDashboard['surveys']; urn: string }) {
  const latest = surveys.rounds.at(-1);
  return (
    <section aria-labelledby="survey-heading">
      <h2 id="survey-heading">Staff confidence survey</h2>
      {!latest && <p>The school has not run the staff survey yet.</p>}
      {surveys.change ? (
        <SurveyChange change={surveys.change} />
      ) : (
        latest && <RoundResults round={latest} minimum={surveys.minimumResponses} />
      )}
      <p>
        <Link to={schoolSurveysPath(urn)}>
          {latest ? 'See every round of the survey' : 'Start the staff survey'}
        </Link>
      </p>
    </section>
  );
}
