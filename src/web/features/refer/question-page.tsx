import type { FormEvent, ReactNode, RefObject } from 'react';
import { ErrorSummary, type FieldError } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import type { Answers, Audience } from './answers.js';
import type { FlowContext } from './steps.js';

/** What each question's fields get: the answers being edited on this page, and their errors. */
export interface QuestionProps {
  audience: Audience;
  title: string;
  answers: Answers;
  set: (patch: Partial<Answers>) => void;
  errorFor: (field: string) => string | undefined;
  ctx: FlowContext;
}

export interface Question {
  Fields: (props: QuestionProps) => ReactNode;
  /** The question's own legend or label is the page's h1 (one-question pages). */
  isHeadingInField?: boolean;
}

/** One page of the form: Back link, error summary, the question and a Continue button. */
export function QuestionPage({
  title,
  caption,
  backTo,
  errors,
  summaryRef,
  isHeadingInField = false,
  isBusy,
  onSubmit,
  children,
}: {
  title: string;
  caption: string;
  backTo: string;
  errors: FieldError[];
  summaryRef: RefObject<HTMLDivElement | null>;
  isHeadingInField?: boolean;
  isBusy: boolean;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title={title} hasError={errors.length > 0} />
        <BackLink to={backTo} />
        <ErrorSummary errors={errors} ref={summaryRef} />
        <span className="nhsuk-caption-l">{caption}</span>
        {!isHeadingInField && <h1>{title}</h1>}
        <form onSubmit={onSubmit} noValidate>
          {children}
          <button className="nhsuk-button" type="submit" disabled={isBusy} aria-disabled={isBusy}>
            {isBusy ? 'Saving…' : 'Continue'}
          </button>
        </form>
      </div>
    </div>
  );
}
