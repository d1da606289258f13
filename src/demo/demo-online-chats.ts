import type { Faker } from '@faker-js/faker';
import type {
  journalEntries,
  moodEntries,
  onlineAccounts,
  onlineAlerts,
  onlineBookings,
  onlineChatMessages,
  onlineChats,
  onlineEscalations,
  onlineGoalRatings,
  onlineGoals,
  onlineMessageReads,
  onlineMessages,
  onlineRiskAssessments,
} from '../db/schema/online.js';
import { londonWallClock } from '../domain/organisations/opening-hours.js';
import {
  type ChatTheme,
  chatThemes,
  counsellorClosers,
  counsellorOpeners,
  escalationLines,
  feedbackComments,
  riskNotes,
  youngPersonClosers,
  youngPersonOpeners,
} from './demo-online-text.js';

// One chat of the demo area's online support: its messages, risk assessment, summary note and
// feedback, and for the few at high risk an escalation with its alerts, all acknowledged.

const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** The rows of the demo's young people and everything they did. */
export interface DemoOnlineRows {
  accounts: Insert<typeof onlineAccounts>[];
  bookings: Insert<typeof onlineBookings>[];
  chats: Insert<typeof onlineChats>[];
  chatMessages: Insert<typeof onlineChatMessages>[];
  riskAssessments: Insert<typeof onlineRiskAssessments>[];
  escalations: Insert<typeof onlineEscalations>[];
  alerts: Insert<typeof onlineAlerts>[];
  messages: Insert<typeof onlineMessages>[];
  messageReads: Insert<typeof onlineMessageReads>[];
  journalEntries: Insert<typeof journalEntries>[];
  moodEntries: Insert<typeof moodEntries>[];
  goals: Insert<typeof onlineGoals>[];
  goalRatings: Insert<typeof onlineGoalRatings>[];
}

export const emptyRows = (): DemoOnlineRows => ({
  accounts: [],
  bookings: [],
  chats: [],
  chatMessages: [],
  riskAssessments: [],
  escalations: [],
  alerts: [],
  messages: [],
  messageReads: [],
  journalEntries: [],
  moodEntries: [],
  goals: [],
  goalRatings: [],
});

export interface DemoOnlineContext {
  faker: Faker;
  now: Date;
  serviceId: string;
  counsellors: string[];
  dutySeniors: string[];
  /** The "scared to go home" risk phrase, matched in escalation chats. */
  scaredPhrase: { phraseId: string; phrase: string; category: string } | null;
  rows: DemoOnlineRows;
}

/** The instant of a London wall-clock minute on a London day (days since 1970). */
export function londonAt(dayNumber: number, minuteOfDay: number): Date {
  const dayStart = dayNumber * DAY_MS;
  // Clocks change at 01:00 UTC, before the service opens: the offset at noon holds all evening.
  let offset = offsets.get(dayNumber);
  if (offset === undefined) {
    offset = londonWallClock(new Date(dayStart + 12 * 60 * MINUTE_MS)).minuteOfDay - 720;
    offsets.set(dayNumber, offset);
  }
  return new Date(dayStart + (minuteOfDay - offset) * MINUTE_MS);
}
// London's offset by day: working it out is the slowest step of building the demo's chats.
const offsets = new Map<number, number>();

/** ISO weekday (1 Monday to 7 Sunday) of a day number: 1 January 1970 was a Thursday. */
export const weekdayOf = (dayNumber: number) => ((dayNumber + 3) % 7) + 1;

const weighted = <T>(faker: Faker, options: [T, number][]): T =>
  faker.helpers.weightedArrayElement(options.map(([value, weight]) => ({ value, weight })));

/**
 * A start time inside opening hours (weekdays 12:00–22:00, weekends 18:00–22:00), busier after
 * school and in the evening, so about two thirds of chats start on evenings and weekends.
 */
export function chatStart(faker: Faker, firstDay: number, lastDay: number): Date {
  const isWeekend = faker.number.float() < 0.15;
  let day = faker.number.int({ min: firstDay, max: lastDay });
  while (weekdayOf(day) >= 6 !== isWeekend) day = day === lastDay ? firstDay : day + 1;
  const hour = isWeekend
    ? weighted(faker, [
        [18, 3],
        [19, 4],
        [20, 3],
        [21, 1],
      ])
    : faker.number.float() < 0.42
      ? weighted(faker, [
          [12, 1],
          [13, 1],
          [14, 1],
          [15, 3],
          [16, 4],
        ])
      : weighted(faker, [
          [17, 3],
          [18, 4],
          [19, 5],
          [20, 4],
          [21, 2],
        ]);
  const minute = faker.number.int({ min: 0, max: hour === 21 ? 29 : 59 });
  return londonAt(day, hour * 60 + minute);
}

/** Minutes waited in the drop-in queue: mostly 5 to 40, median about 20 (log-normal). */
export function dropInWait(faker: Faker): number {
  const u = Math.max(1e-9, faker.number.float());
  const v = faker.number.float();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.min(90, Math.max(2, Math.round(20 * Math.exp(0.5 * normal))));
}

export const riskLevelFor = (faker: Faker) =>
  weighted(faker, [
    ['none-identified', 580],
    ['low', 330],
    ['medium', 85],
    ['high', 5],
  ]);

export interface ChatPlan {
  accountId: string;
  kind: 'drop-in' | 'booked';
  queuedAt: Date;
  counsellor: string;
  bookingId?: string;
  theme?: ChatTheme;
  riskLevel?: string;
  /** Leaves the queue before being seen. */
  leaves?: boolean;
}

/** Adds one chat and everything that follows from it; returns its id. */
export function addChat(ctx: DemoOnlineContext, plan: ChatPlan): string {
  const { faker, rows } = ctx;
  const id = faker.string.uuid();
  const base = {
    id,
    serviceId: ctx.serviceId,
    accountId: plan.accountId,
    kind: plan.kind,
    bookingId: plan.bookingId ?? null,
    queuedAt: plan.queuedAt,
  };
  if (plan.leaves) {
    const left = new Date(plan.queuedAt.getTime() + dropInWait(faker) * MINUTE_MS);
    rows.chats.push({ ...base, status: 'left-queue', endedAt: left, endedBy: 'young-person' });
    return id;
  }
  const wait = plan.kind === 'drop-in' ? dropInWait(faker) : faker.number.int({ min: 0, max: 3 });
  const takenAt = new Date(plan.queuedAt.getTime() + wait * MINUTE_MS);
  const level = plan.riskLevel ?? riskLevelFor(faker);
  const escalates = level === 'high' && ctx.dutySeniors.length > 0;
  const theme = plan.theme ?? faker.helpers.arrayElement(chatThemes);
  const lines = conversation(faker, theme, escalates);
  const minutes = faker.number.int({ min: 20, max: 55 });
  const step = (minutes * MINUTE_MS) / lines.length;
  const endedAt = new Date(takenAt.getTime() + minutes * MINUTE_MS);
  lines.forEach(([sender, body], i) => {
    const matches =
      escalates && ctx.scaredPhrase && body.includes('scared to go home') ? [ctx.scaredPhrase] : null;
    rows.chatMessages.push({
      chatId: id,
      accountId: plan.accountId,
      seq: i + 1,
      senderKind: sender,
      senderUserId: sender === 'counsellor' ? plan.counsellor : null,
      clientMessageId: `demo-${i + 1}`,
      body,
      riskMatches: matches,
      sentAt: new Date(takenAt.getTime() + Math.round(i * step)),
    });
  });
  const rated = faker.number.float() < 0.7;
  rows.chats.push({
    ...base,
    status: 'ended',
    takenAt,
    counsellorUserId: plan.counsellor,
    endedAt,
    endedBy: faker.number.float() < 0.85 ? 'counsellor' : 'young-person',
    lastSeq: lines.length,
    feedbackRating: rated
      ? weighted(faker, [
          [5, 40],
          [4, 35],
          [3, 15],
          [2, 7],
          [1, 3],
        ])
      : null,
    feedbackComment:
      rated && faker.number.float() < 0.3 ? faker.helpers.arrayElement(feedbackComments) : null,
    summaryNote: escalates ? escalationLines.summary : faker.helpers.arrayElement(theme.summary),
  });
  rows.riskAssessments.push({
    chatId: id,
    accountId: plan.accountId,
    level,
    notes: faker.helpers.arrayElement(riskNotes[level] ?? ['']),
    recordedAt: endedAt,
    recordedBy: plan.counsellor,
  });
  if (escalates) addEscalation(ctx, id, plan, takenAt, lines.length);
  return id;
}

type Line = [sender: 'young-person' | 'counsellor', body: string];

/** 4 to 20 messages taking turns, opening and closing kindly. */
function conversation(faker: Faker, theme: ChatTheme, escalates: boolean): Line[] {
  const middle = faker.number.int({ min: 0, max: escalates ? 4 : 8 });
  const lines: Line[] = [
    ['counsellor', faker.helpers.arrayElement(counsellorOpeners)],
    ['young-person', faker.helpers.arrayElement(youngPersonOpeners)],
  ];
  const young = faker.helpers.shuffle(theme.youngPerson);
  const staff = faker.helpers.shuffle(theme.counsellor);
  for (let i = 0; i < middle; i += 1) {
    lines.push(['young-person', young[i % young.length] as string]);
    lines.push(['counsellor', staff[i % staff.length] as string]);
  }
  if (escalates) {
    escalationLines.youngPerson.forEach((body, i) => {
      lines.push(['young-person', body]);
      lines.push(['counsellor', escalationLines.counsellor[i] as string]);
    });
  }
  lines.push(['young-person', faker.helpers.arrayElement(youngPersonClosers)]);
  lines.push(['counsellor', faker.helpers.arrayElement(counsellorClosers)]);
  return lines.slice(0, 20);
}

/** The duty senior joined, the young person shared who they are, a referral was made; closed. */
function addEscalation(ctx: DemoOnlineContext, chatId: string, plan: ChatPlan, takenAt: Date, count: number) {
  const { faker, rows } = ctx;
  let flagged: { seq: number; sentAt: Date } | undefined;
  for (let i = rows.chatMessages.length - 1; i >= 0 && !flagged; i -= 1) {
    const m = rows.chatMessages[i];
    if (m?.chatId === chatId && m.riskMatches) flagged = { seq: m.seq, sentAt: m.sentAt };
  }
  const phraseAt = flagged?.sentAt ?? new Date(takenAt.getTime() + 10 * MINUTE_MS);
  const raisedAt = new Date(phraseAt.getTime() + 2 * MINUTE_MS);
  const dutySenior = faker.helpers.arrayElement(ctx.dutySeniors);
  const escalationId = faker.string.uuid();
  const shared = faker.number.float() < 0.7;
  rows.escalations.push({
    id: escalationId,
    chatId,
    accountId: plan.accountId,
    raisedAt,
    raisedBy: plan.counsellor,
    reason: escalationLines.reason,
    identityShared: shared ? 'shared' : 'declined',
    givenName: shared ? faker.person.firstName() : null,
    familyName: shared ? faker.person.lastName() : null,
    location: 'At a friend’s house',
    status: 'closed',
    dutySeniorUserId: dutySenior,
    closedAt: new Date(raisedAt.getTime() + 90 * MINUTE_MS),
    outcome: escalationLines.outcome,
  });
  const acknowledge = (at: Date, kind: string, extra: object) =>
    rows.alerts.push({
      serviceId: ctx.serviceId,
      chatId,
      accountId: plan.accountId,
      kind,
      raisedAt: at,
      acknowledgeBy: new Date(at.getTime() + 5 * MINUTE_MS),
      acknowledgedAt: new Date(at.getTime() + faker.number.int({ min: 1, max: 4 }) * MINUTE_MS),
      acknowledgedBy: dutySenior,
      ...extra,
    });
  acknowledge(phraseAt, 'risk-phrase', { messageSeq: flagged?.seq ?? count });
  acknowledge(raisedAt, 'escalation', { escalationId });
}
