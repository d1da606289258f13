import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useParams } from 'react-router';
import type { ChatDetail } from '../../../contracts/online-chats-api.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { chatPaths, getJson } from './chat-api.js';
import { ChatConversation } from './chat-conversation.js';
import { EndChatForm } from './chat-end-form.js';
import { useChatEvents, useChatMessages, useChatSocket } from './chat-live.js';
import { mergeMessages, shownMessages } from './chat-view.js';
import { YoungPersonFacts } from './queue-parts.js';
import { RiskPanel } from './risk-panel.js';
import './chat.css';

const isStaffMessage = (message: { senderKind: string }) =>
  message.senderKind === 'counsellor' || message.senderKind === 'duty-senior';

/**
 * A counsellor's chat with one young person: the conversation with risk phrases marked, the send
 * form, what they may know about the young person, the risk panel, and "End chat" with a summary
 * note (the server refuses it until a risk assessment is recorded).
 */
export function CounsellorChatPage() {
  const { chatId = '' } = useParams();
  const { allowed, gate, userId } = useStaffAccess('online:counsel', 'see online support chats');
  const detail = useQuery({
    queryKey: ['online', 'chat', chatId],
    queryFn: ({ signal }) => getJson<ChatDetail>(chatPaths.chat(chatId), signal),
    enabled: allowed && chatId !== '',
  });
  const socket = useChatSocket(allowed, userId && `staff:${userId}`);
  const conversation = useChatMessages(socket.connection, allowed ? chatId : null);
  useChatEvents(socket.connection, {
    onChatChanged: (frame) => {
      if (frame.chatId === chatId) void detail.refetch();
    },
  });
  // The risk panel saves through its own queries: when they change, read the chat again, so the
  // end form knows whether a risk assessment is recorded.
  const client = useQueryClient();
  const { refetch } = detail;
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        const [area, kind, id] = event.query.queryKey as unknown[];
        const isRisk = area === 'online' && kind === 'risk' && id === chatId;
        if (isRisk && event.type === 'updated' && event.action.type === 'success') void refetch();
      }),
    [client, chatId, refetch],
  );
  const stored = detail.data?.messages;
  const messages = useMemo(
    () => mergeMessages(stored ?? [], conversation.messages),
    [stored, conversation.messages],
  );
  if (gate) return gate;
  if (detail.isPending) return <p aria-live="polite">Loading…</p>;
  if (detail.isError) return <LoadError error={detail.error} />;

  const chat = detail.data;
  const who = chat.youngPerson?.username ?? 'a young person';
  const isActive = chat.status === 'active';
  const title = `Chat with ${who}`;
  return (
    <>
      <PageTitle title={title} />
      <BackLink to={webPaths.counsellorQueue}>Online support queue</BackLink>
      <h1>{title}</h1>
      <p>
        {isActive
          ? chat.isMine
            ? 'This chat is open.'
            : 'This chat is open with another counsellor. You can read it.'
          : chat.status === 'ended'
            ? 'This chat has ended.'
            : 'This chat has not started.'}
      </p>
      <div className="lantern-chat-layout">
        <div>
          {conversation.refused && (
            <p className="nhsuk-error-message" role="alert">
              {conversation.refused}
            </p>
          )}
          <ChatConversation
            heading={`Conversation with ${who}`}
            messages={shownMessages(messages, conversation.pending, isStaffMessage)}
            isConnected={socket.isConnected}
            canSend={isActive && chat.isMine}
            onSend={conversation.send}
            showRisk
            isStaffSide
          />
        </div>
        <div>
          {chat.youngPerson && (
            <section aria-labelledby="about-heading">
              <h2 id="about-heading" className="nhsuk-heading-s">
                About {chat.youngPerson.username}
              </h2>
              <YoungPersonFacts card={chat.youngPerson} />
            </section>
          )}
          <RiskPanel chatId={chat.id} />
          {isActive && chat.isMine && (
            <EndChatForm
              chat={chat}
              onEnded={() => {
                // The queue's cached "chats open" would still count this chat: drop it, so the
                // queue page loads afresh rather than showing it for a moment.
                client.removeQueries({ queryKey: ['online', 'queue'] });
                void detail.refetch();
              }}
              onStale={() => void detail.refetch()}
            />
          )}
          {chat.status === 'ended' && chat.summaryNote && (
            <section aria-labelledby="summary-heading">
              <h2 id="summary-heading" className="nhsuk-heading-s">
                Summary note
              </h2>
              <p className="lantern-chat__body">{chat.summaryNote}</p>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
