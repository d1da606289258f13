import { Link } from 'react-router';
import type { CounsellorQueue, YoungPersonCard } from '../../../contracts/online-chats-api.js';
import { formatClock } from './chat-view.js';

// Parts of the counsellor's queue page (counsellor-queue-page.tsx) and chat page.

type Waiting = CounsellorQueue['waiting'][number];

const genders: Record<string, string> = {
  girl: 'Girl',
  boy: 'Boy',
  'non-binary': 'Non-binary',
  'prefer-not-to-say': 'Prefers not to say',
};

/** A young person's gender in their own words when they described it. */
export function genderText(card: Pick<YoungPersonCard, 'gender' | 'genderDescription'>): string {
  if (card.gender === 'self-described' && card.genderDescription) return card.genderDescription;
  return genders[card.gender] ?? card.gender;
}

export function chatPath(chatId: string): string {
  return `/staff/online/chats/${chatId}`;
}

/** What a counsellor knows about a young person: age, gender, new or returning, earlier notes. */
export function YoungPersonFacts({ card }: { card: YoungPersonCard }) {
  return (
    <>
      <dl className="nhsuk-summary-list nhsuk-u-margin-bottom-3">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Age</dt>
          <dd className="nhsuk-summary-list__value">{card.ageNow}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Gender</dt>
          <dd className="nhsuk-summary-list__value">{genderText(card)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Seen before</dt>
          <dd className="nhsuk-summary-list__value">
            {card.isReturning ? (
              <strong className="nhsuk-tag nhsuk-tag--blue">Returning</strong>
            ) : (
              <strong className="nhsuk-tag nhsuk-tag--green">New</strong>
            )}
          </dd>
        </div>
      </dl>
      <PreviousNotes card={card} />
    </>
  );
}

function PreviousNotes({ card }: { card: YoungPersonCard }) {
  if (card.previousNotes.length === 0)
    return <p className="nhsuk-body-s">No summary notes from earlier chats.</p>;
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-3">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Summary notes from earlier chats ({card.previousNotes.length})
          <span className="nhsuk-u-visually-hidden"> for {card.username}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <ul>
          {card.previousNotes.map((note) => (
            <li key={note.chatId}>
              {note.endedAt && (
                <strong>
                  {new Date(note.endedAt).toLocaleDateString('en-GB', {
                    day: 'numeric',
                    month: 'short',
                    timeZone: 'Europe/London',
                  })}
                  :{' '}
                </strong>
              )}
              <span className="lantern-chat__body">{note.note}</span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

/** The young people waiting, longest first, each with what the counsellor may know about them. */
export function WaitingList({ waiting, now }: { waiting: Waiting[]; now: number }) {
  if (waiting.length === 0) return <p>No one is waiting.</p>;
  return (
    <ol className="nhsuk-list">
      {waiting.map((entry) => (
        <li key={entry.chatId}>
          <article className="nhsuk-card nhsuk-u-margin-bottom-4" aria-labelledby={`waiting-${entry.chatId}`}>
            <div className="nhsuk-card__content">
              <h3 className="nhsuk-card__heading nhsuk-heading-s" id={`waiting-${entry.chatId}`}>
                {entry.place}. {entry.username}
              </h3>
              <p className="nhsuk-body-s">
                Waiting since {formatClock(entry.queuedAt)} ({minutesSince(entry.queuedAt, now)})
              </p>
              <YoungPersonFacts card={entry} />
            </div>
          </article>
        </li>
      ))}
    </ol>
  );
}

/** The counsellor's own open chats, each a link. */
export function MyChats({ queue }: { queue: CounsellorQueue }) {
  return (
    <>
      <p>
        You have {queue.mine.length} of {queue.chatLimit} chats open.
      </p>
      {queue.mine.length > 0 && (
        <ul>
          {queue.mine.map((chat) => (
            <li key={chat.chatId}>
              <Link to={chatPath(chat.chatId)}>
                {chat.kind === 'booked' ? 'Booked chat' : 'Chat'} with {chat.username}
              </Link>
              {chat.takenAt && ` (since ${formatClock(chat.takenAt)})`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function minutesSince(iso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  if (minutes < 1) return 'less than a minute';
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
