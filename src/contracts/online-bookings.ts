import { z } from 'zod';
import { RiskMatch } from './online-chat.js';

// Booked chats with a named counsellor, asynchronous messages between chats, and the counsellor's
// view of one young person (ADR 0021). Young people's answers say things in plain words.

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be a date and time' });

export const MAX_MESSAGE_LENGTH = 4000;
export const bookingLengths = [30, 50] as const;

export const AccountParams = z.object({ accountId: z.uuid('must be a young person’s account id') });
export const BookingParams = z.object({ bookingId: z.uuid('must be a booking id') });

export const BookSessionInput = z.object({
  startsAt: isoDateTime,
  minutes: z
    .number()
    .int()
    .refine((m) => (bookingLengths as readonly number[]).includes(m), 'must be 30 or 50 minutes')
    .default(50),
  /** Who the chat is with; left out, the counsellor booking it. */
  counsellorUserId: z.uuid('must be a counsellor’s user id').optional(),
});
export type BookSessionInput = z.input<typeof BookSessionInput>;

/** booked, started (chat opened), missed (not started 15 minutes after), or cancelled. */
export const bookingShownStatuses = ['booked', 'started', 'missed', 'cancelled'] as const;
export type BookingShownStatus = (typeof bookingShownStatuses)[number];

/** A booking as the young person sees it. */
export const YoungPersonBooking = z.object({
  id: z.string(),
  startsAt: z.string(),
  minutes: z.number().int(),
  /** "Today at 6:30pm", "Tuesday 8 December at 6:30pm". */
  when: z.string(),
  counsellorFirstName: z.string(),
  status: z.enum(bookingShownStatuses),
  canStart: z.boolean(),
  canCancel: z.boolean(),
  /** The booked chat, once started. */
  chatId: z.string().nullable(),
  version: z.number().int(),
});
export type YoungPersonBooking = z.infer<typeof YoungPersonBooking>;
export const YoungPersonBookings = z.object({ items: z.array(YoungPersonBooking) });
export type YoungPersonBookings = z.infer<typeof YoungPersonBookings>;

/** A booking as staff see it. */
export const StaffBooking = z.object({
  id: z.string(),
  accountId: z.string(),
  username: z.string(),
  counsellorUserId: z.string(),
  counsellorName: z.string(),
  startsAt: z.string(),
  minutes: z.number().int(),
  when: z.string(),
  status: z.enum(bookingShownStatuses),
  chatId: z.string().nullable(),
  chatStatus: z.string().nullable(),
  version: z.number().int(),
});
export type StaffBooking = z.infer<typeof StaffBooking>;
export const StaffBookings = z.object({ items: z.array(StaffBooking) });
export type StaffBookings = z.infer<typeof StaffBookings>;

export const BookingSaved = z.object({ id: z.string(), version: z.number().int(), when: z.string() });
export type BookingSaved = z.infer<typeof BookingSaved>;
export const BookedChatStarted = z.object({ chatId: z.string() });
export type BookedChatStarted = z.infer<typeof BookedChatStarted>;

export const SendMessageInput = z.object({
  body: z
    .string()
    .trim()
    .min(1, 'write your message')
    .max(MAX_MESSAGE_LENGTH, `must be ${MAX_MESSAGE_LENGTH} characters or fewer`),
});
export type SendMessageInput = z.infer<typeof SendMessageInput>;

export const messageDirections = ['from-young-person', 'to-young-person'] as const;

export const ThreadMessage = z.object({
  id: z.string(),
  direction: z.enum(messageDirections),
  /** "You", "Counsellor Sam" for the young person; the username or the counsellor's name for staff. */
  senderLabel: z.string(),
  body: z.string(),
  sentAt: z.string(),
  /** Whether the other side has read it. */
  isReadByOtherSide: z.boolean(),
  /** Only ever sent to staff. */
  riskMatches: z.array(RiskMatch).optional(),
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;

/** The young person's message thread with the service. */
export const YoungPersonThread = z.object({
  messages: z.array(ThreadMessage),
  /** "We usually reply within 1 day." */
  replyExpectation: z.string(),
  /** When counsellors are around, in plain lines. */
  openingHours: z.array(z.string()),
  isWaitingForReply: z.boolean(),
});
export type YoungPersonThread = z.infer<typeof YoungPersonThread>;

export const StaffThread = z.object({
  accountId: z.string(),
  username: z.string(),
  messages: z.array(ThreadMessage),
  isWaitingForReply: z.boolean(),
});
export type StaffThread = z.infer<typeof StaffThread>;

export const MessageSaved = z.object({ id: z.string(), sentAt: z.string() });
export type MessageSaved = z.infer<typeof MessageSaved>;

export const InboxThread = z.object({
  accountId: z.string(),
  username: z.string(),
  waitingSince: z.string(),
  waitingMessages: z.number().int(),
  hasRiskPhrase: z.boolean(),
  isRead: z.boolean(),
});
export type InboxThread = z.infer<typeof InboxThread>;
export const Inbox = z.object({ items: z.array(InboxThread) });
export type Inbox = z.infer<typeof Inbox>;

export const riskLevels = ['none-identified', 'low', 'medium', 'high'] as const;

export const PreviousChat = z.object({
  chatId: z.string(),
  kind: z.string(),
  startedAt: z.string(),
  counsellorName: z.string().nullable(),
  minutes: z.number().int().nullable(),
  summaryNote: z.string().nullable(),
  riskLevel: z.string().nullable(),
});
export type PreviousChat = z.infer<typeof PreviousChat>;

/** The counsellor's view of one young person: never their journal. */
export const YoungPersonOverview = z.object({
  accountId: z.string(),
  username: z.string(),
  ageNow: z.number().int(),
  gender: z.string(),
  schoolOrArea: z.string().nullable(),
  signedUpAt: z.string(),
  chats: z.array(PreviousChat),
  bookings: z.array(StaffBooking),
  thread: StaffThread,
  moods: z.object({
    recent: z.array(
      z.object({ mood: z.number().int(), note: z.string().nullable(), recordedAt: z.string() }),
    ),
    /** Average of the last 30 days, one decimal place; null with none. */
    average30Days: z.number().nullable(),
  }),
  goals: z.array(
    z.object({
      id: z.string(),
      goal: z.string(),
      setAt: z.string(),
      closedAs: z.string().nullable(),
      latestRating: z.number().int().nullable(),
      firstRating: z.number().int().nullable(),
    }),
  ),
  /** Counsellors of the organisation a session can be booked with. */
  counsellors: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type YoungPersonOverview = z.infer<typeof YoungPersonOverview>;
