import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CounsellorQueue, TakenChat } from '../../../contracts/online-chats-api.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { chatPaths, getJson, problemText, staffCreate } from './chat-api.js';
import { useChatEvents, useChatSocket } from './chat-live.js';
import { chatPath, MyChats, WaitingList } from './queue-parts.js';
import './chat.css';

/**
 * The counsellor's queue: young people waiting for a drop-in chat (longest first), "Take the next
 * young person", their own open chats against the service's limit, and booked chats waiting for
 * them. Refreshes live when the queue changes.
 */
export function CounsellorQueuePage() {
  const { allowed, gate, userId } = useStaffAccess('online:counsel', 'see the online support queue');
  const navigate = useNavigate();
  const queue = useQuery({
    queryKey: ['online', 'queue'],
    queryFn: ({ signal }) => getJson<CounsellorQueue>(chatPaths.queue, signal),
    enabled: allowed,
    // A safety net under the socket: the waiting times stay honest if a change is missed.
    refetchInterval: 60_000,
  });
  const socket = useChatSocket(allowed, userId && `staff:${userId}`);
  useChatEvents(
    socket.connection,
    { onQueueChanged: () => void queue.refetch(), onChatChanged: () => void queue.refetch() },
    true,
  );
  const [error, setError] = useState<string | null>(null);
  const [isTaking, setIsTaking] = useState(false);
  if (gate) return gate;

  async function take(chatId?: string) {
    setIsTaking(true);
    setError(null);
    try {
      const taken = await staffCreate<TakenChat>(chatPaths.take, chatId ? { chatId } : {});
      navigate(chatPath(taken.chatId));
    } catch (caught) {
      setError(problemText(caught, 'We could not take that chat. Try again.'));
      void queue.refetch();
    } finally {
      setIsTaking(false);
    }
  }

  const data = queue.data;
  const isFull = data ? data.mine.length >= data.chatLimit : true;
  return (
    <>
      <PageTitle title="Online support queue" />
      <BackLink to={webPaths.staffHome}>Staff home</BackLink>
      <h1>Online support queue</h1>
      {!socket.isConnected && (
        <p className="lantern-chat__reconnecting" role="status">
          Reconnecting… The queue may be out of date until we are back.
        </p>
      )}
      {error && (
        <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
          <div className="nhsuk-error-summary__body">
            <p>{error}</p>
          </div>
        </div>
      )}
      {queue.isPending ? (
        <p aria-live="polite">Loading…</p>
      ) : queue.isError ? (
        <LoadError error={queue.error} />
      ) : (
        data && (
          <>
            <section aria-labelledby="mine-heading">
              <h2 id="mine-heading">Your chats</h2>
              <MyChats queue={data} />
              <button
                className="nhsuk-button"
                type="button"
                disabled={isTaking || isFull || data.waiting.length === 0}
                onClick={() => take()}
              >
                Take the next young person
              </button>
              {isFull && (
                <p className="nhsuk-body-s">
                  You have as many chats as you can hold. End one before you take another.
                </p>
              )}
            </section>
            {data.booked.length > 0 && (
              <section aria-labelledby="booked-heading">
                <h2 id="booked-heading">Booked chats waiting for you</h2>
                <ul className="nhsuk-list">
                  {data.booked.map((booked) => (
                    <li key={booked.chatId}>
                      <button
                        className="nhsuk-button nhsuk-button--secondary"
                        type="button"
                        disabled={isTaking}
                        onClick={() => take(booked.chatId)}
                      >
                        Start the booked chat with {booked.username}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section aria-labelledby="waiting-heading">
              <h2 id="waiting-heading">Waiting for a chat ({data.waiting.length})</h2>
              <p>Someone joining the queue now is told: “{data.estimate.sentence}”</p>
              <WaitingList waiting={data.waiting} now={queue.dataUpdatedAt} />
            </section>
          </>
        )
      )}
    </>
  );
}
