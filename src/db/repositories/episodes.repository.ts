import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { changedRows, type LanternDb } from '../client.js';
import { assessments, carePlanGoals, episodes, onwardReferrals } from '../schema/episodes.js';
import { users } from '../schema/identity.js';
import { carers, children } from '../schema/people.js';
import { referralConsents, referrals } from '../schema/referrals.js';

// The casework area's episode tables: the episode itself, assessments and onward referrals
// (append-only), and care-plan goals. Reads run in transactions bound to a record scope (RLS,
// migration 0017); the letter facts read the people and consent rows the letters depend on.

export type EpisodeRow = typeof episodes.$inferSelect;

export async function findEpisode(
  tx: LanternDb,
  referralId: string,
  options: { lock?: boolean } = {},
): Promise<EpisodeRow | null> {
  const query = tx.select().from(episodes).where(eq(episodes.referralId, referralId));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Opens the referral's episode unless it has one (a reallocation keeps the episode it has). */
export async function openEpisodeIfNone(
  tx: LanternDb,
  row: { referralId: string; openedAt: Date; openedBy: string },
): Promise<void> {
  await tx.insert(episodes).values(row).onConflictDoNothing({ target: episodes.referralId });
}

/** Changes the episode if it is still at the version the practitioner saw and still open. */
export async function updateEpisodeIfVersion(
  tx: LanternDb,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<typeof episodes.$inferInsert, 'id' | 'referralId' | 'version'>>,
): Promise<number | null> {
  const result = await tx
    .update(episodes)
    .set({ ...changes, version: sql`${episodes.version} + 1` })
    .where(and(eq(episodes.id, id), eq(episodes.version, expectedVersion), eq(episodes.status, 'open')));
  return changedRows(result) === 1 ? expectedVersion + 1 : null;
}

export function assessmentsOf(tx: LanternDb, referralId: string) {
  return tx
    .select({ assessment: assessments, recordedByName: users.displayName })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.recordedBy))
    .where(eq(assessments.referralId, referralId))
    .orderBy(desc(assessments.assessedAt), desc(assessments.recordedAt));
}

export async function insertAssessment(tx: LanternDb, row: typeof assessments.$inferInsert & { id: string }) {
  await tx.insert(assessments).values(row);
}

export function goalsOf(tx: LanternDb, referralId: string) {
  return tx
    .select()
    .from(carePlanGoals)
    .where(eq(carePlanGoals.referralId, referralId))
    .orderBy(asc(carePlanGoals.agreedAt), asc(carePlanGoals.recordedAt));
}

export async function findGoal(tx: LanternDb, referralId: string, id: string) {
  const [row] = await tx
    .select()
    .from(carePlanGoals)
    .where(and(eq(carePlanGoals.id, id), eq(carePlanGoals.referralId, referralId)));
  return row ?? null;
}

export async function insertGoal(tx: LanternDb, row: typeof carePlanGoals.$inferInsert & { id: string }) {
  await tx.insert(carePlanGoals).values(row);
}

export async function changeGoalIfVersion(
  tx: LanternDb,
  id: string,
  expectedVersion: number,
  changes: { status: string; statusChangedAt: Date },
): Promise<number | null> {
  const result = await tx
    .update(carePlanGoals)
    .set({ ...changes, version: sql`${carePlanGoals.version} + 1` })
    .where(and(eq(carePlanGoals.id, id), eq(carePlanGoals.version, expectedVersion)));
  return changedRows(result) === 1 ? expectedVersion + 1 : null;
}

export function onwardReferralsOf(tx: LanternDb, referralId: string) {
  return tx
    .select()
    .from(onwardReferrals)
    .where(eq(onwardReferrals.referralId, referralId))
    .orderBy(asc(onwardReferrals.referredAt));
}

export async function insertOnwardReferral(
  tx: LanternDb,
  row: typeof onwardReferrals.$inferInsert & { id: string },
) {
  await tx.insert(onwardReferrals).values(row);
}

/** What deciding the closing letters needs: the referral's source and referrer, consent, routes, carers. */
export async function letterFacts(tx: LanternDb, referralId: string) {
  const [referral] = await tx
    .select({
      source: referrals.source,
      reference: referrals.reference,
      referrerEmail: sql<string | null>`coalesce(${referrals.referrerEmail},
        (select u.email from users u where u.id = ${referrals.referrerUserId}))`,
      childId: referrals.childId,
      contactRoutes: children.contactRoutes,
      contactPhone: children.contactPhone,
      contactEmail: children.contactEmail,
    })
    .from(referrals)
    .innerJoin(children, eq(children.id, referrals.childId))
    .where(eq(referrals.id, referralId));
  if (!referral) return null;
  const [consent] = await tx
    .select()
    .from(referralConsents)
    .where(and(eq(referralConsents.referralId, referralId), isNull(referralConsents.invalidatedAt)))
    .orderBy(desc(referralConsents.recordedAt))
    .limit(1);
  const carerRows = await tx
    .select()
    .from(carers)
    .where(eq(carers.childId, referral.childId))
    .orderBy(asc(carers.createdAt), asc(carers.name));
  return { referral, consent: consent ?? null, carers: carerRows };
}
