import { type FormEvent, useState } from 'react';
import { ErrorSummary, useFormErrors } from '../../components/form.js';
import { useIdempotentSend } from '../casework/episode-queries.js';
import { TextareaField } from '../triage/fields.js';
import { problemLines } from '../triage/triage-view.js';

/** A counsellor's reply to a young person's messages. */
export function MessageReplyForm({
  accountId,
  onSaved,
}: {
  accountId: string;
  onSaved: (text: string) => void;
}) {
  const [body, setBody] = useState('');
  const [isSending, setSending] = useState(false);
  const send = useIdempotentSend();
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    if (body.trim() === '') {
      show([{ field: 'reply-body', message: 'Write your reply' }]);
      return;
    }
    setSending(true);
    try {
      await send(`/api/online/young-people/${encodeURIComponent(accountId)}/messages`, { body });
      clear();
      setBody('');
      onSaved('Reply sent.');
    } catch (error) {
      show(problemLines(error, 'body', 'reply-'));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="reply-heading">
      <h3 id="reply-heading">Reply</h3>
      <ErrorSummary errors={errors} ref={summaryRef} />
      <TextareaField
        id="reply-body"
        label="Your reply"
        hint="The young person sees your first name. Write in plain words."
        error={errorFor('reply-body')}
        value={body}
        onChange={setBody}
        rows={5}
      />
      <button className="nhsuk-button" type="submit" disabled={isSending}>
        {isSending ? 'Sending…' : 'Send reply'}
      </button>
    </form>
  );
}
