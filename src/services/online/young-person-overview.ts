import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import type { YoungPersonOverview } from '../../contracts/online-bookings.js';
import type { LanternDb } from '../../db/client.js';
import * as repo from '../../db/repositories/online-bookings.repository.js';
import { ageNow } from '../../domain/online/bookings.js';
import { withYoungPersonRecord } from './booking-access.js';
import { toStaffBooking } from './booking-views.js';
import { staffThreadIn } from './message-thread.js';

const DAY = 24 * 60 * 60_000;
const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

const genderWords: Record<string, string> = {
  girl: 'Girl',
  boy: 'Boy',
  'non-binary': 'Non-binary',
  'prefer-not-to-say': 'Prefers not to say',
};

/**
 * The counsellor's view of one young person: who they said they are, their chats and risk levels,
 * bookings, messages, moods and goals. Never their journal (only they can read it). Access-logged
 * once; 404 outside the counsellor's scope. Reading it marks their messages read.
 */
export async function youngPersonOverview(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  accountId: string,
): Promise<YoungPersonOverview> {
  await authorise(ctx, 'online:counsel');
  const staff = staffOf(ctx);
  const now = ctx.now();
  return withYoungPersonRecord(ctx, deps.db, accountId, 'online:read-young-person', async (tx, found) => {
    const { account } = found;
    const chats = await repo.chatsOfAccount(tx, accountId);
    const bookings = await repo.bookingsOfAccount(tx, accountId);
    const thread = await staffThreadIn(tx, accountId, account.username);
    const moods = await repo.recentMoods(tx, accountId);
    const average = await repo.averageMoodSince(tx, accountId, new Date(now.getTime() - 30 * DAY));
    const goals = await repo.goalsOf(tx, accountId);
    const counsellors = await repo.counsellorsOf(tx, staff.organisationId);
    return {
      accountId,
      username: account.username,
      ageNow: ageNow(account.ageAtSignUp, account.signedUpAt, now),
      gender:
        account.gender === 'self-described'
          ? (account.genderDescription ?? 'In their own words')
          : (genderWords[account.gender] ?? account.gender),
      schoolOrArea: found.schoolName ?? account.area ?? null,
      signedUpAt: account.signedUpAt.toISOString(),
      chats: chats.map((chat) => {
        const takenAt = chat.taken_at === null ? null : toDate(chat.taken_at);
        const endedAt = chat.ended_at === null ? null : toDate(chat.ended_at);
        return {
          chatId: chat.id,
          kind: chat.kind,
          startedAt: (takenAt ?? toDate(chat.queued_at)).toISOString(),
          counsellorName: chat.counsellor_name,
          minutes:
            takenAt && endedAt
              ? Math.max(0, Math.round((endedAt.getTime() - takenAt.getTime()) / 60_000))
              : null,
          summaryNote: chat.summary_note,
          riskLevel: chat.risk_level,
        };
      }),
      bookings: bookings.map((row) => toStaffBooking(row, now)),
      thread,
      moods: {
        recent: moods.map((m) => ({ mood: m.mood, note: m.note, recordedAt: m.recordedAt.toISOString() })),
        average30Days: average === null ? null : Math.round(average * 10) / 10,
      },
      goals: goals.map(({ goal, firstRating, latestRating }) => ({
        id: goal.id,
        goal: goal.goal,
        setAt: goal.setAt.toISOString(),
        closedAs: goal.closedAs,
        firstRating,
        latestRating,
      })),
      counsellors,
    };
  });
}
