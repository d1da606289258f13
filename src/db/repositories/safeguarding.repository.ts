import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { changedRows, type LanternDb } from '../client.js';
import { userRoles, users } from '../schema/identity.js';
import { children } from '../schema/people.js';
import { referrals } from '../schema/referrals.js';
import { safeguardingActions, safeguardingConcerns } from '../schema/safeguarding.js';

// Safeguarding concerns and the actions taken on them. Reads run under a record scope: row-level
// security shows a concern to scopes that reach the referral's clinical record (migration 0017).

export async function insertConcern(tx: LanternDb, row: typeof safeguardingConcerns.$inferInsert) {
  await tx.insert(safeguardingConcerns).values(row);
}

export async function insertAction(tx: LanternDb, row: typeof safeguardingActions.$inferInsert) {
  await tx.insert(safeguardingActions).values(row);
}

const raiser = alias(users, 'raiser');
const lead = alias(users, 'lead');

function concernQuery(tx: LanternDb) {
  return tx
    .select({
      concern: safeguardingConcerns,
      reference: referrals.reference,
      childName: sql<string>`${children.givenName} || ' ' || ${children.familyName}`,
      raisedByName: raiser.displayName,
      leadName: lead.displayName,
    })
    .from(safeguardingConcerns)
    .innerJoin(referrals, eq(referrals.id, safeguardingConcerns.referralId))
    .innerJoin(children, eq(children.id, referrals.childId))
    .innerJoin(raiser, eq(raiser.id, safeguardingConcerns.raisedBy))
    .leftJoin(lead, eq(lead.id, safeguardingConcerns.leadUserId));
}
export async function findConcern(tx: LanternDb, id: string) {
  const [row] = await concernQuery(tx).where(eq(safeguardingConcerns.id, id));
  return row ?? null;
}
export type ConcernRow = NonNullable<Awaited<ReturnType<typeof findConcern>>>;

export function concernsOfReferral(tx: LanternDb, referralId: string) {
  return concernQuery(tx)
    .where(eq(safeguardingConcerns.referralId, referralId))
    .orderBy(desc(safeguardingConcerns.raisedAt));
}

/** The lead's board: the organisation's concerns, optionally of one status, open ones first, newest first. */
export function boardConcerns(tx: LanternDb, organisationId: string, status?: string) {
  return concernQuery(tx)
    .where(
      and(
        eq(safeguardingConcerns.organisationId, organisationId),
        status ? eq(safeguardingConcerns.status, status) : undefined,
      ),
    )
    .orderBy(
      sql`case when ${safeguardingConcerns.status} = 'closed' then 1 else 0 end`,
      desc(safeguardingConcerns.raisedAt),
    )
    .limit(500);
}

export function actionsOf(tx: LanternDb, concernIds: string[]) {
  if (concernIds.length === 0) return Promise.resolve([]);
  return tx
    .select({ action: safeguardingActions, recordedByName: users.displayName })
    .from(safeguardingActions)
    .innerJoin(users, eq(users.id, safeguardingActions.recordedBy))
    .where(inArray(safeguardingActions.concernId, concernIds))
    .orderBy(asc(safeguardingActions.recordedAt));
}

/** Moves a concern on if it is still at the version the lead saw; the new version, or null. */
export async function updateConcernIfVersion(
  tx: LanternDb,
  id: string,
  expectedVersion: number,
  changes: { status: string; leadUserId: string; outcome: string | null },
): Promise<number | null> {
  const result = await tx
    .update(safeguardingConcerns)
    .set({ ...changes, version: sql`${safeguardingConcerns.version} + 1` })
    .where(and(eq(safeguardingConcerns.id, id), eq(safeguardingConcerns.version, expectedVersion)));
  return changedRows(result) === 1 ? expectedVersion + 1 : null;
}

/** The organisation's active safeguarding leads, for the new-concern email. */
export function safeguardingLeads(tx: LanternDb, organisationId: string) {
  return tx
    .selectDistinct({ userId: users.id, email: users.email })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(userRoles.role, 'safeguarding-lead'),
        isNull(userRoles.revokedAt),
        eq(users.isActive, true),
      ),
    );
}
