import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { Answered, PublicQuestionnaire } from '../../../contracts/measures.js';
import { ApiError, sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, useFormErrors } from '../../components/form.js';
import { MessagePage, PageTitle } from '../../components/layout.js';
import { statusOf } from '../schools/schools-view.js';
import { keyFor, newIdempotencyKey } from '../triage/triage-view.js';
import { usePublicQuestionnaire } from './measures-queries.js';
import { answerProblems, checkAnswers, itemField } from './measures-view.js';

// The public page a young person (or parent) answers a questionnaire on, from the link they were
// sent: phone first, plain words, nothing about who they are. ADR 0018.

/** /questionnaire/:secret */
export function AnswerQuestionnairePage() {
  const { secret = '' } = useParams();
  const questionnaire = usePublicQuestionnaire(secret);
  const [answered, setAnswered] = useState<Answered | null>(null);
  if (answered) return <ThankYou answered={answered} />;
  if (questionnaire.isPending) return <p aria-live="polite">Loading…</p>;
  if (questionnaire.isError) {
    const status = statusOf(questionnaire.error);
    return status === 404 || status === 400 ? <LinkNotWorking /> : <SomethingWrong />;
  }
  return <QuestionsForm secret={secret} questionnaire={questionnaire.data} onAnswered={setAnswered} />;
}

/** A page that only says something, with where to get help now underneath. */
function Message({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <MessagePage title={title}>
      {children}
      <HelpNow />
    </MessagePage>
  );
}

function HelpNow() {
  return (
    <section className="nhsuk-inset-text" aria-labelledby="help-now-heading">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h2 id="help-now-heading" className="nhsuk-heading-s">
        If you need help now
      </h2>
      <p>
        Call <a href="tel:111">111</a> and choose the mental health option, any time. If you or someone else
        is in danger, call <a href="tel:999">999</a>.
      </p>
    </section>
  );
}

function LinkNotWorking() {
  return (
    <Message title="This link does not work">
      <p>It may have been used already, or it may be too old.</p>
      <p>
        Ask your practitioner for a new one. You can also answer the questions with them at your next session.
      </p>
    </Message>
  );
}

function SomethingWrong() {
  return (
    <Message title="Sorry, there is a problem">
      <p>We could not load the questions. Please try again in a few minutes.</p>
    </Message>
  );
}

function ThankYou({ answered }: { answered: Answered }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Thank you" />
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__title" tabIndex={-1} ref={heading}>
            Thank you
          </h1>
          <div className="nhsuk-panel__body">Your answers have been sent</div>
        </div>
        <h2>How things are going</h2>
        <p>{answered.progress}</p>
        <p>You can close this page now.</p>
        <HelpNow />
      </div>
    </div>
  );
}

function QuestionsForm({
  secret,
  questionnaire,
  onAnswered,
}: {
  secret: string;
  questionnaire: PublicQuestionnaire;
  onAnswered: (answered: Answered) => void;
}) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [isSending, setSending] = useState(false);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const { errors, errorFor, show, summaryRef } = useFormErrors();
  const count = questionnaire.items.length;
  const forYou = questionnaire.forWhom === 'you';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = checkAnswers(
      questionnaire.items,
      chosen,
      (i) => `Choose an answer for question ${i + 1}`,
    );
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    attempt.current = keyFor(attempt.current, checked, newIdempotencyKey);
    setSending(true);
    try {
      const answered = await sendJson<Answered>(
        'POST',
        `/api/questionnaires/${encodeURIComponent(secret)}/answers`,
        checked,
        { 'idempotency-key': attempt.current.key },
      );
      onAnswered(answered);
    } catch (error) {
      const first = itemField(questionnaire.items[0]?.id ?? 'first');
      const status = statusOf(error);
      if (status === 404)
        show([
          { field: first, message: 'This link does not work any more. Ask your practitioner for a new one.' },
        ]);
      else if (status === 429)
        show([{ field: first, message: 'Too many tries. Please wait an hour and try again.' }]);
      else if (error instanceof ApiError && error.problem.status === 400) {
        show(
          answerProblems(error.problem.invalidParams, first).map((e) => {
            const at = questionnaire.items.findIndex((item) => itemField(item.id) === e.field);
            return {
              ...e,
              message: at >= 0 ? `Choose an answer for question ${at + 1}` : 'Check your answers',
            };
          }),
        );
      } else show([{ field: first, message: 'Something went wrong. Check your connection and try again.' }]);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="A few questions" hasError={errors.length > 0} />
        <ErrorSummary errors={errors} ref={summaryRef} />
        <h1>A few questions before you meet</h1>
        <p>
          {forYou
            ? `There are ${count} questions about how you have been feeling. There are no right or wrong answers.`
            : `There are ${count} questions about how your child has been. There are no right or wrong answers.`}
        </p>
        <p>Your practitioner will see your answers and talk them through with you.</p>
        {questionnaire.instructions && <p className="nhsuk-body-l">{questionnaire.instructions}</p>}
        <form onSubmit={submit} noValidate>
          {questionnaire.items.map((item, index) => (
            <RadiosField
              key={item.id}
              id={itemField(item.id)}
              legend={
                <>
                  <span className="nhsuk-u-visually-hidden">
                    Question {index + 1} of {count}:{' '}
                  </span>
                  {item.text}
                </>
              }
              error={errorFor(itemField(item.id))}
              options={item.options.map((o) => ({ value: String(o.value), label: o.label }))}
              value={chosen[item.id] ?? ''}
              onChange={(value) => setChosen((current) => ({ ...current, [item.id]: value }))}
            />
          ))}
          <button className="nhsuk-button" type="submit">
            {isSending ? 'Sending…' : 'Send my answers'}
          </button>
        </form>
        <p className="nhsuk-body-s">
          {questionnaire.title}. {questionnaire.attribution}
        </p>
        <HelpNow />
      </div>
    </div>
  );
}
