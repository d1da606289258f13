import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { changedRows, type LanternDb } from '../client.js';
import { careContacts, episodeMilestones, waitingPauses } from '../schema/casework.js';
import { groupTherapySessions } from '../schema/episodes.js';
import { users } from '../schema/identity.js';
import { practitionerSchoolDays } from '../schema/mhst.js';
import { schools } from '../schema/organisations.js';
import { carers, children } from '../schema/people.js';
import { referrals } from '../schema/referrals.js';

// The casework area's tables: contacts, the milestones that stop the waiting clock, and pauses the
// young person asked for. Reads run in transactions bound to a record scope (RLS, migration 0016).

export function contactsOf(tx: LanternDb, referralIds: string[]) {
  if (referralIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      contact: careContacts,
      schoolName: schools.name,
      practitionerName: users.displayName,
      groupProgramme: groupTherapySessions.programme,
    })
    .from(careContacts)
    .innerJoin(users, eq(users.id, careContacts.practitionerUserId))
    .leftJoin(schools, eq(schools.urn, careContacts.schoolUrn))
    .leftJoin(groupTherapySessions, eq(groupTherapySessions.id, careContacts.groupSessionId))
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

/**
 * Moves a booked appointment (not yet recorded as attended or cancelled) if it is still at the
 * version the practitioner saw; null otherwise.
 */
export async function moveContact(
  tx: LanternDb,
  id: string,
  expectedVersion: number,
  changes: { startsAt: Date; schoolUrn: number | null; medium: string; recordedAt: Date; recordedBy: string },
): Promise<number | null> {
  const result = await tx
    .update(careContacts)
    .set({ ...changes, version: sql`${careContacts.version} + 1` })
    .where(
      and(
        eq(careContacts.id, id),
        eq(careContacts.version, expectedVersion),
        isNull(careContacts.attendStatus),
      ),
    );
  return changedRows(result) === 1 ? expectedVersion + 1 : null;
}

/** The days a practitioner works in each school, in every team they belong to. */
export function schoolDaysOf(tx: LanternDb, userId: string) {
  return tx
    .select({ schoolUrn: practitionerSchoolDays.schoolUrn, weekday: practitionerSchoolDays.weekday })
    .from(practitionerSchoolDays)
    .where(eq(practitionerSchoolDays.userId, userId));
}

/**
 * What a reminder needs: the referral's reference and source, the routes the young person (or
 * family) chose, and the carers, to keep clear of any marked "do not share".
 */
export async function reminderFacts(tx: LanternDb, referralId: string) {
  const [row] = await tx
    .select({
      reference: referrals.reference,
      source: referrals.source,
      childId: children.id,
      contactRoutes: children.contactRoutes,
      contactPhone: children.contactPhone,
      contactEmail: children.contactEmail,
    })
    .from(referrals)
    .innerJoin(children, eq(children.id, referrals.childId))
    .where(eq(referrals.id, referralId));
  if (!row) return null;
  const theirCarers = await tx
    .select({ phone: carers.phone, email: carers.email, doNotShare: carers.doNotShare })
    .from(carers)
    .where(eq(carers.childId, row.childId));
  return { ...row, carers: theirCarers };
}

export async function insertGroupSession(
  tx: LanternDb,
  row: typeof groupTherapySessions.$inferInsert & { id: string },
) {
  await tx.insert(groupTherapySessions).values(row);
}

/** A team's group therapy sessions, latest first, with the school's name. */
export function groupSessionsOf(tx: LanternDb, teamIds: string[], limit: number) {
  if (teamIds.length === 0) return Promise.resolve([]);
  return tx
    .select({ session: groupTherapySessions, schoolName: schools.name, facilitatorName: users.displayName })
    .from(groupTherapySessions)
    .innerJoin(users, eq(users.id, groupTherapySessions.facilitatorUserId))
    .leftJoin(schools, eq(schools.urn, groupTherapySessions.schoolUrn))
    .where(inArray(groupTherapySessions.teamId, teamIds))
    .orderBy(desc(groupTherapySessions.startsAt))
    .limit(limit);
}

/** The contacts recorded for group sessions: only those the scope can see (row-level security). */
export function groupContactsOf(tx: LanternDb, sessionIds: string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      groupSessionId: careContacts.groupSessionId,
      referralId: careContacts.referralId,
      attendStatus: careContacts.attendStatus,
    })
    .from(careContacts)
    .where(inArray(careContacts.groupSessionId, sessionIds));
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
