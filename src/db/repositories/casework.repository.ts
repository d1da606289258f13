import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { changedRows, type LanternDb } from '../client.js';
import { careContacts, episodeMilestones, waitingPauses } from '../schema/casework.js';
import { users } from '../schema/identity.js';
import { schools } from '../schema/organisations.js';

// The casework area's tables: contacts, the milestones that stop the waiting clock, and pauses the
// young person asked for. Reads run in transactions bound to a record scope (RLS, migration 0016).

export function contactsOf(tx: LanternDb, referralIds: string[]) {
  if (referralIds.length === 0) return Promise.resolve([]);
  return tx
    .select({ contact: careContacts, schoolName: schools.name, practitionerName: users.displayName })
    .from(careContacts)
    .innerJoin(users, eq(users.id, careContacts.practitionerUserId))
    .leftJoin(schools, eq(schools.urn, careContacts.schoolUrn))
    .where(inArray(careContacts.referralId, referralIds))
    .orderBy(asc(careContacts.startsAt));
}

export function milestonesOf(tx: LanternDb, referralIds: string[]) {
  if (referralIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(episodeMilestones)
    .where(and(inArray(episodeMilestones.referralId, referralIds), isNull(episodeMilestones.invalidatedAt)))
    .orderBy(asc(episodeMilestones.occurredAt));
}

export function pausesOf(tx: LanternDb, referralIds: string[]) {
  if (referralIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(waitingPauses)
    .where(inArray(waitingPauses.referralId, referralIds))
    .orderBy(asc(waitingPauses.startsOn));
}

export async function insertContact(tx: LanternDb, row: typeof careContacts.$inferInsert & { id: string }) {
  await tx.insert(careContacts).values(row);
}

export async function findContact(tx: LanternDb, referralId: string, id: string) {
  const [row] = await tx
    .select()
    .from(careContacts)
    .where(and(eq(careContacts.id, id), eq(careContacts.referralId, referralId)));
  return row ?? null;
}

/** Records attendance if the contact is still at the version the practitioner saw. */
export async function recordAttendance(
  tx: LanternDb,
  id: string,
  expectedVersion: number,
  changes: { attendStatus: string; recordedAt: Date; recordedBy: string },
): Promise<number | null> {
  const result = await tx
    .update(careContacts)
    .set({ ...changes, version: sql`${careContacts.version} + 1` })
    .where(and(eq(careContacts.id, id), eq(careContacts.version, expectedVersion)));
  return changedRows(result) === 1 ? expectedVersion + 1 : null;
}

export async function insertMilestone(
  tx: LanternDb,
  row: typeof episodeMilestones.$inferInsert & { id: string },
) {
  await tx.insert(episodeMilestones).values(row);
}

export async function insertPause(tx: LanternDb, row: typeof waitingPauses.$inferInsert & { id: string }) {
  await tx.insert(waitingPauses).values(row);
}
