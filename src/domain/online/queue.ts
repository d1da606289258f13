// The drop-in queue's rules (ADR 0021): a young person's place, and an honest guess at their wait.
// Pure: the repository loads the rows, `now` is passed in.

export interface WaitingChat {
  id: string;
  queuedAt: Date;
}

/** Waiting drop-in chats in the order they are seen: first come, first served (ties by id). */
export function queueOrder<T extends WaitingChat>(waiting: readonly T[]): T[] {
  return [...waiting].sort(
    (a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** 1 for next; null when the chat is not waiting. */
export function placeInQueue(waiting: readonly WaitingChat[], chatId: string): number | null {
  const index = queueOrder(waiting).findIndex((chat) => chat.id === chatId);
  return index < 0 ? null : index + 1;
}

/** A young person seen recently (oldest first in lists): how long they waited and where they joined. */
export interface SeenRecently {
  waitMs: number;
  /** Their place when they joined (1 if nobody was ahead of them). */
  placeWhenJoined: number;
}

/** Fewer young people seen than this today, and any guess would be made up. */
export const MIN_SEEN_FOR_ESTIMATE = 3;
/** Only the most recent are used: the queue moves at the pace of the counsellors on now. */
export const RECENT_SEEN_COUNT = 10;

export interface WaitEstimate {
  minutes: { low: number; high: number } | null;
  sentence: string;
}

export const cannotTell: WaitEstimate = {
  minutes: null,
  sentence: "We can't tell yet how long it will be. A counsellor will be with you as soon as they can.",
};

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] ?? 0;
  const b = sorted[upper] ?? a;
  return a + (b - a) * (position - lower);
}

/**
 * How long someone at `place` will probably wait. Each recent young person's wait, divided by the
 * place they joined at, says how long one place in the queue took to clear with the counsellors
 * who were on; the middle half of those times, multiplied by `place`, gives the range. With fewer
 * than three seen today, or no counsellor on shift, it says it cannot tell rather than guess.
 */
export function estimateWait(input: {
  place: number;
  seenToday: readonly SeenRecently[];
  counsellorsOnShift: number;
}): WaitEstimate {
  const recent = input.seenToday.slice(-RECENT_SEEN_COUNT);
  if (recent.length < MIN_SEEN_FOR_ESTIMATE || input.counsellorsOnShift < 1 || input.place < 1) {
    return cannotTell;
  }
  const perPlace = recent
    .map((seen) => Math.max(0, seen.waitMs) / Math.max(1, seen.placeWhenJoined))
    .sort((a, b) => a - b);
  const low = Math.floor((quantile(perPlace, 0.25) * input.place) / 60_000);
  const high = Math.max(low, Math.ceil((quantile(perPlace, 0.75) * input.place) / 60_000));
  if (high <= 5) return { minutes: { low: 0, high: 5 }, sentence: 'Probably less than 5 minutes.' };
  const roundedLow = low < 10 ? low : Math.floor(low / 5) * 5;
  const roundedHigh = high < 10 ? high : Math.ceil(high / 5) * 5;
  const sentence =
    roundedLow === roundedHigh
      ? `About ${roundedHigh} minutes.`
      : `About ${roundedLow} to ${roundedHigh} minutes.`;
  return { minutes: { low: roundedLow, high: roundedHigh }, sentence };
}
