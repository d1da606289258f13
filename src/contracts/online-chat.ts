import { z } from 'zod';

// The chat socket's language (ADR 0021), shared by the server, the web app and the benchmark.
// One socket per signed-in person at /api/online/socket; frames are JSON text.
//
// Delivery: every chat message is stored before it is sent, numbered 1, 2, 3… within its chat
// (`seq`). A client keeps the highest seq it has seen per chat and, on every (re)connect, sends
// `resume` with it: the server replies with every later message, in order, then live ones. A client
// sends each message with its own `clientMessageId` and resends it until acknowledged; the server
// stores it once, so a resend after a dropped connection is never a duplicate.

export const chatSenderKinds = ['young-person', 'counsellor', 'duty-senior', 'system'] as const;
export type ChatSenderKind = (typeof chatSenderKinds)[number];

export const chatStatuses = ['waiting', 'active', 'ended', 'left-queue'] as const;
export type ChatStatus = (typeof chatStatuses)[number];

export const MAX_CHAT_MESSAGE_LENGTH = 2000;

/** Client to server. */
export const ClientFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('resume'),
    chatId: z.uuid(),
    /** The highest seq this client already has for the chat; 0 for none. */
    afterSeq: z.number().int().min(0),
  }),
  z.object({
    type: z.literal('send'),
    chatId: z.uuid(),
    clientMessageId: z.string().min(8).max(64),
    body: z.string().trim().min(1).max(MAX_CHAT_MESSAGE_LENGTH),
  }),
  /** Counsellors and duty seniors: hear about the queue and the duty board. */
  z.object({ type: z.literal('watch'), what: z.enum(['queue', 'duty-board']) }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export const RiskMatch = z.object({ phraseId: z.string(), phrase: z.string(), category: z.string() });
export type RiskMatch = z.infer<typeof RiskMatch>;

export const ChatMessage = z.object({
  chatId: z.uuid(),
  seq: z.number().int().min(1),
  senderKind: z.enum(chatSenderKinds),
  /** "You", "Counsellor Sam", "Duty senior", or the young person's username (for staff). */
  senderLabel: z.string(),
  clientMessageId: z.string(),
  body: z.string(),
  sentAt: z.string(),
  /** Only ever sent to staff. */
  riskMatches: z.array(RiskMatch).optional(),
  /** The member of staff who sent it: only ever sent to staff. */
  senderUserId: z.uuid().nullable().optional(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** Server to client. */
export const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), message: ChatMessage }),
  /** A message from this client is stored (and has been, if this is a resend). */
  z.object({ type: z.literal('ack'), chatId: z.uuid(), clientMessageId: z.string(), seq: z.number() }),
  /** The chat changed: taken by a counsellor, someone joined, ended. Clients refetch its state. */
  z.object({ type: z.literal('chat-changed'), chatId: z.uuid(), status: z.enum(chatStatuses) }),
  /** The drop-in queue changed: waiting young people refetch their place, counsellors the queue. */
  z.object({ type: z.literal('queue-changed') }),
  /** The duty board changed: a new alert or escalation, or one acknowledged. */
  z.object({ type: z.literal('duty-board-changed') }),
  z.object({
    type: z.literal('error'),
    chatId: z.uuid().optional(),
    clientMessageId: z.string().optional(),
    detail: z.string(),
  }),
  z.object({ type: z.literal('pong') }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
