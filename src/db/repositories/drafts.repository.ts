import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { referralDrafts } from '../schema/referrals.js';

// Referral drafts: each is its author's alone (row-level security: owner_user_id = the scope's user).

const columns = {
  id: referralDrafts.id,
  kind: referralDrafts.formKind,
  answers: referralDrafts.answers,
  version: referralDrafts.version,
  updatedAt: referralDrafts.updatedAt,
};

export function listDrafts(tx: LanternDb) {
  return tx
    .select(columns)
    .from(referralDrafts)
    .where(isNull(referralDrafts.submittedAt))
    .orderBy(desc(referralDrafts.updatedAt))
    .limit(50);
}

export async function findDraft(tx: LanternDb, id: string) {
  const [row] = await tx
    .select(columns)
    .from(referralDrafts)
    .where(and(eq(referralDrafts.id, id), isNull(referralDrafts.submittedAt)));
  return row ?? null;
}

export async function insertDraft(tx: LanternDb, draft: typeof referralDrafts.$inferInsert) {
  const [row] = await tx.insert(referralDrafts).values(draft).returning(columns);
  return row;
}

/** Saves answers only over the version the author last saw; null when it has moved on. */
export async function updateDraft(
  tx: LanternDb,
  id: string,
  expected: number,
  change: { kind: string; answers: unknown; at: Date },
) {
  const [row] = await tx
    .update(referralDrafts)
    .set({
      formKind: change.kind,
      answers: change.answers,
      updatedAt: change.at,
      version: sql`${referralDrafts.version} + 1`,
    })
    .where(
      and(
        eq(referralDrafts.id, id),
        eq(referralDrafts.version, expected),
        isNull(referralDrafts.submittedAt),
      ),
    )
    .returning(columns);
  return row ?? null;
}

/** Marks a draft sent and empties it; false when it was already sent (or is not the caller's). */
export async function markDraftSubmitted(tx: LanternDb, id: string, at: Date): Promise<boolean> {
  const done = await tx
    .update(referralDrafts)
    .set({ submittedAt: at, answers: {} })
    .where(and(eq(referralDrafts.id, id), isNull(referralDrafts.submittedAt)))
    .returning({ id: referralDrafts.id });
  return done.length === 1;
}
