import { randomUUID } from 'node:crypto';
import type { Permission } from '../../access/permissions.js';

// The online-chat routes' rows in the route table: what each needs, a body that passes validation for the
// permission matrix test, and how many access-log rows an allowed call writes. Routes a young person and
// staff share (reading or ending a chat, the socket) are listed with the staff permission; the young
// person's side (`online:use`) is tested in src/services/online/chat.int.test.ts.
export const permissions: Record<string, Permission | 'public'> = {
  'GET /api/online/chats/current': 'online:use',
  'POST /api/online/chats': 'online:use',
  'POST /api/online/chats/:chatId/leave': 'online:use',
  'POST /api/online/chats/:chatId/feedback': 'online:use',
  'GET /api/online/chats/:chatId': 'online:counsel',
  'POST /api/online/chats/:chatId/end': 'online:counsel',
  'GET /api/online/queue': 'online:counsel',
  'POST /api/online/queue/take': 'online:counsel',
  'GET /api/online/socket': 'online:counsel',
};
export const bodies: Record<string, object> = {
  'POST /api/online/chats/:chatId/feedback': { rating: 4 },
  'POST /api/online/chats/:chatId/end': { summaryNote: 'Talked about exams; coming back next week' },
  // A made-up chat: an allowed call answers 404 without taking anyone from the demo queue.
  'POST /api/online/queue/take': { chatId: randomUUID() },
};
export const rowsWhenAllowed: Record<string, number> = {
  'GET /api/online/queue': 1,
};
