import { type FormEvent, useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useFormErrors } from '../../components/form.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { type Answers, type Audience, ageFrom, type toSubmitInput } from './answers.js';
import { checkStep, type StepError } from './check.js';
import { CheckAnswersPage } from './check-answers-page.js';
import { type Question, QuestionPage } from './question-page.js';
import { childQuestions } from './questions-child.js';
import { consentQuestions } from './questions-consent.js';
import { needQuestions } from './questions-need.js';
import { peopleQuestions } from './questions-people.js';
import {
  blockedAt,
  type FlowContext,
  isStepId,
  nextStep,
  previousStep,
  type StepId,
  stepFields,
  stepOrder,
} from './steps.js';
import { StopPage, TooYoungPage } from './stop-pages.js';
import { formName, stepTitle } from './wording.js';

/** What a page of the form needs from wherever the answers are kept (sessionStorage or a server draft). */
export interface Flow {
  audience: Audience;
  answers: Answers;
  ctx: FlowContext;
  /** Keeps the answers; resolves to a message if they could not be kept. */
  save: (answers: Answers) => Promise<string | null>;
  pathFor: (step: StepId, isChange?: boolean) => string;
  /** Where Back goes from the first page. */
  exitPath: string;
  /** Sends the request; navigates away on success, throws the ApiError otherwise. */
  submit: (input: ReturnType<typeof toSubmitInput>, idempotencyKey: string) => Promise<void>;
  /** Problems found on sending, shown on the pages that ask those answers until corrected. */
  serverErrors: StepError[];
  setServerErrors: (errors: StepError[]) => void;
}

const questions: Partial<Record<StepId, Question>> = {
  ...peopleQuestions,
  ...childQuestions,
  ...needQuestions,
  ...consentQuestions,
};

/** Shows one page of the referral form, or sends the person to the page they must see first. */
export function ReferFlow({ flow, step }: { flow: Flow; step: string }) {
  const navigate = useNavigate();
  const isChange = useSearchParams()[0].get('change') === 'yes';
  const [isBusy, setBusy] = useState(false);
  const { audience, answers, ctx, pathFor } = flow;
  if (!isStepId(step) || !stepOrder[audience].includes(step)) return <NotFoundPage />;
  const blocked = blockedAt(audience, step, answers, ctx);
  if (blocked) return <Navigate to={pathFor(blocked)} replace />;

  const previous = previousStep(audience, step, answers, ctx);
  const backTo = isChange ? pathFor('check-answers') : previous ? pathFor(previous) : flow.exitPath;
  const goOn = (after: Answers) => {
    const next = nextStep(audience, step, after, ctx, isChange) ?? 'check-answers';
    navigate(pathFor(next, isChange && next !== 'check-answers'));
  };

  if (step === 'too-young') return <TooYoungPage backTo={backTo} age={ageFrom(answers, ctx.today)} />;
  if (step === 'check-answers') return <CheckAnswersPage flow={flow} backTo={backTo} />;
  if (step === 'stop') {
    const sendAnyway = async () => {
      setBusy(true);
      const after = { ...answers, isUrgent: true };
      const problem = await flow.save(after);
      setBusy(false);
      if (!problem) goOn(after);
    };
    return <StopPage audience={audience} backTo={backTo} isBusy={isBusy} onSendAnyway={sendAnyway} />;
  }
  const question = questions[step];
  if (!question) return <NotFoundPage />;
  return <StepForm key={step} flow={flow} step={step} question={question} backTo={backTo} onDone={goOn} />;
}

function StepForm({
  flow,
  step,
  question,
  backTo,
  onDone,
}: {
  flow: Flow;
  step: StepId;
  question: Question;
  backTo: string;
  onDone: (answers: Answers) => void;
}) {
  const { audience, ctx } = flow;
  const [draft, setDraft] = useState(flow.answers);
  const [isBusy, setBusy] = useState(false);
  const { errors, errorFor, show, summaryRef } = useFormErrors();
  const title = stepTitle(step, audience);

  // Problems found when sending are shown again, once, on arriving at the page that asks for the answer.
  const [sent] = useState(() => flow.serverErrors.filter((error) => error.step === step));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `show` changes on every render; run once
  useEffect(() => {
    if (sent.length === 0) return;
    show(sent);
    // After the layout has moved focus to the new page, move it on to the list of problems.
    const timer = window.setTimeout(() => summaryRef.current?.focus(), 50);
    return () => window.clearTimeout(timer);
  }, [sent]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // A "no" to a risk to life takes back an earlier choice to send the request as urgent.
    const after =
      step === 'danger-now' && draft.riskToLifeNow !== 'yes' ? { ...draft, isUrgent: false } : draft;
    const problems = checkStep(audience, step, after, ctx);
    if (problems.length > 0) {
      show(problems);
      return;
    }
    setBusy(true);
    const problem = await flow.save(after);
    setBusy(false);
    if (problem) {
      show([{ field: stepFields[step]?.[0] ?? 'maincontent', message: problem }]);
      return;
    }
    flow.setServerErrors(flow.serverErrors.filter((error) => error.step !== step));
    onDone(after);
  }

  const { Fields } = question;
  return (
    <QuestionPage
      title={title}
      caption={formName(audience)}
      backTo={backTo}
      errors={errors}
      summaryRef={summaryRef}
      isHeadingInField={question.isHeadingInField}
      isBusy={isBusy}
      onSubmit={submit}
    >
      <Fields
        audience={audience}
        title={title}
        answers={draft}
        set={(patch) => setDraft((current) => ({ ...current, ...patch }))}
        errorFor={errorFor}
        ctx={ctx}
      />
    </QuestionPage>
  );
}
