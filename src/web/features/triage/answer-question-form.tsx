import { type FormEvent, useState } from 'react';
import type { ReferralChanged } from '../../../contracts/triage.js';
import { MoreInformationInput } from '../../../contracts/triage.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, useFormErrors } from '../../components/form.js';
import { TextareaField } from './fields.js';
import { problemLines } from './triage-view.js';

/** The referrer answers triage's question; the referral goes back to the triage queue. */
export function AnswerQuestionForm({
  referralId,
  onAnswered,
}: {
  referralId: string;
  onAnswered: () => void;
}) {
  const [answer, setAnswer] = useState('');
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const field = `answer-${referralId}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = MoreInformationInput.safeParse({ answer });
    if (!checked.success) {
      show([{ field, message: checked.error.issues[0]?.message ?? 'Write your answer to the question' }]);
      return;
    }
    setSending(true);
    try {
      await sendJson<ReferralChanged>(
        'POST',
        `/api/my-referrals/${encodeURIComponent(referralId)}/information`,
        checked.data,
      );
      clear();
      setAnswer('');
      onAnswered();
    } catch (error) {
      show(problemLines(error, 'answer').map((line) => ({ ...line, field })));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <TextareaField
        id={field}
        label="Your answer"
        error={errorFor(field)}
        value={answer}
        onChange={setAnswer}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={isSending}>
        Send your answer
      </button>
    </form>
  );
}
