import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { children } from '../schema/people.js';
import { mdtActions, mdtAgendaItems, mdtMeetings, referrals } from '../schema/referrals.js';

// Multi-agency meetings. Meetings hold no child's data; agenda items and actions do, and are read
// in transactions bound to a record scope, so a reader sees only the items they may.

export async function insertMeeting(
  tx: LanternDb,
  meeting: typeof mdtMeetings.$inferInsert & { id: string },
) {
  await tx.insert(mdtMeetings).values(meeting);
}

export async function findMeeting(tx: LanternDb, id: string, organisationId: string) {
  const [row] = await tx
    .select()
    .from(mdtMeetings)
    .where(and(eq(mdtMeetings.id, id), eq(mdtMeetings.organisationId, organisationId)));
  return row ?? null;
}

export function listMeetings(tx: LanternDb, organisationId: string) {
  return tx
    .select({
      id: mdtMeetings.id,
      heldAt: mdtMeetings.heldAt,
      agenciesPresent: mdtMeetings.agenciesPresent,
      items: sql<number>`(select count(*)::int from mdt_agenda_items i where i.meeting_id = ${mdtMeetings.id})`,
    })
    .from(mdtMeetings)
    .where(eq(mdtMeetings.organisationId, organisationId))
    .orderBy(desc(mdtMeetings.heldAt))
    .limit(100);
}

export async function insertAgendaItems(tx: LanternDb, items: (typeof mdtAgendaItems.$inferInsert)[]) {
  // A referral already on the agenda stays there once (a retried add changes nothing).
  if (items.length > 0) await tx.insert(mdtAgendaItems).values(items).onConflictDoNothing();
}

/** The agenda items of a meeting that the scope can see, with each referral's reference and child. */
export function agendaOf(tx: LanternDb, meetingId: string) {
  return tx
    .select({
      itemId: mdtAgendaItems.id,
      referralId: mdtAgendaItems.referralId,
      reference: referrals.reference,
      givenName: children.givenName,
      familyName: children.familyName,
      status: referrals.status,
      sharedDecision: mdtAgendaItems.sharedDecision,
    })
    .from(mdtAgendaItems)
    .innerJoin(referrals, eq(referrals.id, mdtAgendaItems.referralId))
    .innerJoin(children, eq(children.id, referrals.childId))
    .where(eq(mdtAgendaItems.meetingId, meetingId))
    .orderBy(mdtAgendaItems.addedAt);
}

/** Agenda items for referrals, with their meeting's date: for the referral's own page. */
export function itemsForReferral(tx: LanternDb, referralId: string) {
  return tx
    .select({
      itemId: mdtAgendaItems.id,
      meetingId: mdtMeetings.id,
      heldAt: mdtMeetings.heldAt,
      sharedDecision: mdtAgendaItems.sharedDecision,
    })
    .from(mdtAgendaItems)
    .innerJoin(mdtMeetings, eq(mdtMeetings.id, mdtAgendaItems.meetingId))
    .where(eq(mdtAgendaItems.referralId, referralId))
    .orderBy(desc(mdtMeetings.heldAt));
}

/** The actions agreed for these agenda items, soonest due first. */
export async function actionsOf(tx: LanternDb, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return tx
    .select({
      agendaItemId: mdtActions.agendaItemId,
      description: mdtActions.description,
      ownerName: mdtActions.ownerName,
      ownerAgency: mdtActions.ownerAgency,
      dueOn: mdtActions.dueOn,
    })
    .from(mdtActions)
    .where(inArray(mdtActions.agendaItemId, itemIds))
    .orderBy(mdtActions.dueOn);
}

/** The actions of one agenda item, in the contract's shape. */
export function actionsForItem(actions: Awaited<ReturnType<typeof actionsOf>>, itemId: string) {
  return actions.filter((a) => a.agendaItemId === itemId).map(({ agendaItemId: _item, ...action }) => action);
}

/** Records the shared decision once: a second attempt (another agency at the same time) gets false. */
export async function recordSharedDecision(
  tx: LanternDb,
  itemId: string,
  decision: { text: string; at: Date; by: string },
) {
  const done = await tx
    .update(mdtAgendaItems)
    .set({ sharedDecision: decision.text, decidedAt: decision.at, decidedBy: decision.by })
    .where(and(eq(mdtAgendaItems.id, itemId), isNull(mdtAgendaItems.decidedAt)))
    .returning({ referralId: mdtAgendaItems.referralId });
  return done[0]?.referralId ?? null;
}

export async function insertActions(tx: LanternDb, actions: (typeof mdtActions.$inferInsert)[]) {
  if (actions.length > 0) await tx.insert(mdtActions).values(actions);
}
