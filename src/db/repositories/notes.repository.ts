import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { LanternDb } from '../client.js';
import { contactNotes, noteSignOffs, supervisionSessions } from '../schema/episodes.js';
import { userRoles, users } from '../schema/identity.js';
import { children } from '../schema/people.js';
import { referrals } from '../schema/referrals.js';

// Contact notes, their sign-offs and the supervision log. Notes and sign-offs are only ever
// inserted: the app role cannot UPDATE them (migration 0017). Reads run under a record scope.

/** The referral a note or concern is written on, if the scope reaches it and it is in one of `statuses`. */
export async function referralInScope(tx: LanternDb, referralId: string, statuses: readonly string[]) {
  const [row] = await tx
    .select({
      id: referrals.id,
      reference: referrals.reference,
      status: referrals.status,
      teamId: referrals.teamId,
      organisationId: referrals.organisationId,
      allocatedUserId: referrals.allocatedUserId,
      childName: sql<string>`${children.givenName} || ' ' || ${children.familyName}`,
    })
    .from(referrals)
    .innerJoin(children, eq(children.id, referrals.childId))
    .where(and(eq(referrals.id, referralId), inArray(referrals.status, [...statuses])));
  return row ?? null;
}
export type ReferralInScope = NonNullable<Awaited<ReturnType<typeof referralInScope>>>;

export async function insertNoteVersion(tx: LanternDb, row: typeof contactNotes.$inferInsert) {
  await tx.insert(contactNotes).values(row);
}

const versionColumns = {
  noteId: contactNotes.noteId,
  version: contactNotes.version,
  referralId: contactNotes.referralId,
  contactId: contactNotes.contactId,
  body: contactNotes.body,
  correctionReason: contactNotes.correctionReason,
  inConfidence: contactNotes.inConfidence,
  writtenAt: contactNotes.writtenAt,
  writtenBy: contactNotes.writtenBy,
  writerName: users.displayName,
};

/** Every version of every note on a referral, with who wrote each. */
export function noteVersionsOfReferral(tx: LanternDb, referralId: string) {
  return tx
    .select(versionColumns)
    .from(contactNotes)
    .innerJoin(users, eq(users.id, contactNotes.writtenBy))
    .where(eq(contactNotes.referralId, referralId))
    .orderBy(desc(contactNotes.writtenAt), desc(contactNotes.version));
}
export type NoteVersionRow = Awaited<ReturnType<typeof noteVersionsOfReferral>>[number];

/** The versions of one note, if the scope reaches its referral. */
export function versionsOfNote(tx: LanternDb, noteId: string) {
  return tx
    .select(versionColumns)
    .from(contactNotes)
    .innerJoin(users, eq(users.id, contactNotes.writtenBy))
    .where(eq(contactNotes.noteId, noteId))
    .orderBy(desc(contactNotes.version));
}

export function signOffsOf(tx: LanternDb, noteIds: string[]) {
  if (noteIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      noteId: noteSignOffs.noteId,
      version: noteSignOffs.version,
      signedAt: noteSignOffs.signedAt,
      signedBy: noteSignOffs.signedBy,
      signerName: users.displayName,
      comment: noteSignOffs.comment,
    })
    .from(noteSignOffs)
    .innerJoin(users, eq(users.id, noteSignOffs.signedBy))
    .where(inArray(noteSignOffs.noteId, noteIds));
}

/** Writes a sign-off; false if that version was signed already (the unique index decides a race). */
export async function insertSignOff(tx: LanternDb, row: typeof noteSignOffs.$inferInsert): Promise<boolean> {
  const inserted = await tx
    .insert(noteSignOffs)
    .values(row)
    .onConflictDoNothing({ target: [noteSignOffs.noteId, noteSignOffs.version] })
    .returning({ id: noteSignOffs.id });
  return inserted.length === 1;
}

/**
 * Current versions not yet signed off, on referrals of these teams, not written by the supervisor:
 * the supervisor's list, oldest first so nothing waits long.
 */
export function notesToSign(tx: LanternDb, teamIds: string[], supervisorUserId: string) {
  const newer = alias(contactNotes, 'newer');
  return tx
    .select({ ...versionColumns, reference: referrals.reference })
    .from(contactNotes)
    .innerJoin(referrals, eq(referrals.id, contactNotes.referralId))
    .innerJoin(users, eq(users.id, contactNotes.writtenBy))
    .leftJoin(
      newer,
      and(eq(newer.noteId, contactNotes.noteId), sql`${newer.version} > ${contactNotes.version}`),
    )
    .leftJoin(
      noteSignOffs,
      and(eq(noteSignOffs.noteId, contactNotes.noteId), eq(noteSignOffs.version, contactNotes.version)),
    )
    .where(
      and(
        teamIds.length > 0 ? inArray(referrals.teamId, teamIds) : sql`false`,
        ne(contactNotes.writtenBy, supervisorUserId),
        isNull(newer.id),
        isNull(noteSignOffs.id),
      ),
    )
    .orderBy(asc(contactNotes.writtenAt))
    .limit(500);
}

export async function insertSupervisionSession(tx: LanternDb, row: typeof supervisionSessions.$inferInsert) {
  await tx.insert(supervisionSessions).values(row);
}

/** Sessions of these practitioners, newest first. */
export function supervisionSessionsOf(tx: LanternDb, practitionerUserIds: string[]) {
  if (practitionerUserIds.length === 0) return Promise.resolve([]);
  const supervisor = alias(users, 'supervisor');
  return tx
    .select({
      session: supervisionSessions,
      practitionerName: users.displayName,
      supervisorName: supervisor.displayName,
    })
    .from(supervisionSessions)
    .innerJoin(users, eq(users.id, supervisionSessions.practitionerUserId))
    .innerJoin(supervisor, eq(supervisor.id, supervisionSessions.supervisorUserId))
    .where(inArray(supervisionSessions.practitionerUserId, practitionerUserIds))
    .orderBy(desc(supervisionSessions.heldAt))
    .limit(500);
}

/** Active practitioners holding a practice role in any of these teams, by name. */
export async function practitionersOfTeams(tx: LanternDb, teamIds: string[], roles: readonly string[]) {
  if (teamIds.length === 0) return [];
  return tx
    .selectDistinct({ userId: users.id, name: users.displayName })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        inArray(userRoles.teamId, teamIds),
        inArray(userRoles.role, [...roles]),
        isNull(userRoles.revokedAt),
        eq(users.isActive, true),
      ),
    )
    .orderBy(asc(users.displayName));
}
