import { eq } from 'drizzle-orm';
import type { RecordScope, ReferralRelations } from '../../access/scope.js';
import type { LanternDb } from '../client.js';
import { children, childSchools } from '../schema/people.js';
import { referrals } from '../schema/referrals.js';
import { withScope } from '../scoped.js';

// The only code that queries the referrals area's tables (and, for now, the people area's, which
// referrals create). Every function takes a record scope; row-level security applies it again.

/** A referral with its child's name, and the relationships that decide who may see it. */
export interface ReferralRecord extends ReferralRelations {
  childId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  receivedAt: Date;
  source: string;
  status: string;
  isUrgent: boolean;
  presentingNeeds: string[];
}

/** One referral with its child's name, or null when it does not exist or is outside the scope. */
export function findReferral(db: LanternDb, scope: RecordScope, id: string): Promise<ReferralRecord | null> {
  return withScope(db, scope, async (tx) => {
    const [row] = await tx
      .select({
        id: referrals.id,
        childId: referrals.childId,
        givenName: children.givenName,
        familyName: children.familyName,
        dateOfBirth: children.dateOfBirth,
        receivedAt: referrals.receivedAt,
        source: referrals.source,
        status: referrals.status,
        isUrgent: referrals.isUrgent,
        presentingNeeds: referrals.presentingNeeds,
        referrerUserId: referrals.referrerUserId,
        schoolUrn: referrals.schoolUrn,
        allocatedUserId: referrals.allocatedUserId,
        leadWorkerUserId: referrals.leadWorkerUserId,
        teamId: referrals.teamId,
        serviceId: referrals.serviceId,
        organisationId: referrals.organisationId,
      })
      .from(referrals)
      .innerJoin(children, eq(children.id, referrals.childId))
      .where(eq(referrals.id, id));
    return row ?? null;
  });
}

/** Every referral id the scope can see: used by tests that look for leaks. */
export function visibleReferralIds(db: LanternDb, scope: RecordScope): Promise<string[]> {
  return withScope(db, scope, async (tx) =>
    (await tx.select({ id: referrals.id }).from(referrals)).map((r) => r.id),
  );
}

export interface NewReferral {
  child: typeof children.$inferInsert & { id: string };
  schoolUrn: number | null;
  referral: Omit<typeof referrals.$inferInsert, 'childId' | 'schoolUrn'> & { id: string };
}

/**
 * Records a child and a referral for them. Inserted without RETURNING: row-level security would
 * hide the child until its referral exists.
 */
export function createReferral(db: LanternDb, scope: RecordScope, input: NewReferral): Promise<void> {
  return withScope(db, scope, async (tx) => {
    await tx.insert(children).values(input.child);
    if (input.schoolUrn !== null) {
      await tx.insert(childSchools).values({
        childId: input.child.id,
        schoolUrn: input.schoolUrn,
        fromDate: input.referral.receivedAt.toISOString().slice(0, 10),
      });
    }
    await tx
      .insert(referrals)
      .values({ ...input.referral, childId: input.child.id, schoolUrn: input.schoolUrn });
  });
}
