import websocket from '@fastify/websocket';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChatDetail,
  ChatFeedbackInput,
  ChatIdParams,
  CounsellorQueue,
  CurrentChat,
  EndChatInput,
  MyChat,
  TakeChatInput,
  TakenChat,
} from '../../contracts/online-chats-api.js';
import { currentChat } from '../../services/online/chat-current.js';
import { getChat } from '../../services/online/chat-detail.js';
import { giveChatFeedback } from '../../services/online/chat-feedback.js';
import { counsellorQueue } from '../../services/online/counsellor-queue.js';
import { endChat } from '../../services/online/end-chat.js';
import { joinQueue, leaveChat } from '../../services/online/join-queue.js';
import { takeChat } from '../../services/online/take-chat.js';
import { createSessionSweep } from '../realtime/session-sweep.js';
import { authoriseSocket, handleChatSocket } from '../realtime/socket.js';
import { expectedVersion, IdempotencyKey, IfMatch, withEtag } from './headers.js';
import { errors } from './mhst.routes.js';
import type { OnlineRouteOptions } from './online-route-options.js';
import { eitherSessionOperation, signedInOperation, youngPersonOperation } from './security.js';

/** Drop-in and booked chats: the queue, taking a chat, ending it, feedback; the chat socket. */
export const onlineChatRoutes: FastifyPluginAsyncZod<OnlineRouteOptions> = async (app, options) => {
  const deps = { db: options.db, hub: options.hub };
  const tags = ['online support: chat'];
  const young = (summary: string) => ({ summary, tags, ...youngPersonOperation });
  const staff = (summary: string) => ({ summary, tags, ...signedInOperation });
  // Either cookie will do; the cast widens the union security.ts infers to OpenAPI's shape.
  const eitherSecurity = eitherSessionOperation.security as unknown as Record<string, string[]>[];
  const either = (summary: string) => ({ summary, tags, security: eitherSecurity });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/online/chats/current',
    {
      schema: {
        ...young('Your waiting or active chat, your place in the queue and the wait'),
        response: { 200: CurrentChat, ...errors },
      },
    },
    (request) => currentChat(request.ctx, deps),
  );
  app.post(
    '/api/online/chats',
    {
      config: { idempotent: true },
      schema: {
        ...young('Join the drop-in queue (or get the chat you already have); 409 while chat is closed'),
        headers: IdempotencyKey,
        response: { 200: MyChat, ...errors },
      },
    },
    (request, reply) => withEtag(reply, joinQueue(request.ctx, deps)),
  );
  app.post(
    '/api/online/chats/:chatId/leave',
    {
      schema: {
        ...young('Leave the queue, or end your chat'),
        params: ChatIdParams,
        headers: IfMatch,
        response: { 200: MyChat, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        leaveChat(request.ctx, deps, request.params.chatId, expectedVersion(request.headers['if-match'])),
      ),
  );
  app.post(
    '/api/online/chats/:chatId/feedback',
    {
      schema: {
        ...young('Say how the chat went (1 to 5, once, after it ended)'),
        params: ChatIdParams,
        body: ChatFeedbackInput,
        response: { 200: MyChat, ...errors },
      },
    },
    (request) => giveChatFeedback(request.ctx, deps, request.params.chatId, request.body),
  );
  app.get(
    '/api/online/chats/:chatId',
    {
      schema: {
        ...either('A chat and its messages: for its young person, its counsellor or a duty senior'),
        params: ChatIdParams,
        response: { 200: ChatDetail, ...errors },
      },
    },
    (request, reply) => withEtag(reply, getChat(request.ctx, deps, request.params.chatId)),
  );
  app.post(
    '/api/online/chats/:chatId/end',
    {
      schema: {
        ...either('End a chat: counsellors need a risk assessment and write a note for next time'),
        params: ChatIdParams,
        headers: IfMatch,
        body: EndChatInput,
        response: { 200: ChatDetail, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        endChat(
          request.ctx,
          deps,
          request.params.chatId,
          expectedVersion(request.headers['if-match']),
          request.body ?? {},
        ),
      ),
  );
  app.get(
    '/api/online/queue',
    {
      schema: {
        ...staff('The drop-in queue, your chats and your booked chats waiting'),
        response: { 200: CounsellorQueue, ...errors },
      },
    },
    (request) => counsellorQueue(request.ctx, deps),
  );
  app.post(
    '/api/online/queue/take',
    {
      schema: {
        ...staff('Take the next young person waiting, or the chat named; 409 at your chat limit'),
        body: TakeChatInput,
        response: { 200: TakenChat, ...errors },
      },
    },
    (request) => takeChat(request.ctx, deps, request.body ?? {}),
  );

  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  // One sweep re-checks every open socket's session; stopped (its last sweep done) before the database closes.
  const sessionSweep = createSessionSweep({ db: options.db, now: options.now, log: app.log });
  app.addHook('onClose', () => sessionSweep.stop());
  // An upgrade refused before the route (401, 403) leaves its raw socket open: end it once answered.
  app.addHook('onResponse', async (request) => {
    if (request.headers.upgrade && request.routeOptions.url === '/api/online/socket')
      request.raw.socket.destroy();
  });
  app.get(
    '/api/online/socket',
    {
      websocket: true,
      preValidation: (request) => authoriseSocket(request),
      schema: { ...either('The chat socket (WebSocket); frames in contracts/online-chat.ts') },
    },
    (socket, request) =>
      handleChatSocket(socket, request, { ...deps, onlineCookie: options.onlineCookie, sessionSweep }),
  );
};
