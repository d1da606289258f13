import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { ApiError } from '../../api.js';
import { ErrorSummary, RadiosField, useFormErrors } from '../../components/form.js';

const ratings = [
  { value: '5', label: '5 – Very helpful' },
  { value: '4', label: '4 – Helpful' },
  { value: '3', label: '3 – OK' },
  { value: '2', label: '2 – Not very helpful' },
  { value: '1', label: '1 – Not helpful at all' },
];

/**
 * After a chat: a short, optional feedback form (how helpful, 1 to 5, and a comment), then what
 * the young person can do next. Plain words for an 11-year-old.
 */
export function ChatEnded(props: {
  endedBy: 'young-person' | 'counsellor' | 'system' | null;
  hasGivenFeedback: boolean;
  onFeedback: (rating: number, comment: string) => Promise<void>;
  onStartAgain?: () => void;
}) {
  const [isSent, setIsSent] = useState(props.hasGivenFeedback);
  return (
    <>
      <p>
        {props.endedBy === 'young-person'
          ? 'You ended the chat.'
          : props.endedBy === 'counsellor'
            ? 'Your counsellor ended the chat.'
            : 'The chat has ended.'}{' '}
        Thank you for talking to us.
      </p>
      {isSent ? (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>Thank you for telling us how it went.</p>
        </div>
      ) : (
        <FeedbackForm onFeedback={props.onFeedback} onSent={() => setIsSent(true)} />
      )}
      <h2>What you can do next</h2>
      <ul>
        <li>
          <Link to={webPaths.onlineMessages}>Send us a message</Link>. A counsellor will reply, but not
          straight away.
        </li>
        <li>
          <Link to={webPaths.onlineBookings}>Book a chat</Link> with a counsellor at a time that suits you.
        </li>
        <li>
          <Link to={webPaths.selfHelp}>Read self-help</Link> about things like worry, sleep and friends.
        </li>
        <li>
          <Link to={webPaths.onlineSpace}>Go to your space</Link> to write in your journal or track your mood.
        </li>
      </ul>
      <p>
        If you or someone else is in danger right now, call <a href="tel:999">999</a> or{' '}
        <Link to={webPaths.helpNow}>get help now</Link>.
      </p>
    </>
  );
}

function FeedbackForm({
  onFeedback,
  onSent,
}: {
  onFeedback: (rating: number, comment: string) => Promise<void>;
  onSent: () => void;
}) {
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const [isSending, setIsSending] = useState(false);
  const form = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!rating) {
      form.show([{ field: 'feedback-rating', message: 'Choose how helpful the chat was' }]);
      return;
    }
    setIsSending(true);
    try {
      await onFeedback(Number(rating), comment.trim());
      form.clear();
      onSent();
    } catch (error) {
      const detail = error instanceof ApiError ? error.problem.detail : undefined;
      form.show([{ field: 'feedback-rating', message: detail ?? 'We could not send that. Try again.' }]);
    } finally {
      setIsSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="feedback-heading">
      <ErrorSummary errors={form.errors} ref={form.summaryRef} />
      <h2 id="feedback-heading">Tell us how it went</h2>
      <p>You do not have to fill this in. It helps us make our chats better.</p>
      <RadiosField
        id="feedback-rating"
        legend="How helpful was the chat?"
        value={rating}
        onChange={setRating}
        options={ratings}
        error={form.errorFor('feedback-rating')}
      />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-label--s" htmlFor="feedback-comment">
          Anything else you want to tell us? (optional)
        </label>
        <textarea
          className="nhsuk-textarea"
          id="feedback-comment"
          name="feedback-comment"
          rows={3}
          maxLength={1000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </div>
      <button className="nhsuk-button" type="submit" disabled={isSending}>
        Send feedback
      </button>
    </form>
  );
}
