import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { OpeningSession } from '../../domain/organisations/opening-hours.js';
import { users } from './identity.js';
import { organisations, schools } from './organisations.js';
import { referrals } from './referrals.js';

// Owned by the `online` area: online support for young people (ADR 0021). Accounts, chats,
// messages, risk and escalation, bookings and the young person's own self-help hold a child's data:
// forced row-level security (migration 0019). Services, risk phrases and articles do not.

/** One online support service: who it is for, when it is open, and how its duty of care runs. */
export const onlineServices = pgTable('online_services', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  /** Ages the service is for, inclusive (the source documents' service: 11 to 19). */
  minAge: integer('min_age').notNull().default(11),
  maxAge: integer('max_age').notNull().default(19),
  /** Opening sessions in Europe/London wall-clock time (ISO day 1 Monday to 7 Sunday). */
  openingHours: jsonb('opening_hours').$type<OpeningSession[]>().notNull(),
  /** How many chats one counsellor may hold at once. */
  chatLimit: integer('chat_limit').notNull().default(3),
  /** Minutes a duty senior has to acknowledge an alert before it escalates further. */
  alertAcknowledgeMinutes: integer('alert_acknowledge_minutes').notNull().default(5),
  /** Who hears when an alert is not acknowledged in time (a manager on call), by email. */
  furtherEscalationEmail: text('further_escalation_email'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A young person's anonymous account: a username they chose, no name. Age is kept as given at
 * sign-up (with the date), never a date of birth. Recovery details are optional.
 */
export const onlineAccounts = pgTable(
  'online_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => onlineServices.id),
    /** Copied from the service so row-level security can check it without a join. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    username: text('username').notNull(),
    /** Lower-cased username: unique, so "Sky" and "sky" are one name. */
    usernameKey: text('username_key').notNull(),
    /** argon2id. */
    passwordHash: text('password_hash').notNull(),
    ageAtSignUp: integer('age_at_sign_up').notNull(),
    /** `onlineGenders`: girl, boy, non-binary, self-described, prefer-not-to-say */
    gender: text('gender').notNull(),
    genderDescription: text('gender_description'),
    schoolUrn: integer('school_urn').references(() => schools.urn),
    /** A local authority or town, in their words, when they gave one instead of a school. */
    area: text('area'),
    /** `heardFromOptions`: school, friend, family, social-media, gp, search, other */
    heardFrom: text('heard_from').notNull(),
    recoveryEmail: text('recovery_email'),
    recoveryPhone: text('recovery_phone'),
    isActive: boolean('is_active').notNull().default(true),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('online_accounts_username_key').on(t.usernameKey),
    index('online_accounts_service_idx').on(t.serviceId, t.signedUpAt),
    check('online_accounts_age', sql`${t.ageAtSignUp} between 5 and 30`),
  ],
);

/** A young person's session: the cookie holds a random token; only its SHA-256 is stored. */
export const onlineSessions = pgTable(
  'online_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (t) => [index('online_sessions_account_idx').on(t.accountId)],
);

/**
 * A link to set a new password, sent to the recovery email or phone a young person chose to give.
 * Only the secret's SHA-256 is kept; the link works once, for a short time.
 */
export const onlineRecoveryLinks = pgTable(
  'online_recovery_links',
  {
    secretHash: text('secret_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    /** `email` or `phone`: where it went (never the address itself). */
    sentTo: text('sent_to').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('online_recovery_links_account_idx').on(t.accountId, t.createdAt)],
);

/** A booked session with a named counsellor. */
export const onlineBookings = pgTable(
  'online_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    counsellorUserId: uuid('counsellor_user_id')
      .notNull()
      .references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    minutes: integer('minutes').notNull().default(50),
    /** booked, cancelled-by-young-person, cancelled-by-service, attended, missed */
    status: text('status').notNull().default('booked'),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull(),
    /** The counsellor who booked it; null when the young person asked through a message. */
    bookedBy: uuid('booked_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('online_bookings_account_idx').on(t.accountId, t.startsAt),
    index('online_bookings_counsellor_idx').on(t.counsellorUserId, t.startsAt),
  ],
);

/** One chat: a drop-in from the queue, or a booked session. */
export const onlineChats = pgTable(
  'online_chats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => onlineServices.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    /** drop-in, booked */
    kind: text('kind').notNull(),
    bookingId: uuid('booking_id').references(() => onlineBookings.id),
    /** waiting, active, ended, left-queue */
    status: text('status').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    counsellorUserId: uuid('counsellor_user_id').references(() => users.id),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** young-person, counsellor, system */
    endedBy: text('ended_by'),
    /** The last message number used; the next message takes last_seq + 1 under a row lock. */
    lastSeq: integer('last_seq').notNull().default(0),
    /** 1 (not helpful) to 5 (very helpful), from the young person at the end. */
    feedbackRating: integer('feedback_rating'),
    feedbackComment: text('feedback_comment'),
    /** The counsellor's short note for next time, shown to whoever sees this young person next. */
    summaryNote: text('summary_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('online_chats_queue_idx').on(t.serviceId, t.status, t.queuedAt),
    index('online_chats_account_idx').on(t.accountId, t.queuedAt),
    index('online_chats_counsellor_idx').on(t.counsellorUserId, t.status),
    check('online_chats_rating', sql`${t.feedbackRating} between 1 and 5`),
  ],
);

/**
 * A chat message, stored before it is delivered. `seq` numbers a chat's messages 1, 2, 3… so a
 * client resumes after the last one it has; `client_message_id` makes a resend after a dropped
 * connection a no-op. Append-only.
 */
export const onlineChatMessages = pgTable(
  'online_chat_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chatId: uuid('chat_id')
      .notNull()
      .references(() => onlineChats.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    seq: integer('seq').notNull(),
    /** young-person, counsellor, duty-senior, system */
    senderKind: text('sender_kind').notNull(),
    senderUserId: uuid('sender_user_id').references(() => users.id),
    clientMessageId: text('client_message_id').notNull(),
    body: text('body').notNull(),
    /** Risk phrases this message matched, for the counsellor's highlight and the duty board. */
    riskMatches: jsonb('risk_matches').$type<{ phraseId: string; phrase: string; category: string }[]>(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('online_chat_messages_seq').on(t.chatId, t.seq),
    uniqueIndex('online_chat_messages_client').on(t.chatId, t.senderKind, t.clientMessageId),
  ],
);

/** A maintained list of phrases that suggest risk; a retired phrase stays for the record. */
export const riskPhrases = pgTable(
  'risk_phrases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    phrase: text('phrase').notNull(),
    /** `riskCategories`: suicide, self-harm, abuse, harm-to-others, exploitation, other */
    category: text('category').notNull(),
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    retiredBy: uuid('retired_by').references(() => users.id),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [index('risk_phrases_org_idx').on(t.organisationId)],
);

/** The counsellor's risk assessment, one for every chat (a correction is a new row). */
export const onlineRiskAssessments = pgTable(
  'online_risk_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chatId: uuid('chat_id')
      .notNull()
      .references(() => onlineChats.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    /** none-identified, low, medium, high */
    level: text('level').notNull(),
    notes: text('notes').notNull().default(''),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    invalidatedAt: timestamp('invalidated_at', { withTimezone: true }),
  },
  (t) => [index('online_risk_assessments_chat_idx').on(t.chatId)],
);

/**
 * An escalation when a young person is at risk: who they said they are (if they shared it), the
 * duty senior who took it, and the safeguarding referral made in the front door.
 */
export const onlineEscalations = pgTable(
  'online_escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chatId: uuid('chat_id')
      .notNull()
      .references(() => onlineChats.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    /** shared, declined, not-asked */
    identityShared: text('identity_shared').notNull(),
    givenName: text('given_name'),
    familyName: text('family_name'),
    dateOfBirth: date('date_of_birth'),
    postcode: text('postcode'),
    schoolName: text('school_name'),
    phone: text('phone'),
    /** Where they are now, in their words, when there is a risk to life. */
    location: text('location'),
    /** raised, duty-senior-joined, referred, closed */
    status: text('status').notNull().default('raised'),
    dutySeniorUserId: uuid('duty_senior_user_id').references(() => users.id),
    referralId: uuid('referral_id').references(() => referrals.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    outcome: text('outcome'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('online_escalations_chat_idx').on(t.chatId)],
);

/** Asynchronous messages between a young person and the service, between chats. Append-only. */
export const onlineMessages = pgTable(
  'online_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    /** from-young-person, to-young-person */
    direction: text('direction').notNull(),
    senderUserId: uuid('sender_user_id').references(() => users.id),
    body: text('body').notNull(),
    riskMatches: jsonb('risk_matches').$type<{ phraseId: string; phrase: string; category: string }[]>(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('online_messages_account_idx').on(t.accountId, t.sentAt)],
);

/**
 * An alert on the duty senior's board: a risk phrase in a chat or a message, or an escalation. Not acknowledged
 * by `acknowledge_by`, it escalates further (once).
 */
export const onlineAlerts = pgTable(
  'online_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => onlineServices.id),
    /** The chat, for a risk phrase in a chat or an escalation; null for an asynchronous message. */
    chatId: uuid('chat_id').references(() => onlineChats.id),
    /** The asynchronous message with the risk phrase, when there is no chat. */
    messageId: uuid('message_id').references(() => onlineMessages.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    /** risk-phrase, escalation */
    kind: text('kind').notNull(),
    escalationId: uuid('escalation_id').references(() => onlineEscalations.id),
    messageSeq: integer('message_seq'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    acknowledgeBy: timestamp('acknowledge_by', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    escalatedFurtherAt: timestamp('escalated_further_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('online_alerts_open_idx').on(t.serviceId, t.acknowledgeBy).where(sql`${t.acknowledgedAt} is null`),
  ],
);

/** When each side last read the message thread (one row per account and side). */
export const onlineMessageReads = pgTable(
  'online_message_reads',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    /** young-person, service */
    side: text('side').notNull(),
    readUpTo: timestamp('read_up_to', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('online_message_reads_key').on(t.accountId, t.side)],
);

/** Self-help articles written by the service and published only after a second person's review. */
export const selfHelpArticles = pgTable(
  'self_help_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => onlineServices.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Plain paragraphs separated by blank lines; no HTML. */
    body: text('body').notNull(),
    /** `articleTopics`: anxiety, low-mood, sleep, friendships, exams, self-harm, family, other */
    topic: text('topic').notNull(),
    /** draft, in-review, published, withdrawn */
    status: text('status').notNull().default('draft'),
    writtenBy: uuid('written_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewComment: text('review_comment'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('self_help_articles_slug').on(t.serviceId, t.slug)],
);

/** A young person's private journal: only they can read it. Hidden, never deleted. */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    body: text('body').notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
  },
  (t) => [index('journal_entries_account_idx').on(t.accountId, t.writtenAt)],
);

/** Mood tracker: how they feel, 1 (awful) to 5 (great), with an optional word about why. */
export const moodEntries = pgTable(
  'mood_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    mood: integer('mood').notNull(),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('mood_entries_account_idx').on(t.accountId, t.recordedAt),
    check('mood_entries_mood', sql`${t.mood} between 1 and 5`),
  ],
);

/** A goal in the young person's words, rated over time. */
export const onlineGoals = pgTable(
  'online_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    goal: text('goal').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
    /** achieved, stopped */
    closedAs: text('closed_as'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('online_goals_account_idx').on(t.accountId)],
);

/** A rating of a goal, 0 (not at all) to 10 (fully there). Append-only. */
export const onlineGoalRatings = pgTable(
  'online_goal_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => onlineGoals.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => onlineAccounts.id),
    rating: integer('rating').notNull(),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('online_goal_ratings_goal_idx').on(t.goalId, t.ratedAt),
    check('online_goal_ratings_rating', sql`${t.rating} between 0 and 10`),
  ],
);
