import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { DirectoryService } from '../../../contracts/directory.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { CrisisServiceItems } from '../../components/help-now.js';
import { YoungPersonHelpNow } from './account-help-now.js';
import { describePlace } from './chat-view.js';

/** While a young person waits in the queue: their place, the honest wait, and what to do if it gets urgent. */
export function ChatWaiting(props: {
  place: number | null;
  /** The server's honest estimate in words, such as "About 10 to 20 minutes". */
  estimate: string | null;
  isLeaving: boolean;
  onLeave: () => void;
  crisis: DirectoryService[];
}) {
  return (
    <>
      <div className="nhsuk-card">
        <div className="nhsuk-card__content" role="status" aria-live="polite" aria-atomic="true">
          <h2 className="nhsuk-card__heading">You are in the queue</h2>
          <p className="nhsuk-card__description">
            {props.place === null ? 'We are working out your place.' : describePlace(props.place)}{' '}
            {props.estimate ?? 'We cannot tell how long it will be yet.'}
          </p>
          <p className="nhsuk-card__description">
            Keep this page open. When a counsellor is ready, the chat will start here.
          </p>
        </div>
      </div>
      <h2>If it becomes urgent</h2>
      <p>Do not wait in the queue if you or someone else is in danger right now.</p>
      <ul>
        <li>
          Call <a href="tel:999">999</a> if a life is at risk.
        </li>
        <li>
          Call Childline on <a href="tel:08001111">0800 1111</a>. It is free, any time.
        </li>
        <li>
          Text <strong>SHOUT</strong> to <a href="sms:85258">85258</a>. It is free, any time.
        </li>
        <CrisisServiceItems crisis={props.crisis} />
      </ul>
      <h2>If you want to stop waiting</h2>
      <p>
        You can leave the queue. You can also <Link to={webPaths.onlineMessages}>send us a message</Link>{' '}
        instead and a counsellor will reply later.
      </p>
      <LeaveQueue isLeaving={props.isLeaving} onLeave={props.onLeave} />
    </>
  );
}

/**
 * "Leave the queue", then a question before it happens: leaving loses their place, so a slip of the
 * thumb on a phone must not do it. Focus moves to the question, and back to the button on "No".
 */
function LeaveQueue(props: { isLeaving: boolean; onLeave: () => void }) {
  const [isAsking, setIsAsking] = useState(false);
  const question = useRef<HTMLHeadingElement>(null);
  const leaveButton = useRef<HTMLButtonElement>(null);
  const hasAsked = useRef(false);
  useEffect(() => {
    if (isAsking) question.current?.focus();
    else if (hasAsked.current) leaveButton.current?.focus();
    if (isAsking) hasAsked.current = true;
  }, [isAsking]);

  if (!isAsking) {
    return (
      <button
        className="nhsuk-button nhsuk-button--secondary"
        type="button"
        ref={leaveButton}
        onClick={() => setIsAsking(true)}
        disabled={props.isLeaving}
      >
        Leave the queue
      </button>
    );
  }
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Question: </span>
      <h3 className="nhsuk-heading-s" tabIndex={-1} ref={question}>
        Do you want to leave the queue?
      </h3>
      <p>You will lose your place. If you start a chat again later, you join the back of the queue.</p>
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="button" onClick={props.onLeave} disabled={props.isLeaving}>
          Yes, leave the queue
        </button>
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={() => setIsAsking(false)}
          disabled={props.isLeaving}
        >
          No, keep my place
        </button>
      </div>
    </div>
  );
}

/** When the service is closed: when it opens, and where to get help right now. */
export function ChatClosed(props: {
  /** "We're closed. We open today at 6pm." */
  sentence: string | null;
  openingHours: string[];
}) {
  return (
    <>
      <p>Our counsellors are not here right now.</p>
      {props.sentence && <p>{props.sentence}</p>}
      {props.openingHours.length > 0 && (
        <>
          <h2>When you can chat</h2>
          <ul>
            {props.openingHours.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <YoungPersonHelpNow />
      <h2>Other things you can do now</h2>
      <ul>
        <li>
          <Link to={webPaths.onlineMessages}>Send us a message</Link>. A counsellor will reply when we are
          open.
        </li>
        <li>
          <Link to={webPaths.selfHelp}>Read self-help</Link> about things like worry, sleep and friends.
        </li>
      </ul>
    </>
  );
}
