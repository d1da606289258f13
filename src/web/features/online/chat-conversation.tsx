import { type FormEvent, useEffect, useRef, useState } from 'react';
import { MAX_CHAT_MESSAGE_LENGTH, type RiskMatch } from '../../../contracts/online-chat.js';
import { describedBy, HintAndError } from '../../components/form.js';
import { formatClock, riskSegments, type ShownMessage } from './chat-view.js';
import './chat.css';

/**
 * A chat's conversation for either side: the messages in a polite live region, each saying who
 * sent it in words (and set to one side, with a different border, for sighted readers), then the
 * send form. Messages still on their way say "Sending…"; they stay on screen until stored.
 */
export function ChatConversation(props: {
  messages: ShownMessage[];
  /** The other side's name for the log's label, such as "your counsellor" or a username. */
  heading: string;
  isConnected: boolean;
  /** False once the chat has ended: the log stays, the form goes. */
  canSend: boolean;
  onSend: (body: string) => void;
  /** Staff only: highlight risk phrases. */
  showRisk?: boolean;
  sendLabel?: string;
  /** Staff pages: name every sender as the server does, since a duty senior may join. */
  isStaffSide?: boolean;
}) {
  const end = useRef<HTMLDivElement>(null);
  const count = props.messages.length;
  useEffect(() => {
    if (count > 0) end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [count]);

  return (
    <section aria-labelledby="chat-log-heading" className="lantern-chat">
      <h2 id="chat-log-heading" className="nhsuk-heading-s">
        {props.heading}
      </h2>
      {!props.isConnected && props.canSend && (
        <p className="lantern-chat__reconnecting" role="status">
          Reconnecting… Your messages are kept and will send when you are back online.
        </p>
      )}
      {/* Focusable so a keyboard user can scroll back through the conversation. */}
      <div
        className="lantern-chat__log"
        role="log"
        aria-live="polite"
        aria-labelledby="chat-log-heading"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
      >
        {props.messages.length === 0 && <p className="lantern-chat__empty">No messages yet.</p>}
        <ol className="lantern-chat__list">
          {props.messages.map((shown) =>
            shown.kind === 'sending' ? (
              <li
                className="lantern-chat__message lantern-chat__message--mine"
                key={`p-${shown.clientMessageId}`}
              >
                <p className="lantern-chat__who">
                  You <span className="lantern-chat__status">Sending…</span>
                </p>
                <p className="lantern-chat__body">{shown.body}</p>
              </li>
            ) : (
              <li
                className={`lantern-chat__message lantern-chat__message--${
                  shown.message.senderKind === 'system' ? 'system' : shown.isMine ? 'mine' : 'theirs'
                }`}
                key={`m-${shown.message.seq}`}
              >
                <p className="lantern-chat__who">
                  {shown.isMine && !props.isStaffSide ? 'You' : shown.message.senderLabel}{' '}
                  <span className="lantern-chat__status">
                    <span className="nhsuk-u-visually-hidden">at </span>
                    {formatClock(shown.message.sentAt)}
                  </span>
                </p>
                <MessageBody
                  body={shown.message.body}
                  matches={props.showRisk ? shown.message.riskMatches : undefined}
                />
              </li>
            ),
          )}
        </ol>
        <div aria-hidden="true" className="lantern-chat__end" ref={end} />
      </div>
      {props.canSend && <SendForm onSend={props.onSend} label={props.sendLabel ?? 'Your message'} />}
    </section>
  );
}

/** A message's text; for staff, each risk phrase marked and named in words, not by colour alone. */
function MessageBody({ body, matches }: { body: string; matches: readonly RiskMatch[] | undefined }) {
  if (!matches || matches.length === 0) return <p className="lantern-chat__body">{body}</p>;
  const segments = riskSegments(body, matches);
  return (
    <>
      <p className="lantern-chat__body">
        {segments.map((segment, index) =>
          segment.match ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments never reorder
            <mark className="lantern-chat__risk" key={index}>
              {segment.text}
            </mark>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments never reorder
            <span key={index}>{segment.text}</span>
          ),
        )}
      </p>
      <ul className="lantern-chat__risk-list">
        {matches.map((match) => (
          <li key={match.phraseId}>
            <strong className="nhsuk-tag nhsuk-tag--red">
              Risk phrase: {match.phrase} ({match.category.replace(/-/g, ' ')})
            </strong>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The send form: Enter in the box adds a new line; the button (or Ctrl+Enter) sends. */
function SendForm({ onSend, label }: { onSend: (body: string) => void; label: string }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const box = useRef<HTMLTextAreaElement>(null);

  function send(event?: FormEvent) {
    event?.preventDefault();
    const text = body.trim();
    if (text === '') {
      setError('Write a message before you send it');
      box.current?.focus();
      return;
    }
    if (text.length > MAX_CHAT_MESSAGE_LENGTH) {
      setError(`Your message is too long. Keep it under ${MAX_CHAT_MESSAGE_LENGTH} characters`);
      box.current?.focus();
      return;
    }
    setError(undefined);
    onSend(text);
    setBody('');
    box.current?.focus();
  }

  return (
    <form className="lantern-chat__form" onSubmit={send} noValidate>
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="chat-message">
          {label}
        </label>
        <HintAndError
          id="chat-message"
          hint="Press Ctrl and Enter, or the Send button, to send."
          error={error}
        />
        <textarea
          className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
          id="chat-message"
          name="chat-message"
          rows={3}
          ref={box}
          value={body}
          maxLength={MAX_CHAT_MESSAGE_LENGTH}
          aria-describedby={describedBy('chat-message', true, error)}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send();
          }}
        />
      </div>
      <button className="nhsuk-button nhsuk-u-margin-bottom-4" type="submit">
        Send
      </button>
    </form>
  );
}
