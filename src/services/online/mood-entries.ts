import { authorise, type ServiceContext } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type { MoodEntry, MoodHistory, MoodInput } from '../../contracts/self-help.js';
import * as selfCare from '../../db/repositories/online-self-care.repository.js';
import { withScope } from '../../db/scoped.js';
import { dailyMoods, moodLabel, moodSentence } from '../../domain/online/self-help.js';
import { londonDate } from '../../domain/people/child-details.js';
import { recordChange } from '../audit/record-change.js';
import { type SelfCareDeps, youngPersonOf } from './journal-entries.js';

// The mood tracker: how a young person feels, 1 (awful) to 5 (great), with an optional note.
// Append-only: a second mood on one day is a new row, and the day shows the latest.

const DAYS_SHOWN = 30;

const entryOf = (row: selfCare.MoodRow): MoodEntry => ({
  id: row.id,
  mood: row.mood,
  label: moodLabel(row.mood),
  note: row.note,
  recordedAt: row.recordedAt.toISOString(),
});

export async function recordMood(
  ctx: ServiceContext,
  deps: SelfCareDeps,
  input: MoodInput,
): Promise<MoodEntry> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  return withScope(deps.db, recordScope(me), async (tx) => {
    const row = await selfCare.insertMood(tx, {
      accountId: me.accountId,
      mood: input.mood,
      note: input.note || null,
      recordedAt: ctx.now(),
    });
    await recordChange(tx, ctx, { entity: 'mood-entry', entityId: row.id, action: 'record' });
    return entryOf(row);
  });
}

export async function moodHistory(ctx: ServiceContext, deps: SelfCareDeps): Promise<MoodHistory> {
  await authorise(ctx, 'online:use');
  const me = youngPersonOf(ctx);
  const now = ctx.now();
  // A day more than shown, so the first day is whole whatever the hour.
  const since = new Date(now.getTime() - (DAYS_SHOWN + 1) * 86_400_000);
  const rows = await withScope(deps.db, recordScope(me), (tx) =>
    selfCare.moodsSince(tx, me.accountId, since),
  );
  const days = dailyMoods(rows, now, DAYS_SHOWN);
  const shownDays = new Set(days.map((d) => d.day));
  const shown = rows.filter((row) => shownDays.has(londonDate(row.recordedAt)));
  return { days, entries: shown.map(entryOf), sentence: moodSentence(rows, now) };
}
