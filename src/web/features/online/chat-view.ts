import type { ChatMessage, RiskMatch } from '../../../contracts/online-chat.js';

// Pure helpers for the chat pages: the conversation as shown, the waiting words, and risk phrase
// highlights. No React and no I/O, so they are tested on their own (chat-view.test.ts).

/** A message this person sent that the server has not yet acknowledged. */
export interface PendingMessage {
  clientMessageId: string;
  body: string;
}

/** One line of the conversation as drawn: a stored message, or one of ours still sending. */
export type ShownMessage =
  | { kind: 'stored'; message: ChatMessage; isMine: boolean }
  | { kind: 'sending'; clientMessageId: string; body: string };

/**
 * Adds messages to a conversation: each seq once, in seq order, whatever order or how many times
 * they arrive (a resume after a reconnect repeats some).
 */
export function mergeMessages(existing: readonly ChatMessage[], incoming: readonly ChatMessage[]) {
  const bySeq = new Map<number, ChatMessage>();
  for (const message of existing) bySeq.set(message.seq, message);
  for (const message of incoming) if (!bySeq.has(message.seq)) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest message number held, for `resume`; 0 for none. */
export function highestSeq(messages: readonly ChatMessage[]): number {
  return messages.reduce((highest, message) => Math.max(highest, message.seq), 0);
}

/**
 * The conversation to draw: stored messages in order, then ours still sending (those not yet
 * stored; once stored they show in their place). `isMine` says which stored ones are ours.
 */
export function shownMessages(
  stored: readonly ChatMessage[],
  pending: readonly PendingMessage[],
  isMine: (message: ChatMessage) => boolean,
): ShownMessage[] {
  const storedIds = new Set(stored.filter(isMine).map((message) => message.clientMessageId));
  return [
    ...stored.map((message) => ({ kind: 'stored' as const, message, isMine: isMine(message) })),
    ...pending
      .filter((message) => !storedIds.has(message.clientMessageId))
      .map((message) => ({ kind: 'sending' as const, ...message })),
  ];
}

/** "You are next." / "There are 2 people before you." in words a 12-year-old can read. */
export function describePlace(place: number): string {
  if (place <= 1) return 'You are next.';
  const before = place - 1;
  return before === 1 ? 'There is 1 person before you.' : `There are ${before} people before you.`;
}

/** Words as the server matches them: lower case, anything but letters, digits and apostrophes one space. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/**
 * A message's text cut into plain parts and the risk phrases it matched, found as the server finds
 * them (whole words, any case, any punctuation or spacing between the words).
 */
export function riskSegments(
  body: string,
  matches: readonly RiskMatch[] | undefined,
): { text: string; match: RiskMatch | null }[] {
  const phrases = (matches ?? []).filter((match) => normalise(match.phrase) !== '');
  if (phrases.length === 0) return [{ text: body, match: null }];
  const escaped = [...phrases]
    .sort((a, b) => b.phrase.length - a.phrase.length)
    .map((match) =>
      normalise(match.phrase)
        .split(' ')
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['\u2018\u2019]"))
        .join("[^\\p{L}\\p{N}']+"),
    );
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}'])(${escaped.join('|')})(?![\\p{L}\\p{N}'])`, 'giu');
  const segments: { text: string; match: RiskMatch | null }[] = [];
  let last = 0;
  for (const found of body.matchAll(pattern)) {
    const start = found.index ?? 0;
    if (start > last) segments.push({ text: body.slice(last, start), match: null });
    const words = normalise(found[0]);
    segments.push({ text: found[0], match: phrases.find((p) => normalise(p.phrase) === words) ?? null });
    last = start + found[0].length;
  }
  if (last < body.length) segments.push({ text: body.slice(last), match: null });
  return segments;
}

/** A time as London shows it: "7:05pm". */
export function formatClock(iso: string): string {
  return new Date(iso)
    .toLocaleTimeString('en-GB', {
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
      timeZone: 'Europe/London',
    })
    .replace(' ', '');
}
