import { type FormEvent, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { SurveyForStaff } from '../../../contracts/schools.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, useFormErrors } from '../../components/form.js';
import { MessagePage, PageTitle } from '../../components/layout.js';
import { useSession } from '../staff/use-session.js';
import { formatCalendarDate, keyFor, newIdempotencyKey } from '../triage/triage-view.js';
import { surveyAnswers } from './schools-forms.js';
import { useStaffSurvey } from './schools-queries.js';
import { problemLines, statusOf } from './schools-view.js';

// The public page where school staff answer the confidence survey, by the link they were sent.
// No sign-in, and nothing that could say who answered.

/** /survey/:secret: the survey, or a kind message when the link is wrong or the survey has closed. */
export function StaffSurveyPage() {
  const { secret = '' } = useParams();
  const survey = useStaffSurvey(secret);
  const [state, setState] = useState<'answering' | 'sent' | 'closed'>('answering');
  if (survey.isPending) return <p aria-live="polite">Loading…</p>;
  if (survey.isError) {
    const status = statusOf(survey.error);
    return status === 404 || status === 400 ? <WrongLink /> : <SomethingWrong />;
  }
  if (state === 'sent') return <ThankYou />;
  if (state === 'closed' || !survey.data.isOpen) return <Closed survey={survey.data} />;
  return (
    <SurveyForm
      secret={secret}
      survey={survey.data}
      onSent={() => setState('sent')}
      onClosed={() => setState('closed')}
    />
  );
}

function WrongLink() {
  return (
    <MessagePage title="This survey link does not work">
      <p>The link may have been copied wrongly, or only part of it was copied.</p>
      <p>
        Check it against the one you were sent. If it still does not work, ask the person who sent it for the
        link again.
      </p>
    </MessagePage>
  );
}

function SomethingWrong() {
  return (
    <MessagePage title="Sorry, there is a problem">
      <p>We could not load the survey. Please try again in a few minutes.</p>
    </MessagePage>
  );
}

function Closed({ survey }: { survey: SurveyForStaff }) {
  return (
    <MessagePage title="This survey has closed">
      <p>
        The survey for {survey.schoolName} closed at the end of {formatCalendarDate(survey.closesOn)}, so it
        cannot take any more answers.
      </p>
      <p>Thank you for wanting to take part.</p>
    </MessagePage>
  );
}

function ThankYou() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Thank you" />
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__title">Thank you</h1>
          <div className="nhsuk-panel__body">Your answers have been sent</div>
        </div>
        <p>Your answers do not have your name on them. You can close this page now.</p>
      </div>
    </div>
  );
}

function SurveyForm({
  secret,
  survey,
  onSent,
  onClosed,
}: {
  secret: string;
  survey: SurveyForStaff;
  onSent: () => void;
  onClosed: () => void;
}) {
  const session = useSession();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [isSending, setSending] = useState(false);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const { errors, errorFor, show, summaryRef } = useFormErrors();
  const fieldOf = (id: string) => `statement-${id}`;
  const firstField = fieldOf(survey.statements[0]?.id ?? 'first');
  const isSignedIn = session.data?.state === 'signed-in';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = surveyAnswers(chosen, firstField);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    attempt.current = keyFor(attempt.current, checked.body, newIdempotencyKey);
    setSending(true);
    try {
      await sendJson('POST', `/api/surveys/${encodeURIComponent(secret)}/responses`, checked.body, {
        'idempotency-key': attempt.current.key,
      });
      onSent();
    } catch (error) {
      const status = statusOf(error);
      if (status === 409) onClosed();
      else if (status === 429) {
        show([
          {
            field: firstField,
            message: 'Many answers have come from your network in the last hour. Please try again later.',
          },
        ]);
      } else show(problemLines(error, 'answers', '', []).map((line) => ({ ...line, field: firstField })));
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Staff survey" hasError={errors.length > 0} />
        <ErrorSummary errors={errors} ref={summaryRef} />
        <span className="nhsuk-caption-l">{survey.schoolName}</span>
        <h1>How confident do you feel about pupils' mental health?</h1>
        <p>
          This short survey is for staff at {survey.schoolName}. There are {survey.statements.length}{' '}
          sentences. For each one, choose how much you agree. You can skip any you do not want to answer.
        </p>
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Your answers are anonymous. We do not ask for your name or email. Nobody sees your own answers.
            Your school only sees results once 8 or more staff have answered.
          </p>
        </div>
        {isSignedIn && (
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              You are signed in to Lantern
            </h2>
            <p>
              Your answers will not have your name on them. To be extra safe, you can sign out first, or open
              the link in a private window.
            </p>
          </div>
        )}
        <p>You can answer until the end of {formatCalendarDate(survey.closesOn)}.</p>
        <form onSubmit={submit} noValidate>
          {survey.statements.map((statement, index) => (
            <RadiosField
              key={statement.id}
              id={fieldOf(statement.id)}
              legend={
                <>
                  <span className="nhsuk-u-visually-hidden">
                    {index + 1} of {survey.statements.length}:{' '}
                  </span>
                  {statement.text}
                </>
              }
              error={errorFor(fieldOf(statement.id))}
              options={survey.scale.map((point) => ({ value: String(point.value), label: point.label }))}
              value={chosen[statement.id] ?? ''}
              onChange={(value) => setChosen((current) => ({ ...current, [statement.id]: value }))}
            />
          ))}
          <button className="nhsuk-button" type="submit">
            {isSending ? 'Sending…' : 'Send my answers'}
          </button>
        </form>
      </div>
    </div>
  );
}
