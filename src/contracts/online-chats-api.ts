import { z } from 'zod';
import { ChatMessage, chatStatuses } from './online-chat.js';

// The chat REST API (ADR 0021): a young person joins the drop-in queue, waits, chats, leaves or
// ends, and says how it went; counsellors see the queue, take the next young person and end chats.
// Messages themselves travel over the socket (online-chat.ts); these routes give the state around them.
// Leaving and ending change a versioned chat: send `If-Match` with the chat's `version` (412 if stale).

export const ChatIdParams = z.object({ chatId: z.uuid() });

export const chatKinds = ['drop-in', 'booked'] as const;

/** An honest guess at the wait, or a plain "we can't tell yet". */
export const WaitEstimate = z.object({
  /** Null when there is too little to go on today. */
  minutes: z.object({ low: z.number().int().min(0), high: z.number().int().min(0) }).nullable(),
  /** For the young person, such as "About 10 to 20 minutes" or "We can't tell yet". */
  sentence: z.string(),
});
export type WaitEstimate = z.infer<typeof WaitEstimate>;

/** A chat as its young person sees it. */
export const MyChat = z.object({
  id: z.uuid(),
  kind: z.enum(chatKinds),
  status: z.enum(chatStatuses),
  version: z.number().int(),
  queuedAt: z.string(),
  takenAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** "Counsellor Sam" once a counsellor has taken the chat. */
  counsellorLabel: z.string().nullable(),
  /** 1 for next; null unless waiting for a drop-in chat. */
  placeInQueue: z.number().int().min(1).nullable(),
  estimate: WaitEstimate.nullable(),
  lastSeq: z.number().int().min(0),
  /** Ended, and no feedback given yet. */
  canGiveFeedback: z.boolean(),
});
export type MyChat = z.infer<typeof MyChat>;

export const CurrentChat = z.object({
  /** The young person's waiting or active chat, if any. */
  chat: MyChat.nullable(),
  isOpenNow: z.boolean(),
  /** "Our opening hours are Monday to Friday: 12pm to 10pm…", for when the service is closed. */
  openingSentence: z.string(),
});
export type CurrentChat = z.infer<typeof CurrentChat>;

export const JoinQueueInput = z.object({}).optional();

export const ChatFeedbackInput = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});
export type ChatFeedbackInput = z.infer<typeof ChatFeedbackInput>;

/** A counsellor ends with a short note for whoever sees this young person next; a young person needs none. */
export const EndChatInput = z.object({ summaryNote: z.string().trim().max(1000).optional() });
export type EndChatInput = z.infer<typeof EndChatInput>;

export const PreviousNote = z.object({ chatId: z.uuid(), endedAt: z.string().nullable(), note: z.string() });

/** What a counsellor knows about a young person: never more than they chose to share. */
export const YoungPersonCard = z.object({
  accountId: z.uuid(),
  username: z.string(),
  ageNow: z.number().int(),
  gender: z.string(),
  genderDescription: z.string().nullable(),
  /** New: no chat taken before this one. */
  isReturning: z.boolean(),
  previousNotes: z.array(PreviousNote),
});
export type YoungPersonCard = z.infer<typeof YoungPersonCard>;

/** A chat and its messages, for its young person, its counsellor or a duty senior. */
export const ChatDetail = z.object({
  id: z.uuid(),
  kind: z.enum(chatKinds),
  status: z.enum(chatStatuses),
  version: z.number().int(),
  queuedAt: z.string(),
  takenAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endedBy: z.string().nullable(),
  counsellorLabel: z.string().nullable(),
  /** Whether the person asking holds this chat (they can send in it). */
  isMine: z.boolean(),
  lastSeq: z.number().int().min(0),
  messages: z.array(ChatMessage),
  /** Staff only. */
  youngPerson: YoungPersonCard.nullable(),
  hasRiskAssessment: z.boolean().nullable(),
  summaryNote: z.string().nullable(),
  /** For the young person: ended, and no feedback given yet. */
  canGiveFeedback: z.boolean(),
});
export type ChatDetail = z.infer<typeof ChatDetail>;

export const QueueEntry = YoungPersonCard.extend({
  chatId: z.uuid(),
  place: z.number().int().min(1),
  queuedAt: z.string(),
});

export const ActiveChatEntry = z.object({
  chatId: z.uuid(),
  kind: z.enum(chatKinds),
  accountId: z.uuid(),
  username: z.string(),
  takenAt: z.string().nullable(),
  lastSeq: z.number().int(),
  version: z.number().int(),
});

export const BookedChatEntry = z.object({
  chatId: z.uuid(),
  accountId: z.uuid(),
  username: z.string(),
  queuedAt: z.string(),
});

export const CounsellorQueue = z.object({
  waiting: z.array(QueueEntry),
  mine: z.array(ActiveChatEntry),
  booked: z.array(BookedChatEntry),
  chatLimit: z.number().int(),
  estimate: WaitEstimate,
});
export type CounsellorQueue = z.infer<typeof CounsellorQueue>;

/** Take the next young person in the queue, or the chat named (a booked chat, or someone you chose). */
export const TakeChatInput = z.object({ chatId: z.uuid().optional() });
export type TakeChatInput = z.infer<typeof TakeChatInput>;

export const TakenChat = z.object({ chatId: z.uuid(), accountId: z.uuid(), version: z.number().int() });
export type TakenChat = z.infer<typeof TakenChat>;
