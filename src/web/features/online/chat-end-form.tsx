import { type FormEvent, useState } from 'react';
import type { ChatDetail } from '../../../contracts/online-chats-api.js';
import { ApiError, sendJson } from '../../api.js';
import { describedBy, ErrorSummary, HintAndError, useFormErrors } from '../../components/form.js';
import { chatPaths, ifMatch } from './chat-api.js';

const NEEDS_ASSESSMENT = 'Record a risk assessment for this chat before you end it.';

/**
 * The counsellor ends a chat with a short summary note for whoever sees this young person next.
 * The server refuses until a risk assessment is recorded; the form says so in plain words.
 */
export function EndChatForm(props: { chat: ChatDetail; onEnded: () => void; onStale: () => void }) {
  const [note, setNote] = useState('');
  const [isSending, setIsSending] = useState(false);
  const form = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSending(true);
    try {
      await sendJson(
        'POST',
        chatPaths.end(props.chat.id),
        note.trim() ? { summaryNote: note.trim() } : {},
        ifMatch(props.chat.version),
      );
      form.clear();
      props.onEnded();
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null;
      if (problem?.status === 412) {
        props.onStale();
        form.show([
          { field: 'summary-note', message: 'The chat changed while you were writing. Try again.' },
        ]);
      } else {
        const needsAssessment = props.chat.hasRiskAssessment === false || problem?.status === 409;
        form.show([
          {
            field: 'summary-note',
            message: needsAssessment
              ? `${problem?.detail ?? NEEDS_ASSESSMENT}`
              : (problem?.detail ?? 'We could not end the chat. Try again.'),
          },
        ]);
        props.onStale();
      }
    } finally {
      setIsSending(false);
    }
  }

  const error = form.errorFor('summary-note');
  const hint =
    props.chat.hasRiskAssessment === false
      ? `${NEEDS_ASSESSMENT} The note is shown to whoever talks to this young person next.`
      : 'Shown to whoever talks to this young person next. Keep it short.';
  return (
    <form onSubmit={submit} noValidate aria-labelledby="end-heading">
      <h2 id="end-heading" className="nhsuk-heading-s">
        End the chat
      </h2>
      <ErrorSummary errors={form.errors} ref={form.summaryRef} />
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="summary-note">
          Summary note
        </label>
        <HintAndError id="summary-note" hint={hint} error={error} />
        <textarea
          className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
          id="summary-note"
          name="summary-note"
          rows={4}
          maxLength={1000}
          value={note}
          aria-describedby={describedBy('summary-note', hint, error)}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <button className="nhsuk-button nhsuk-button--warning" type="submit" disabled={isSending}>
        End chat
      </button>
    </form>
  );
}
