import type { Priority } from './triage-decisions.js';

/**
 * The single point of access queue: the most urgent first, then whoever has waited longest. A
 * referral marked urgent at intake ranks with `urgent` until triage sets a priority.
 */
export interface QueueEntry {
  priority: Priority | null;
  isUrgent: boolean;
  receivedAt: Date;
}

const rank: Record<Priority, number> = { emergency: 0, urgent: 1, routine: 2 };

export function urgencyRank(entry: QueueEntry): number {
  if (entry.priority) return rank[entry.priority];
  return entry.isUrgent ? rank.urgent : rank.routine;
}

export function compareQueueEntries(a: QueueEntry, b: QueueEntry): number {
  return urgencyRank(a) - urgencyRank(b) || a.receivedAt.getTime() - b.receivedAt.getTime();
}

/** Whole days since the referral was received: the waiting clock starts at the received time. */
export function daysWaiting(receivedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - receivedAt.getTime()) / 86_400_000));
}
