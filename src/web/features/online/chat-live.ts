import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessage, ServerFrame } from '../../../contracts/online-chat.js';
import {
  type ChatConnection,
  type ConnectionStatus,
  createChatConnection,
  type OutboxEntry,
  socketUrl,
} from './chat-connection.js';
import { sessionOutboxStore } from './chat-outbox-store.js';
import { mergeMessages, type PendingMessage } from './chat-view.js';

// React hooks over the chat socket's client (chat-connection.ts): one socket per page, opened when
// the page needs it and closed when it goes.

type ChatChanged = Extract<ServerFrame, { type: 'chat-changed' }>;

/**
 * The page's chat socket, with its status; null until opened (or when `isEnabled` is false).
 * `owner` names whose unacknowledged messages it keeps across a reload (`chat-outbox-store.ts`).
 */
export function useChatSocket(isEnabled: boolean, owner: string | null) {
  const [connection, setConnection] = useState<ChatConnection | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  useEffect(() => {
    if (!isEnabled || !owner) return;
    const made = createChatConnection({
      url: socketUrl(window.location),
      WebSocket: window.WebSocket,
      outboxStore: sessionOutboxStore(window.sessionStorage, owner),
    });
    setConnection(made);
    setStatus(made.status());
    const off = made.on('status', setStatus);
    return () => {
      off();
      made.close();
      setConnection(null);
    };
  }, [isEnabled, owner]);
  return { connection, status, isConnected: status === 'open' };
}

/** Calls `onChange` whenever the server says the queue or a chat changed (to refetch). */
export function useChatEvents(
  connection: ChatConnection | null,
  handlers: { onQueueChanged?: () => void; onChatChanged?: (frame: ChatChanged) => void },
  watchQueue = false,
) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!connection) return;
    if (watchQueue) connection.watch('queue');
    const offQueue = connection.on('queue-changed', () => latest.current.onQueueChanged?.());
    const offChat = connection.on('chat-changed', (frame) => latest.current.onChatChanged?.(frame));
    // A reconnect may have missed a change: refetch once the socket is back.
    const offStatus = connection.on('status', (next) => {
      if (next !== 'open') return;
      latest.current.onQueueChanged?.();
    });
    return () => {
      offQueue();
      offChat();
      offStatus();
    };
  }, [connection, watchQueue]);
}

/**
 * One chat's conversation: every stored message once and in order (the connection resumes after
 * the last one it holds on each reconnect), and ours still waiting for the server's
 * acknowledgement. `send` queues a message; the connection resends it until stored.
 */
export function useChatMessages(connection: ChatConnection | null, chatId: string | null) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [refused, setRefused] = useState<string | null>(null);

  useEffect(() => {
    setMessages([]);
    setPending([]);
    if (!connection || !chatId) return;
    const readPending = () => setPending(connection.pending(chatId).map(toPending));
    const offMessage = connection.on('message', (message) => {
      if (message.chatId !== chatId) return;
      setMessages((held) => mergeMessages(held, [message]));
      readPending();
    });
    const offAck = connection.on('ack', (ack) => {
      if (ack.chatId === chatId) readPending();
    });
    const offError = connection.on('error', (frame) => {
      if (frame.chatId && frame.chatId !== chatId) return;
      if (frame.clientMessageId) setRefused(frame.detail);
      readPending();
    });
    connection.follow(chatId, 0);
    // Messages still waiting from before a reload show as sending straight away.
    readPending();
    return () => {
      offMessage();
      offAck();
      offError();
      connection.unfollow(chatId);
    };
  }, [connection, chatId]);

  const send = useCallback(
    (body: string) => {
      if (!connection || !chatId) return;
      setRefused(null);
      connection.send(chatId, body);
      setPending(connection.pending(chatId).map(toPending));
    },
    [connection, chatId],
  );

  return { messages, pending, send, refused };
}

function toPending(entry: OutboxEntry): PendingMessage {
  return { clientMessageId: entry.clientMessageId, body: entry.body };
}
