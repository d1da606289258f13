import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { users } from '../schema/identity.js';
import { schools, services, teams } from '../schema/organisations.js';
import { children } from '../schema/people.js';
import { referrals, referralWorkers, triageDecisions } from '../schema/referrals.js';

// Triage decisions and lead workers, in transactions bound to a record scope (withScope).

/** Open referrals in the given statuses, as far as the scope reaches; the service orders them. */
export function queueRows(tx: LanternDb, statuses: string[]) {
  return tx
    .select({
      id: referrals.id,
      reference: referrals.reference,
      childId: referrals.childId,
      givenName: children.givenName,
      familyName: children.familyName,
      dateOfBirth: children.dateOfBirth,
      nhsNumber: children.nhsNumber,
      schoolUrn: referrals.schoolUrn,
      schoolName: schools.name,
      source: referrals.source,
      receivedAt: referrals.receivedAt,
      isUrgent: referrals.isUrgent,
      priority: referrals.priority,
      status: referrals.status,
      presentingNeeds: referrals.presentingNeeds,
      otherReferrals: sql<number>`(select count(*)::int from referrals o where o.child_id = ${referrals.childId} and o.id <> ${referrals.id})`,
    })
    .from(referrals)
    .innerJoin(children, eq(children.id, referrals.childId))
    .leftJoin(schools, eq(schools.urn, referrals.schoolUrn))
    .where(inArray(referrals.status, statuses))
    .limit(1000);
}

export type NewDecision = typeof triageDecisions.$inferInsert & { id: string };

export async function insertDecision(tx: LanternDb, decision: NewDecision) {
  await tx.insert(triageDecisions).values(decision);
}

/** Every decision on a referral, newest first, with the names a reader needs. */
export function decisionsOf(tx: LanternDb, referralId: string) {
  return tx
    .select({
      decision: triageDecisions,
      serviceName: services.name,
      teamName: teams.name,
      recordedByName: users.displayName,
    })
    .from(triageDecisions)
    .leftJoin(services, eq(services.id, triageDecisions.serviceId))
    .leftJoin(teams, eq(teams.id, triageDecisions.teamId))
    .innerJoin(users, eq(users.id, triageDecisions.recordedBy))
    .where(eq(triageDecisions.referralId, referralId))
    .orderBy(desc(triageDecisions.recordedAt));
}

/** The newest valid decision on each of these referrals (for the referrer's view). */
export async function latestDecisions(tx: LanternDb, referralIds: string[]) {
  if (referralIds.length === 0) return [];
  return tx
    .selectDistinctOn([triageDecisions.referralId], {
      id: triageDecisions.id,
      referralId: triageDecisions.referralId,
      kind: triageDecisions.kind,
      serviceName: services.name,
      signpostedTo: triageDecisions.signpostedTo,
      declineReason: triageDecisions.declineReason,
      question: triageDecisions.question,
    })
    .from(triageDecisions)
    .leftJoin(services, eq(services.id, triageDecisions.serviceId))
    .where(and(inArray(triageDecisions.referralId, referralIds), isNull(triageDecisions.invalidatedAt)))
    .orderBy(triageDecisions.referralId, desc(triageDecisions.recordedAt));
}

/** The lead worker now, for each referral: the newest open `lead-worker` row. */
export async function leadWorkersOf(tx: LanternDb, referralIds: string[]) {
  if (referralIds.length === 0) return [];
  return tx
    .selectDistinctOn([referralWorkers.referralId], {
      referralId: referralWorkers.referralId,
      userName: users.displayName,
      externalName: referralWorkers.externalName,
      externalAgency: referralWorkers.externalAgency,
      externalPhone: referralWorkers.externalPhone,
      startedAt: referralWorkers.startedAt,
    })
    .from(referralWorkers)
    .leftJoin(users, eq(users.id, referralWorkers.userId))
    .where(
      and(
        inArray(referralWorkers.referralId, referralIds),
        eq(referralWorkers.role, 'lead-worker'),
        isNull(referralWorkers.endedAt),
      ),
    )
    .orderBy(referralWorkers.referralId, desc(referralWorkers.startedAt));
}

/** Names a new lead worker: the previous one's row is ended, not changed otherwise. */
export async function replaceLeadWorker(
  tx: LanternDb,
  referralId: string,
  worker: { name: string; agency: string; phone: string | null; at: Date; by: string },
) {
  await tx
    .update(referralWorkers)
    .set({ endedAt: worker.at })
    .where(
      and(
        eq(referralWorkers.referralId, referralId),
        eq(referralWorkers.role, 'lead-worker'),
        isNull(referralWorkers.endedAt),
      ),
    );
  await tx.insert(referralWorkers).values({
    referralId,
    role: 'lead-worker',
    externalName: worker.name,
    externalAgency: worker.agency,
    externalPhone: worker.phone,
    startedAt: worker.at,
    recordedBy: worker.by,
  });
}

/** Service and team ids by slug, for accepting and signposting. */
export async function servicesBySlug(tx: LanternDb, slugs: string[]) {
  if (slugs.length === 0) return [];
  return tx
    .select({ id: services.id, slug: services.slug, name: services.name, providerId: services.providerId })
    .from(services)
    .where(inArray(services.slug, slugs));
}

export async function serviceNames(tx: LanternDb, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(inArray(services.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The team, if it belongs to the service. */
export async function teamOfService(tx: LanternDb, teamId: string, serviceId: string) {
  const [row] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.serviceId, serviceId)));
  return row ?? null;
}

/** The team that should take a referral accepted to a service: the one serving the child's school, else the first. */
export async function teamForService(tx: LanternDb, serviceId: string, schoolUrn: number | null) {
  const [row] = await tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.serviceId, serviceId))
    .orderBy(
      sql`case when ${schoolUrn}::int is not null and exists (select 1 from team_schools ts where ts.team_id = ${teams.id} and ts.school_urn = ${schoolUrn}::int) then 0 else 1 end`,
      teams.name,
    )
    .limit(1);
  return row ?? null;
}
