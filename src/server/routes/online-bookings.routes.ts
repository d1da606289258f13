import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccountParams,
  BookedChatStarted,
  BookingParams,
  BookingSaved,
  BookSessionInput,
  Inbox,
  MessageSaved,
  SendMessageInput,
  StaffBookings,
  StaffThread,
  YoungPersonBooking,
  YoungPersonBookings,
  YoungPersonOverview,
  YoungPersonThread,
} from '../../contracts/online-bookings.js';
import { Problem } from '../../contracts/problem.js';
import { bookSession } from '../../services/online/book-session.js';
import { cancelBooking, startBookedChat } from '../../services/online/booking-change.js';
import { listCounsellorBookings, listMyBookings } from '../../services/online/booking-list.js';
import { messageInbox } from '../../services/online/message-inbox.js';
import { replyToYoungPerson, sendMessage } from '../../services/online/message-send.js';
import { myThread, youngPersonThread } from '../../services/online/message-thread.js';
import { youngPersonOverview } from '../../services/online/young-person-overview.js';
import { expectedVersion, IdempotencyKey, IfMatch, withEtag } from './headers.js';
import type { OnlineRouteOptions } from './online-route-options.js';
import { signedInOperation, youngPersonOperation } from './security.js';

const errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  412: Problem,
  422: Problem,
  428: Problem,
};

/** Booked sessions with a named counsellor, and asynchronous messages between chats. */
export const onlineBookingRoutes: FastifyPluginAsyncZod<OnlineRouteOptions> = async (app, { db, hub }) => {
  const deps = { db, hub };
  const op = (summary: string) => ({ summary, tags: ['online support'], ...signedInOperation });
  const young = (summary: string) => ({ summary, tags: ['online support'], ...youngPersonOperation });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  // The young person's side (online:use).
  app.get(
    '/api/online/bookings',
    {
      schema: {
        ...young('Your booked chats, coming ones first'),
        response: { 200: YoungPersonBookings, ...errors },
      },
    },
    (request) => listMyBookings(request.ctx, deps),
  );
  app.post(
    '/api/online/bookings/:bookingId/cancel',
    {
      schema: {
        ...young('Cancel your booked chat before it starts (If-Match: the booking version)'),
        params: BookingParams,
        headers: IfMatch,
        response: { 200: YoungPersonBooking, ...errors },
      },
    },
    (request, reply) =>
      withEtag(
        reply,
        cancelBooking(
          request.ctx,
          deps,
          request.params.bookingId,
          expectedVersion(request.headers['if-match']),
        ),
      ),
  );
  app.post(
    '/api/online/bookings/:bookingId/start',
    {
      config: { idempotent: true },
      schema: {
        ...young('Start your booked chat, from 10 minutes before it begins; answers with the chat'),
        params: BookingParams,
        headers: IdempotencyKey,
        response: { 200: BookedChatStarted, ...errors },
      },
    },
    (request) => startBookedChat(request.ctx, deps, request.params.bookingId),
  );
  app.get(
    '/api/online/messages',
    {
      schema: {
        ...young('Your messages with the service, and when to expect a reply'),
        response: { 200: YoungPersonThread, ...errors },
      },
    },
    (request) => myThread(request.ctx, deps),
  );
  app.post(
    '/api/online/messages',
    {
      config: { idempotent: true },
      schema: {
        ...young('Send the service a message between chats'),
        headers: IdempotencyKey,
        body: SendMessageInput,
        response: { 200: MessageSaved, ...errors },
      },
    },
    (request) => sendMessage(request.ctx, deps, request.body),
  );

  // The counsellor's side (online:counsel).
  app.get(
    '/api/online/my-bookings',
    {
      schema: {
        ...op('Your booked sessions from yesterday on'),
        response: { 200: StaffBookings, ...errors },
      },
    },
    (request) => listCounsellorBookings(request.ctx, deps),
  );
  app.get(
    '/api/online/inbox',
    {
      schema: {
        ...op('Message threads waiting for a reply, oldest first'),
        response: { 200: Inbox, ...errors },
      },
    },
    (request) => messageInbox(request.ctx, deps),
  );
  app.get(
    '/api/online/young-people/:accountId',
    {
      schema: {
        ...op(
          'One young person: chats, risk levels, bookings, messages, moods and goals (never the journal)',
        ),
        params: AccountParams,
        response: { 200: YoungPersonOverview, ...errors },
      },
    },
    (request) => youngPersonOverview(request.ctx, deps, request.params.accountId),
  );
  app.post(
    '/api/online/young-people/:accountId/bookings',
    {
      config: { idempotent: true },
      schema: {
        ...op('Book a session for a young person you have chatted with, with you or a named counsellor'),
        params: AccountParams,
        headers: IdempotencyKey,
        body: BookSessionInput,
        response: { 200: BookingSaved, ...errors },
      },
    },
    (request) => bookSession(request.ctx, deps, request.params.accountId, request.body),
  );
  app.get(
    '/api/online/young-people/:accountId/messages',
    {
      schema: {
        ...op('A young person’s message thread (marks it read)'),
        params: AccountParams,
        response: { 200: StaffThread, ...errors },
      },
    },
    (request) => youngPersonThread(request.ctx, deps, request.params.accountId),
  );
  app.post(
    '/api/online/young-people/:accountId/messages',
    {
      config: { idempotent: true },
      schema: {
        ...op('Reply to a young person’s messages'),
        params: AccountParams,
        headers: IdempotencyKey,
        body: SendMessageInput,
        response: { 200: MessageSaved, ...errors },
      },
    },
    (request) => replyToYoungPerson(request.ctx, deps, request.params.accountId, request.body),
  );
};
