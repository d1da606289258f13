import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatDetail, CurrentChat, MyChat } from '../../../contracts/online-chats-api.js';
import { chatPaths, getJson, ifMatch, newIdempotencyKey } from './chat-api.js';
import { useChatEvents, useChatMessages, useChatSocket } from './chat-live.js';
import { useYoungPerson, youngPersonPost } from './young-person-session.js';

// The young person's chat, as one hook: their current chat (waiting or active) from the API, the
// chat they just finished (kept for the feedback form, also across a reload), and the socket.

const LAST_CHAT_KEY = 'lantern-online-last-chat';

function rememberedChat(): string | null {
  try {
    return window.sessionStorage.getItem(LAST_CHAT_KEY);
  } catch {
    return null;
  }
}

function remember(chatId: string | null) {
  try {
    if (chatId) window.sessionStorage.setItem(LAST_CHAT_KEY, chatId);
    else window.sessionStorage.removeItem(LAST_CHAT_KEY);
  } catch {
    // Private browsing without storage: the feedback form is lost on reload, nothing worse.
  }
}

export function useYoungPersonChat(isSignedIn: boolean) {
  const client = useQueryClient();
  const [finishedId, setFinishedId] = useState<string | null>(() => rememberedChat());
  const current = useQuery({
    queryKey: ['online', 'chat', 'current'],
    queryFn: ({ signal }) => getJson<CurrentChat>(chatPaths.current, signal),
    enabled: isSignedIn,
    // A safety net under the socket's queue-changed: the place in the queue never goes stale for long.
    refetchInterval: (query) => (query.state.data?.chat?.status === 'waiting' ? 30_000 : false),
  });
  const chat: MyChat | null = current.data?.chat ?? null;
  // A live chat wins; otherwise the one just finished, for its feedback form.
  const shownId = chat?.id ?? finishedId;
  const finished = useQuery({
    queryKey: ['online', 'chat', finishedId],
    queryFn: ({ signal }) => getJson<ChatDetail>(chatPaths.chat(finishedId ?? ''), signal),
    enabled: isSignedIn && finishedId !== null && chat === null,
  });

  const me = useYoungPerson();
  const socket = useChatSocket(isSignedIn, me ? `young-person:${me.username}` : null);
  const conversation = useChatMessages(socket.connection, shownId);
  const refresh = useCallback(() => {
    void client.invalidateQueries({ queryKey: ['online', 'chat'] });
  }, [client]);

  useChatEvents(socket.connection, { onQueueChanged: refresh, onChatChanged: refresh });

  // When the live chat goes (ended by either side), keep it as the finished one for the feedback
  // form. One that was only left in the queue is dropped again below, as it has no feedback.
  const lastActive = useRef<string | null>(null);
  useEffect(() => {
    if (chat?.status === 'active') lastActive.current = chat.id;
    if (chat === null && lastActive.current && current.isSuccess) {
      remember(lastActive.current);
      setFinishedId(lastActive.current);
      lastActive.current = null;
    }
  }, [chat, current.isSuccess]);

  // A finished chat with no feedback to give (or not found) is forgotten, so the start page shows.
  const finishedDetail = finished.data && finished.data.status === 'ended' ? finished.data : null;
  const isFinishedStale = finished.isError || (finished.data !== undefined && finishedDetail === null);
  useEffect(() => {
    if (!isFinishedStale) return;
    remember(null);
    setFinishedId(null);
  }, [isFinishedStale]);

  return {
    current,
    chat,
    finished: chat === null ? finishedDetail : null,
    isLoadingFinished: chat === null && finishedId !== null && finished.isPending,
    socket,
    conversation,
    async start() {
      remember(null);
      setFinishedId(null);
      const joined = await youngPersonPost<MyChat>(
        chatPaths.join,
        {},
        { 'idempotency-key': newIdempotencyKey() },
      );
      client.setQueryData<CurrentChat>(['online', 'chat', 'current'], (old) =>
        old ? { ...old, chat: joined } : old,
      );
      refresh();
    },
    async leave(target: MyChat) {
      await youngPersonPost(chatPaths.leave(target.id), {}, ifMatch(target.version));
      // Waits for the page to know they have gone, so "Yes, leave the queue" is not offered twice.
      await client.invalidateQueries({ queryKey: ['online', 'chat'] });
    },
    async end(target: MyChat) {
      // Leaving an active chat ends it (the young person needs no note or assessment).
      await youngPersonPost(chatPaths.leave(target.id), {}, ifMatch(target.version));
      remember(target.id);
      setFinishedId(target.id);
      refresh();
    },
    async feedback(chatId: string, rating: number, comment: string) {
      await youngPersonPost(chatPaths.feedback(chatId), comment ? { rating, comment } : { rating });
      refresh();
    },
    /** Back to the start, after the feedback. */
    startAgain() {
      remember(null);
      setFinishedId(null);
    },
  };
}
