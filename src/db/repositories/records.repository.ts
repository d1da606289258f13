import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { careContacts } from '../schema/casework.js';
import {
  assessments,
  carePlanGoals,
  contactNotes,
  episodes,
  noteSignOffs,
  onwardReferrals,
} from '../schema/episodes.js';
import { users } from '../schema/identity.js';
import { measureResponses } from '../schema/measures.js';
import { carers, childLinks, children } from '../schema/people.js';
import { referralConsents, referrals, triageDecisions } from '../schema/referrals.js';
import { safeguardingActions, safeguardingConcerns, subjectAccessRequests } from '../schema/safeguarding.js';

// The records area's read model: one child's whole record, for a subject access request. It reads
// every case table but writes only subject_access_requests. Callers bind the transaction to a scope
// (the service uses a system scope, and only after the privacy officer has been authorised).

export function findChildrenByNhsNumber(tx: LanternDb, nhsNumber: string) {
  return tx
    .select({ id: children.id })
    .from(children)
    .where(eq(children.nhsNumber, nhsNumber))
    .orderBy(asc(children.createdAt));
}

export async function findChildByReference(tx: LanternDb, reference: string): Promise<string | null> {
  const [row] = await tx
    .select({ childId: referrals.childId })
    .from(referrals)
    .where(eq(referrals.reference, reference));
  return row?.childId ?? null;
}

export async function findChild(tx: LanternDb, childId: string) {
  const [row] = await tx.select().from(children).where(eq(children.id, childId));
  return row ?? null;
}

/** The child and any records a triage clinician merged into it (links not undone). */
export async function recordChildIds(tx: LanternDb, childId: string): Promise<string[]> {
  const merged = await tx
    .select({ id: childLinks.mergedChildId })
    .from(childLinks)
    .where(and(eq(childLinks.survivingChildId, childId), isNull(childLinks.undoneAt)));
  return [childId, ...merged.map((m) => m.id)];
}

export function carersOf(tx: LanternDb, childIds: string[]) {
  return tx
    .select()
    .from(carers)
    .where(inArray(carers.childId, childIds))
    .orderBy(asc(carers.createdAt), asc(carers.name));
}

export function referralsOf(tx: LanternDb, childIds: string[]) {
  return tx
    .select()
    .from(referrals)
    .where(inArray(referrals.childId, childIds))
    .orderBy(asc(referrals.receivedAt));
}

/** Everything recorded against these referrals, each list oldest first, with staff names. */
export async function caseRecordOf(tx: LanternDb, referralIds: string[]) {
  const ids = referralIds.length > 0 ? referralIds : ['00000000-0000-0000-0000-000000000000'];
  const consents = await tx
    .select()
    .from(referralConsents)
    .where(inArray(referralConsents.referralId, ids))
    .orderBy(asc(referralConsents.recordedAt));
  const decisions = await tx
    .select()
    .from(triageDecisions)
    .where(inArray(triageDecisions.referralId, ids))
    .orderBy(asc(triageDecisions.recordedAt));
  const contacts = await tx
    .select({ contact: careContacts, practitioner: users.displayName })
    .from(careContacts)
    .innerJoin(users, eq(users.id, careContacts.practitionerUserId))
    .where(inArray(careContacts.referralId, ids))
    .orderBy(asc(careContacts.startsAt));
  const episodeRows = await tx
    .select()
    .from(episodes)
    .where(inArray(episodes.referralId, ids))
    .orderBy(asc(episodes.openedAt));
  const assessmentRows = await tx
    .select()
    .from(assessments)
    .where(inArray(assessments.referralId, ids))
    .orderBy(asc(assessments.assessedAt));
  const goals = await tx
    .select()
    .from(carePlanGoals)
    .where(inArray(carePlanGoals.referralId, ids))
    .orderBy(asc(carePlanGoals.agreedAt));
  const notes = await tx
    .select({ note: contactNotes, writer: users.displayName })
    .from(contactNotes)
    .innerJoin(users, eq(users.id, contactNotes.writtenBy))
    .where(inArray(contactNotes.referralId, ids))
    .orderBy(asc(contactNotes.writtenAt), asc(contactNotes.version));
  const signOffs = await tx
    .select({ signOff: noteSignOffs, signer: users.displayName })
    .from(noteSignOffs)
    .innerJoin(users, eq(users.id, noteSignOffs.signedBy))
    .where(inArray(noteSignOffs.referralId, ids));
  const measures = await tx
    .select()
    .from(measureResponses)
    .where(inArray(measureResponses.referralId, ids))
    .orderBy(asc(measureResponses.completedAt));
  const onward = await tx
    .select()
    .from(onwardReferrals)
    .where(inArray(onwardReferrals.referralId, ids))
    .orderBy(asc(onwardReferrals.referredAt));
  const concerns = await tx
    .select()
    .from(safeguardingConcerns)
    .where(inArray(safeguardingConcerns.referralId, ids))
    .orderBy(asc(safeguardingConcerns.raisedAt));
  const actions = await tx
    .select()
    .from(safeguardingActions)
    .where(inArray(safeguardingActions.referralId, ids))
    .orderBy(asc(safeguardingActions.recordedAt));
  return {
    consents,
    decisions,
    contacts,
    episodes: episodeRows,
    assessments: assessmentRows,
    goals,
    notes,
    signOffs,
    measures,
    onward,
    concerns,
    actions,
  };
}
export type CaseRecordRows = Awaited<ReturnType<typeof caseRecordOf>>;

export async function insertSubjectAccessRequest(
  tx: LanternDb,
  row: typeof subjectAccessRequests.$inferInsert & { id: string },
) {
  await tx.insert(subjectAccessRequests).values(row);
}

/** The request an exporter already recorded under this Idempotency-Key hash, if any. */
export async function subjectAccessRequestByKey(tx: LanternDb, exportedBy: string, requestKeyHash: string) {
  const [row] = await tx
    .select({ id: subjectAccessRequests.id })
    .from(subjectAccessRequests)
    .where(
      and(
        eq(subjectAccessRequests.exportedBy, exportedBy),
        eq(subjectAccessRequests.requestKeyHash, requestKeyHash),
      ),
    );
  return row ?? null;
}

/** Past requests, newest first: who asked and the counts, never the content. */
export function listSubjectAccessRequests(tx: LanternDb, limit: number) {
  return tx
    .select({ request: subjectAccessRequests, exportedBy: users.displayName })
    .from(subjectAccessRequests)
    .innerJoin(users, eq(users.id, subjectAccessRequests.exportedBy))
    .orderBy(desc(subjectAccessRequests.exportedAt))
    .limit(limit);
}
