import type { ThreadMessage } from '../../../contracts/online-bookings.js';
import { formatDateTime } from '../triage/triage-view.js';

/** A message thread, oldest first; staff also see the risk phrases a message matched. */
export function MessageList({
  messages,
  readWords,
  isForStaff = false,
}: {
  messages: ThreadMessage[];
  /** What a message the reader sent says once the other side has read it. */
  readWords: string;
  isForStaff?: boolean;
}) {
  const isMine = (m: ThreadMessage) =>
    isForStaff ? m.direction === 'to-young-person' : m.direction === 'from-young-person';
  return (
    <ol className="nhsuk-list lantern-message-list">
      {messages.map((message) => (
        <li key={message.id} className="nhsuk-inset-text nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-2">
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
            <strong>{message.senderLabel}</strong>, {formatDateTime(message.sentAt)}
            {isMine(message) && message.isReadByOtherSide && <span>. {readWords}</span>}
          </p>
          <p className="lantern-note-body nhsuk-u-margin-bottom-0">{message.body}</p>
          {isForStaff && (message.riskMatches?.length ?? 0) > 0 && (
            <p className="nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-0">
              <strong className="nhsuk-tag nhsuk-tag--red">Risk phrase</strong>{' '}
              {message.riskMatches?.map((m) => `“${m.phrase}” (${m.category})`).join(', ')}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
