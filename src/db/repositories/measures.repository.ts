import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { changedRows, type LanternDb } from '../client.js';
import { users } from '../schema/identity.js';
import { licensedInstruments, measureResponses, questionnaireLinks } from '../schema/measures.js';
import { referrals } from '../schema/referrals.js';

// The measures area's tables: licensed instrument definitions an organisation loaded, questionnaire
// links (only the SHA-256 of a link's secret is ever stored) and answers with their scores.
// Links and answers are a child's data under forced row-level security: call within a scope.

export type LicensedRow = typeof licensedInstruments.$inferSelect;
export type LinkRow = typeof questionnaireLinks.$inferSelect;
export type ResponseRow = typeof measureResponses.$inferSelect;

/** Every definition the organisation loaded, withdrawn ones too, oldest first. */
export function licensedOf(tx: LanternDb, organisationId: string) {
  return tx
    .select({ row: licensedInstruments, loadedByName: users.displayName })
    .from(licensedInstruments)
    .innerJoin(users, eq(users.id, licensedInstruments.loadedBy))
    .where(eq(licensedInstruments.organisationId, organisationId))
    .orderBy(asc(licensedInstruments.loadedAt), asc(licensedInstruments.id));
}

export async function insertLicensed(
  tx: LanternDb,
  row: typeof licensedInstruments.$inferInsert & { id: string },
) {
  await tx.insert(licensedInstruments).values(row);
}

/** Withdraws one loaded version; null if the organisation has no such version still loaded. */
export async function withdrawLicensed(
  tx: LanternDb,
  organisationId: string,
  id: string,
  at: Date,
): Promise<LicensedRow | null> {
  const [row] = await tx
    .update(licensedInstruments)
    .set({ withdrawnAt: at })
    .where(
      and(
        eq(licensedInstruments.id, id),
        eq(licensedInstruments.organisationId, organisationId),
        isNull(licensedInstruments.withdrawnAt),
      ),
    )
    .returning();
  return row ?? null;
}

export async function insertLink(
  tx: LanternDb,
  row: typeof questionnaireLinks.$inferInsert & { id: string },
) {
  await tx.insert(questionnaireLinks).values(row);
}

export function linksOf(tx: LanternDb, referralId: string) {
  return tx
    .select()
    .from(questionnaireLinks)
    .where(eq(questionnaireLinks.referralId, referralId))
    .orderBy(desc(questionnaireLinks.createdAt), desc(questionnaireLinks.id));
}

/** A link by the hash of its secret, with its referral's organisation and reference. */
export async function findLinkByHash(tx: LanternDb, linkHash: string) {
  const [row] = await tx
    .select({ link: questionnaireLinks, organisationId: referrals.organisationId })
    .from(questionnaireLinks)
    .innerJoin(referrals, eq(referrals.id, questionnaireLinks.referralId))
    .where(eq(questionnaireLinks.linkHash, linkHash));
  return row ?? null;
}

/** Withdraws a waiting link at the version the practitioner saw; the new version, or null. */
export async function withdrawLink(
  tx: LanternDb,
  referralId: string,
  id: string,
  expectedVersion: number,
  at: Date,
): Promise<number | null> {
  const result = await tx
    .update(questionnaireLinks)
    .set({ withdrawnAt: at, version: sql`${questionnaireLinks.version} + 1` })
    .where(
      and(
        eq(questionnaireLinks.id, id),
        eq(questionnaireLinks.referralId, referralId),
        eq(questionnaireLinks.version, expectedVersion),
      ),
    );
  return changedRows(result) === 1 ? expectedVersion + 1 : null;
}

/**
 * Marks a link answered only if it is still open at `at`: two answers racing on one link, or an
 * answer arriving as the link is withdrawn, leave exactly one outcome.
 */
export async function markLinkAnswered(tx: LanternDb, id: string, at: Date): Promise<boolean> {
  const result = await tx
    .update(questionnaireLinks)
    .set({ answeredAt: at, version: sql`${questionnaireLinks.version} + 1` })
    .where(
      and(
        eq(questionnaireLinks.id, id),
        isNull(questionnaireLinks.answeredAt),
        isNull(questionnaireLinks.withdrawnAt),
        gt(questionnaireLinks.expiresAt, at),
      ),
    );
  return changedRows(result) === 1;
}

export async function insertResponse(
  tx: LanternDb,
  row: typeof measureResponses.$inferInsert & { id: string },
) {
  await tx.insert(measureResponses).values(row);
}

/** A referral's answers, oldest first. */
export function responsesOf(tx: LanternDb, referralId: string) {
  return tx
    .select()
    .from(measureResponses)
    .where(eq(measureResponses.referralId, referralId))
    .orderBy(asc(measureResponses.completedAt), asc(measureResponses.id));
}
