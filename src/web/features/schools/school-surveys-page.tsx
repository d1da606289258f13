import { useParams } from 'react-router';
import { confidenceStatements } from '../../../domain/schools/confidence-survey.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { hasPermission } from '../triage/triage-view.js';
import { OpenSurveyForm } from './open-survey-form.js';
import { SchoolHeading } from './schools-parts.js';
import { useRefreshSchool, useSchoolList, useSchoolSurveys } from './schools-queries.js';
import { schoolPath } from './schools-view.js';
import { RoundResults, SurveyChange } from './survey-results.js';

/**
 * The school staff confidence survey: each round's results, the change from before to after the
 * team's work, and (for those who may) a form to start a new round and get its link.
 */
export function SchoolSurveysPage() {
  const { urn = '' } = useParams();
  const { allowed, gate, permissions } = useStaffAccess('school-work:read', "see a school's staff survey");
  const surveys = useSchoolSurveys(urn, allowed);
  // For the school's name in the heading.
  const schools = useSchoolList(allowed);
  const refresh = useRefreshSchool(urn);
  if (gate) return gate;
  if (surveys.isPending || schools.isPending) return <p aria-live="polite">Loading…</p>;
  if (surveys.isError) return <LoadError error={surveys.error} />;
  const { rounds, change, minimumResponses } = surveys.data;
  const schoolName = schools.data?.schools.find((s) => String(s.urn) === urn)?.name ?? 'Your school';
  const canOpen = hasPermission(permissions, 'survey:manage');
  const newestFirst = [...rounds].reverse();

  return (
    <>
      <PageTitle title={`${schoolName}: staff survey`} />
      <BackLink to={schoolPath(urn)}>School dashboard</BackLink>
      <SchoolHeading schoolName={schoolName} title="Staff confidence survey" />
      <p>
        A short, anonymous survey of how confident the school's staff feel about pupils' mental health. Run it
        before the team's work with the school and again after, to see what changed.
      </p>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">The statements staff are asked about</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>Staff say how much they agree with each, from strongly disagree (1) to strongly agree (5).</p>
          <ol>
            {confidenceStatements.map((statement) => (
              <li key={statement.id}>{statement.text}</li>
            ))}
          </ol>
        </div>
      </details>
      <p>
        To protect anonymity, results are shown only when at least {minimumResponses} staff have answered.
      </p>

      <h2>Before and after</h2>
      {change ? (
        <SurveyChange change={change} />
      ) : (
        <p>
          There is nothing to compare yet. This needs a round before the team's work and one after it, each
          with at least {minimumResponses} answers.
        </p>
      )}

      <h2>Rounds</h2>
      {newestFirst.length === 0 && <p>The school has not run the survey yet.</p>}
      {newestFirst.map((round) => (
        <RoundResults key={round.id} round={round} minimum={minimumResponses} />
      ))}

      {canOpen ? (
        <OpenSurveyForm urn={urn} onOpened={() => void refresh()} />
      ) : (
        <p>The school's senior mental health lead or the team manager can start a new round.</p>
      )}
    </>
  );
}
