import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { YoungPersonThread } from '../../../contracts/online-bookings.js';
import { getJson, problemText } from '../../api.js';
import { ErrorSummary, useFormErrors } from '../../components/form.js';
import { useIdempotentSend } from '../casework/episode-queries.js';
import { TextareaField } from '../triage/fields.js';
import { MessageList } from './message-list.js';
import { SignInToUse, YoungPersonFrame } from './young-person-frame.js';
import { useYoungPersonQuery, youngPersonPost } from './young-person-session.js';

/** The young person's messages with the service between chats, and a box to write a new one. */
export function MessagesPage() {
  const me = useYoungPersonQuery();
  const isSignedIn = Boolean(me.data);
  const client = useQueryClient();
  const send = useIdempotentSend(youngPersonPost);
  const [body, setBody] = useState('');
  const [isSending, setSending] = useState(false);
  const [sentNotice, setSentNotice] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  const thread = useQuery({
    queryKey: ['online', 'messages'],
    queryFn: ({ signal }) => getJson<YoungPersonThread>('/api/online/messages', signal),
    enabled: isSignedIn,
    refetchInterval: 60_000,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    setSentNotice(false);
    if (body.trim() === '') {
      show([{ field: 'message-body', message: 'Write your message' }]);
      return;
    }
    setSending(true);
    try {
      await send('/api/online/messages', { body });
      clear();
      setBody('');
      setSentNotice(true);
      await client.invalidateQueries({ queryKey: ['online', 'messages'] });
    } catch (error) {
      show([
        { field: 'message-body', message: problemText(error, 'We could not send your message. Try again.') },
      ]);
    } finally {
      setSending(false);
    }
  }

  const title = 'Your messages';
  if (me.isPending)
    return (
      <YoungPersonFrame title={title}>
        <p aria-live="polite">Loading…</p>
      </YoungPersonFrame>
    );
  if (!isSignedIn)
    return (
      <YoungPersonFrame title={title}>
        <SignInToUse what="send us a message" />
      </YoungPersonFrame>
    );
  return (
    <YoungPersonFrame title={title}>
      <p>You can write to us at any time. A counsellor will read it and write back.</p>
      {thread.data && (
        <>
          <p>{thread.data.replyExpectation}</p>
          {thread.data.openingHours.length > 0 && (
            <>
              <p className="nhsuk-u-margin-bottom-1">We are open:</p>
              <ul>
                {thread.data.openingHours.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <p>If you need help right now, do not wait for a reply. Use the numbers at the bottom of this page.</p>
      <form onSubmit={submit} noValidate aria-labelledby="write-heading">
        <h2 id="write-heading">Write a message</h2>
        <ErrorSummary errors={errors} ref={summaryRef} />
        {sentNotice && (
          <div className="nhsuk-inset-text" role="status">
            <p>Your message has been sent. We will write back soon.</p>
          </div>
        )}
        <TextareaField
          id="message-body"
          label="Your message"
          hint="Only counsellors can read it."
          error={errorFor('message-body')}
          value={body}
          onChange={setBody}
          rows={5}
        />
        <button className="nhsuk-button" type="submit" disabled={isSending}>
          {isSending ? 'Sending…' : 'Send message'}
        </button>
      </form>
      <h2>Messages so far</h2>
      {thread.isPending ? (
        <p aria-live="polite">Loading…</p>
      ) : thread.isError ? (
        <p>We could not load your messages. Reload the page to try again.</p>
      ) : thread.data.messages.length === 0 ? (
        <p>You have not sent any messages yet.</p>
      ) : (
        <>
          {thread.data.isWaitingForReply && <p>We have your message. We will reply soon.</p>}
          <MessageList messages={thread.data.messages} readWords="Read by a counsellor" />
        </>
      )}
    </YoungPersonFrame>
  );
}
