import { and, asc, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { journalEntries, moodEntries, onlineGoalRatings, onlineGoals } from '../schema/online.js';

// The only code that queries journal_entries, mood_entries, online_goals and online_goal_ratings.
// Every call runs in a transaction bound to the caller's scope (withScope): row-level security lets
// a young person reach only their own rows, and the journal is theirs alone (migration 0019). Each
// query names the account as well, so the rule holds twice.

export type JournalRow = typeof journalEntries.$inferSelect;
export type MoodRow = typeof moodEntries.$inferSelect;
export type GoalRow = typeof onlineGoals.$inferSelect;
export type GoalRatingRow = typeof onlineGoalRatings.$inferSelect;

export async function insertJournalEntry(
  tx: LanternDb,
  entry: Pick<JournalRow, 'accountId' | 'body' | 'writtenAt'>,
): Promise<JournalRow> {
  const [row] = await tx.insert(journalEntries).values(entry).returning();
  if (!row) throw new Error('journal entry not stored');
  return row;
}

/** An account's journal entries that are not hidden, newest first. */
export async function visibleJournalEntries(tx: LanternDb, accountId: string, limit = 200) {
  return tx
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.accountId, accountId), isNull(journalEntries.hiddenAt)))
    .orderBy(desc(journalEntries.writtenAt))
    .limit(limit);
}

/** Hides an entry (the row stays); null when it is not the account's or is already hidden. */
export async function hideJournalEntry(
  tx: LanternDb,
  accountId: string,
  entryId: string,
  at: Date,
): Promise<JournalRow | null> {
  const [row] = await tx
    .update(journalEntries)
    .set({ hiddenAt: at })
    .where(
      and(
        eq(journalEntries.id, entryId),
        eq(journalEntries.accountId, accountId),
        isNull(journalEntries.hiddenAt),
      ),
    )
    .returning();
  return row ?? null;
}

export async function findJournalEntry(tx: LanternDb, accountId: string, entryId: string) {
  const [row] = await tx
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.id, entryId), eq(journalEntries.accountId, accountId)));
  return row ?? null;
}

export async function insertMood(
  tx: LanternDb,
  entry: Pick<MoodRow, 'accountId' | 'mood' | 'note' | 'recordedAt'>,
): Promise<MoodRow> {
  const [row] = await tx.insert(moodEntries).values(entry).returning();
  if (!row) throw new Error('mood not stored');
  return row;
}

/** An account's moods recorded since `since`, newest first. */
export async function moodsSince(tx: LanternDb, accountId: string, since: Date): Promise<MoodRow[]> {
  return tx
    .select()
    .from(moodEntries)
    .where(and(eq(moodEntries.accountId, accountId), gte(moodEntries.recordedAt, since)))
    .orderBy(desc(moodEntries.recordedAt));
}

export async function insertGoal(
  tx: LanternDb,
  goal: Pick<GoalRow, 'accountId' | 'goal' | 'setAt'>,
): Promise<GoalRow> {
  const [row] = await tx.insert(onlineGoals).values(goal).returning();
  if (!row) throw new Error('goal not stored');
  return row;
}

/** An account's goals, newest first. */
export async function goalsOf(tx: LanternDb, accountId: string): Promise<GoalRow[]> {
  return tx
    .select()
    .from(onlineGoals)
    .where(eq(onlineGoals.accountId, accountId))
    .orderBy(desc(onlineGoals.setAt));
}

export async function findGoal(tx: LanternDb, accountId: string, goalId: string): Promise<GoalRow | null> {
  const [row] = await tx
    .select()
    .from(onlineGoals)
    .where(and(eq(onlineGoals.id, goalId), eq(onlineGoals.accountId, accountId)));
  return row ?? null;
}

/** The ratings of some goals, oldest first. */
export async function ratingsOf(tx: LanternDb, goalIds: string[]): Promise<GoalRatingRow[]> {
  if (goalIds.length === 0) return [];
  return tx
    .select()
    .from(onlineGoalRatings)
    .where(inArray(onlineGoalRatings.goalId, goalIds))
    .orderBy(asc(onlineGoalRatings.ratedAt));
}

export async function insertGoalRating(
  tx: LanternDb,
  rating: Pick<GoalRatingRow, 'goalId' | 'accountId' | 'rating' | 'ratedAt'>,
): Promise<GoalRatingRow> {
  const [row] = await tx.insert(onlineGoalRatings).values(rating).returning();
  if (!row) throw new Error('goal rating not stored');
  return row;
}

/** Closes an open goal still at `version`; null when it changed first. */
export async function closeGoal(
  tx: LanternDb,
  accountId: string,
  goalId: string,
  version: number,
  closing: { closedAs: string; closedAt: Date },
): Promise<GoalRow | null> {
  const [row] = await tx
    .update(onlineGoals)
    .set({ ...closing, version: version + 1 })
    .where(
      and(
        eq(onlineGoals.id, goalId),
        eq(onlineGoals.accountId, accountId),
        eq(onlineGoals.version, version),
        isNull(onlineGoals.closedAt),
      ),
    )
    .returning();
  return row ?? null;
}
