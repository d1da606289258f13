import { useState } from 'react';
import type { StaffArticle } from '../../../contracts/self-help.js';
import { ApiError, sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, useFormErrors } from '../../components/form.js';
import { TextareaField } from '../triage/fields.js';
import { errorsFrom, selfHelpPaths } from './self-help-api.js';

// Review (publish, or send back with a comment) and withdrawal: each changes the article at the
// version shown (If-Match), so someone else's change first is reported, not overwritten.

type Done = (saved: StaffArticle, message: string) => void;

async function post(article: StaffArticle, path: string, body: object) {
  return sendJson<StaffArticle>('POST', `${selfHelpPaths.draft(article.id)}/${path}`, body, {
    'if-match': `"${article.version}"`,
  });
}

export function SubmitForReview({
  article,
  onDone,
  onStale,
}: {
  article: StaffArticle;
  onDone: Done;
  onStale: () => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  async function submit() {
    try {
      onDone(
        await post(article, 'submission', {}),
        'Sent for review. Someone else on the team will check it.',
      );
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 412) onStale();
      else
        setProblem(error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : 'Try again.');
    }
  }
  return (
    <>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <button className="nhsuk-button" type="button" onClick={submit}>
        Send for review
      </button>
    </>
  );
}

export function ReviewForm({
  article,
  onDone,
  onStale,
}: {
  article: StaffArticle;
  onDone: Done;
  onStale: () => void;
}) {
  const form = useFormErrors();
  const [decision, setDecision] = useState('');
  const [comment, setComment] = useState('');
  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!decision) return form.show([{ field: 'decision', message: 'Choose publish or send back' }]);
    if (decision === 'send-back' && !comment.trim()) {
      return form.show([{ field: 'comment', message: 'Say what the writer should change' }]);
    }
    try {
      const saved = await post(article, 'review', { decision, ...(comment.trim() ? { comment } : {}) });
      onDone(
        saved,
        decision === 'publish' ? 'Published. Young people can read it now.' : 'Sent back to the writer.',
      );
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 412) onStale();
      else form.show(errorsFrom(error, 'decision'));
    }
  }
  return (
    <form onSubmit={save} noValidate>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <RadiosField
        id="decision"
        legend="Your review"
        hint="Check it is accurate, kind, and easy for a 12-year-old to read."
        error={form.errorFor('decision')}
        options={[
          { value: 'publish', label: 'Publish it' },
          { value: 'send-back', label: 'Send it back to the writer' },
        ]}
        value={decision}
        onChange={setDecision}
      />
      <TextareaField
        id="comment"
        label="Comment for the writer"
        hint="Needed when you send it back."
        rows={3}
        maxLength={2000}
        error={form.errorFor('comment')}
        value={comment}
        onChange={setComment}
      />
      <button className="nhsuk-button" type="submit">
        Save review
      </button>
    </form>
  );
}

export function WithdrawForm({
  article,
  onDone,
  onStale,
}: {
  article: StaffArticle;
  onDone: Done;
  onStale: () => void;
}) {
  const form = useFormErrors();
  const [reason, setReason] = useState('');
  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3)
      return form.show([{ field: 'reason', message: 'Say why you are taking it down' }]);
    try {
      onDone(await post(article, 'withdrawal', { reason }), 'Withdrawn. Young people can no longer see it.');
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 412) onStale();
      else form.show(errorsFrom(error, 'reason'));
    }
  }
  return (
    <form onSubmit={save} noValidate>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <TextareaField
        id="reason"
        label="Why are you taking it down?"
        rows={2}
        maxLength={500}
        error={form.errorFor('reason')}
        value={reason}
        onChange={setReason}
      />
      <button className="nhsuk-button nhsuk-button--warning" type="submit">
        Withdraw article
      </button>
    </form>
  );
}
