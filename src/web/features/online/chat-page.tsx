import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { MyChat } from '../../../contracts/online-chats-api.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { useCrisisServices } from '../../components/help-now.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { YoungPersonHelpNow } from './account-help-now.js';
import { problemText } from './chat-api.js';
import { ChatConversation } from './chat-conversation.js';
import { ChatEnded } from './chat-feedback.js';
import { mergeMessages, shownMessages } from './chat-view.js';
import { ChatClosed, ChatWaiting } from './chat-waiting.js';
import { useYoungPersonChat } from './chat-young-person.js';
import { useOnlineStatus, useYoungPersonQuery } from './young-person-session.js';

/**
 * A young person's drop-in chat (phone first): closed hours and help now; "Start a chat"; their
 * place in the queue and the honest wait; the conversation; then feedback and what to do next.
 */
export function ChatPage() {
  const me = useYoungPersonQuery();
  const isSignedIn = Boolean(me.data);
  const crisis = useCrisisServices();
  const status = useOnlineStatus();
  const live = useYoungPersonChat(isSignedIn);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  /** Set once they leave the queue, so the page says so plainly; cleared when they start again. */
  const [hasLeftQueue, setHasLeftQueue] = useState(false);

  async function act(work: () => Promise<void>, fallback: string) {
    setIsBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(problemText(caught, fallback));
    } finally {
      setIsBusy(false);
    }
  }

  if (me.isPending || (isSignedIn && (live.current.isPending || live.isLoadingFinished))) {
    return <Frame title="Chat to a counsellor">{<p aria-live="polite">Loading…</p>}</Frame>;
  }
  if (!isSignedIn) {
    return (
      <Frame title="Chat to a counsellor">
        <p>To chat to a counsellor you need to sign in. It is free and you do not need to give your name.</p>
        <div className="nhsuk-button-group">
          <Link className="nhsuk-button" to={webPaths.onlineSignIn}>
            Sign in
          </Link>
          <Link className="nhsuk-button nhsuk-button--secondary" to={webPaths.onlineSignUp}>
            Make an account
          </Link>
        </div>
        <YoungPersonHelpNow />
      </Frame>
    );
  }

  const errorBox = error && (
    <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
      <div className="nhsuk-error-summary__body">
        <p>{error}</p>
      </div>
    </div>
  );
  const { chat, finished } = live;

  if (chat?.status === 'waiting') {
    return (
      <Frame title="You are waiting for a counsellor">
        {errorBox}
        <ChatWaiting
          place={chat.placeInQueue}
          estimate={chat.estimate?.sentence ?? null}
          isLeaving={isBusy}
          crisis={crisis}
          onLeave={() =>
            act(async () => {
              await live.leave(chat);
              setHasLeftQueue(true);
            }, 'We could not take you out of the queue. Try again.')
          }
        />
      </Frame>
    );
  }

  if (chat?.status === 'active') {
    return (
      <Frame title={`Chat with ${chat.counsellorLabel ?? 'a counsellor'}`}>
        {errorBox}
        <ActiveChat
          chat={chat}
          live={live}
          isBusy={isBusy}
          onEnd={() => act(() => live.end(chat), 'We could not end the chat. Try again.')}
        />
      </Frame>
    );
  }

  if (finished) {
    return (
      <Frame title="Your chat has ended">
        <ChatConversation
          heading="What you talked about"
          messages={shownMessages(
            mergeMessages(finished.messages, live.conversation.messages),
            [],
            (m) => m.senderKind === 'young-person',
          )}
          isConnected={live.socket.isConnected}
          canSend={false}
          onSend={() => undefined}
        />
        <ChatEnded
          endedBy={readEndedBy(finished.endedBy)}
          hasGivenFeedback={!finished.canGiveFeedback}
          onFeedback={(rating, comment) => live.feedback(finished.id, rating, comment)}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={live.startAgain}>
          Start a new chat
        </button>
      </Frame>
    );
  }

  const isOpen = live.current.data?.isOpenNow ?? status.data?.isOpen ?? false;
  if (!isOpen) {
    return (
      <Frame title="Chat to a counsellor">
        {hasLeftQueue && <LeftQueueNotice isOpen={false} />}
        <ChatClosed
          // "We're closed. We open today at 6pm." first; the list of hours follows it anyway.
          sentence={status.data?.sentence ?? live.current.data?.openingSentence ?? null}
          openingHours={status.data?.hours ?? []}
        />
      </Frame>
    );
  }

  return (
    <Frame title="Chat to a counsellor">
      {hasLeftQueue && <LeftQueueNotice isOpen />}
      {errorBox}
      <p>You can talk to a trained counsellor about anything that is worrying you.</p>
      <p>When you start a chat, you join a queue. We will tell you how long it might take.</p>
      {live.current.data?.openingSentence && <p>{live.current.data.openingSentence}</p>}
      <button
        className="nhsuk-button"
        type="button"
        disabled={isBusy}
        onClick={() =>
          act(async () => {
            setHasLeftQueue(false);
            await live.start();
          }, 'We could not start your chat. Try again.')
        }
      >
        Start a chat
      </button>
      <YoungPersonHelpNow />
    </Frame>
  );
}

/** Says plainly that they have left the queue and how to come back; takes focus when it appears. */
function LeftQueueNotice({ isOpen }: { isOpen: boolean }) {
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => banner.current?.focus(), []);
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      role="alert"
      aria-labelledby="left-queue-title"
      tabIndex={-1}
      ref={banner}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="left-queue-title">
          Done
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">You have left the queue.</p>
        <p>
          {isOpen
            ? 'To talk to a counsellor, press Start a chat again. You will join the back of the queue.'
            : 'To talk to a counsellor, come back to this page when we are open and start a chat.'}{' '}
          Or <Link to={webPaths.onlineMessages}>send us a message</Link> and a counsellor will reply later.
        </p>
      </div>
    </div>
  );
}

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <BackLink to={webPaths.onlineSpace}>Your space</BackLink>
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  );
}

function ActiveChat(props: {
  chat: MyChat;
  live: ReturnType<typeof useYoungPersonChat>;
  isBusy: boolean;
  onEnd: () => void;
}) {
  const { conversation, socket } = props.live;
  return (
    <>
      <p>
        You are talking to {props.chat.counsellorLabel ?? 'a counsellor'}. If you are in danger right now,
        call <a href="tel:999">999</a> or <Link to={webPaths.helpNow}>get help now</Link>.
      </p>
      {conversation.refused && (
        <p className="nhsuk-error-message" role="alert">
          {conversation.refused}
        </p>
      )}
      <ChatConversation
        heading={`Your chat with ${props.chat.counsellorLabel ?? 'your counsellor'}`}
        messages={shownMessages(
          conversation.messages,
          conversation.pending,
          (m) => m.senderKind === 'young-person',
        )}
        isConnected={socket.isConnected}
        canSend
        onSend={conversation.send}
      />
      <h2 className="nhsuk-heading-s">Finished?</h2>
      <button
        className="nhsuk-button nhsuk-button--secondary"
        type="button"
        disabled={props.isBusy}
        onClick={props.onEnd}
      >
        End the chat
      </button>
    </>
  );
}

function readEndedBy(value: string | null): 'young-person' | 'counsellor' | 'system' | null {
  return value === 'young-person' || value === 'counsellor' || value === 'system' ? value : null;
}
