import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { changedRows, type LanternDb } from '../client.js';
import { userRoles, users } from '../schema/identity.js';
import {
  allocationPreferences,
  allocations,
  breachAlerts,
  practitionerProfiles,
  practitionerSchoolDays,
  schoolLinkPractitioners,
} from '../schema/mhst.js';
import { schools, services, teamSchools, teams } from '../schema/organisations.js';

// The allocation area's tables: practitioners' capacity and school days, link practitioners,
// allocations, preferences and breach alerts. Reads run in transactions bound to a record scope.

/** Roles that hold a caseload of young people in an MHST, and so can be allocated to. */
export const allocatableRoles = ['emhp', 'senior-practitioner'] as const;

export function mhstTeams(tx: LanternDb, teamIds: string[] | 'all') {
  return tx
    .select({
      id: teams.id,
      name: teams.name,
      serviceName: services.name,
      baseSchoolUrn: teams.baseSchoolUrn,
      schoolCount: sql<number>`(select count(*)::int from team_schools ts where ts.team_id = ${teams.id})`,
    })
    .from(teams)
    .innerJoin(services, eq(services.id, teams.serviceId))
    .where(and(eq(services.kind, 'mhst'), teamIds === 'all' ? undefined : inArray(teams.id, teamIds)))
    .orderBy(asc(teams.name));
}

export function mhstTeamsOfServices(tx: LanternDb, serviceIds: string[]) {
  return tx
    .select({ id: teams.id })
    .from(teams)
    .innerJoin(services, eq(services.id, teams.serviceId))
    .where(and(eq(services.kind, 'mhst'), inArray(teams.serviceId, serviceIds)));
}

export function schoolsOfTeam(tx: LanternDb, teamId: string) {
  return tx
    .select({ urn: schools.urn, name: schools.name })
    .from(teamSchools)
    .innerJoin(schools, eq(schools.urn, teamSchools.schoolUrn))
    .where(eq(teamSchools.teamId, teamId))
    .orderBy(asc(schools.name));
}

/** The team's practitioners who can be allocated to, with their profile, caseload and school days. */
export async function practitionersOfTeam(tx: LanternDb, teamId: string) {
  const people = await tx
    .selectDistinctOn([users.id], {
      userId: users.id,
      displayName: users.displayName,
      role: userRoles.role,
      capacity: practitionerProfiles.caseloadCapacity,
      gender: practitionerProfiles.gender,
      languages: practitionerProfiles.languages,
      version: practitionerProfiles.version,
      // Young people allocated to them now, counted on the referrals' own columns (one indexed read).
      caseload: sql<number>`(select count(*)::int from referrals r where r.allocated_user_id = ${users.id} and r.status in ('allocated', 'in-intervention'))`,
    })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .leftJoin(
      practitionerProfiles,
      and(eq(practitionerProfiles.userId, users.id), eq(practitionerProfiles.teamId, teamId)),
    )
    .where(
      and(
        eq(userRoles.teamId, teamId),
        inArray(userRoles.role, [...allocatableRoles]),
        isNull(userRoles.revokedAt),
        eq(users.isActive, true),
      ),
    )
    .orderBy(users.id);
  const ids = people.map((p) => p.userId);
  // One after the other: `tx` may be a transaction, whose one connection runs one query at a time.
  const days = ids.length
    ? await tx
        .select()
        .from(practitionerSchoolDays)
        .where(and(eq(practitionerSchoolDays.teamId, teamId), inArray(practitionerSchoolDays.userId, ids)))
    : [];
  const links = ids.length
    ? await tx
        .select()
        .from(schoolLinkPractitioners)
        .where(and(eq(schoolLinkPractitioners.teamId, teamId), inArray(schoolLinkPractitioners.userId, ids)))
    : [];
  return people
    .map((p) => ({
      ...p,
      capacity: p.capacity ?? 0,
      languages: p.languages ?? [],
      version: p.version ?? 0,
      daysInSchools: days
        .filter((d) => d.userId === p.userId)
        .map((d) => ({ schoolUrn: d.schoolUrn, weekday: d.weekday })),
      linkSchoolUrns: links.filter((l) => l.userId === p.userId).map((l) => l.schoolUrn),
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Everyone holding a role in the team now. */
export function membersOfTeam(tx: LanternDb, teamId: string) {
  return tx
    .select({ userId: users.id, displayName: users.displayName, role: userRoles.role })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.teamId, teamId), isNull(userRoles.revokedAt), eq(users.isActive, true)))
    .orderBy(asc(users.displayName));
}

export function linkPractitioners(tx: LanternDb, teamId: string) {
  return tx
    .select({
      schoolUrn: schoolLinkPractitioners.schoolUrn,
      userId: users.id,
      displayName: users.displayName,
    })
    .from(schoolLinkPractitioners)
    .innerJoin(users, eq(users.id, schoolLinkPractitioners.userId))
    .where(eq(schoolLinkPractitioners.teamId, teamId));
}

export async function saveProfile(
  tx: LanternDb,
  row: {
    userId: string;
    teamId: string;
    caseloadCapacity: number;
    gender: string | null;
    languages: string[];
  },
  schoolDays: { schoolUrn: number; weekday: number }[],
  at: Date,
): Promise<number> {
  const [saved] = await tx
    .insert(practitionerProfiles)
    .values({ ...row, updatedAt: at })
    .onConflictDoUpdate({
      target: [practitionerProfiles.userId, practitionerProfiles.teamId],
      set: { ...row, updatedAt: at, version: sql`${practitionerProfiles.version} + 1` },
    })
    .returning({ version: practitionerProfiles.version });
  await tx
    .delete(practitionerSchoolDays)
    .where(and(eq(practitionerSchoolDays.userId, row.userId), eq(practitionerSchoolDays.teamId, row.teamId)));
  if (schoolDays.length > 0) {
    await tx
      .insert(practitionerSchoolDays)
      .values(schoolDays.map((d) => ({ ...d, userId: row.userId, teamId: row.teamId })));
  }
  return saved?.version ?? 1;
}

export async function setLinkPractitioner(
  tx: LanternDb,
  teamId: string,
  schoolUrn: number,
  userId: string,
  at: Date,
) {
  await tx
    .insert(schoolLinkPractitioners)
    .values({ teamId, schoolUrn, userId, updatedAt: at })
    .onConflictDoUpdate({
      target: [schoolLinkPractitioners.teamId, schoolLinkPractitioners.schoolUrn],
      set: { userId, updatedAt: at },
    });
}

/** Every allocation of these referrals, newest first, with names for the history. */
export function allocationsOf(tx: LanternDb, referralIds: string[]) {
  if (referralIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      allocation: allocations,
      practitionerName: sql<
        string | null
      >`(select display_name from users p where p.id = ${allocations.userId})`,
      recordedByName: users.displayName,
    })
    .from(allocations)
    .innerJoin(users, eq(users.id, allocations.recordedBy))
    .where(inArray(allocations.referralId, referralIds))
    .orderBy(desc(allocations.recordedAt));
}

export type NewAllocation = typeof allocations.$inferInsert & { id: string };

export interface AllocationEnding {
  at: Date;
  by: string;
  reason: string;
}

/** Ends the referral's current allocation, if any (the episode closed, or it is reallocated). */
export async function endCurrentAllocation(tx: LanternDb, referralId: string, ending: AllocationEnding) {
  await tx
    .update(allocations)
    .set({ endedAt: ending.at, endedBy: ending.by, endReason: ending.reason })
    .where(and(eq(allocations.referralId, referralId), isNull(allocations.endedAt)));
}

/** Ends the current allocation (if any) and adds the new one: the history stays. */
export async function replaceAllocation(tx: LanternDb, next: NewAllocation, ending: AllocationEnding) {
  await endCurrentAllocation(tx, next.referralId, ending);
  await tx.insert(allocations).values(next);
}

export async function preferencesOf(tx: LanternDb, referralId: string) {
  const [row] = await tx
    .select()
    .from(allocationPreferences)
    .where(eq(allocationPreferences.referralId, referralId));
  return row ?? null;
}

export async function savePreferences(tx: LanternDb, row: typeof allocationPreferences.$inferInsert) {
  await tx
    .insert(allocationPreferences)
    .values(row)
    .onConflictDoUpdate({ target: allocationPreferences.referralId, set: row });
}

/** Group names already in use by the team's group waiting list, to choose from. */
export async function groupNames(tx: LanternDb, teamId: string) {
  const rows = await tx
    .selectDistinct({ name: allocations.groupName })
    .from(allocations)
    .where(
      and(
        eq(allocations.teamId, teamId),
        eq(allocations.kind, 'group-waiting-list'),
        isNull(allocations.endedAt),
      ),
    );
  return rows.flatMap((r) => (r.name ? [r.name] : [])).sort();
}

export function openBreachAlerts(tx: LanternDb, teamId: string) {
  return tx
    .select()
    .from(breachAlerts)
    .where(and(eq(breachAlerts.teamId, teamId), isNull(breachAlerts.acknowledgedAt)))
    .orderBy(asc(breachAlerts.breachAt));
}

/** Adds alerts for referrals that have none; returns the ids of referrals newly alerted. */
export async function raiseBreachAlerts(tx: LanternDb, rows: (typeof breachAlerts.$inferInsert)[]) {
  if (rows.length === 0) return [];
  const added = await tx
    .insert(breachAlerts)
    .values(rows)
    .onConflictDoNothing({ target: breachAlerts.referralId })
    .returning({ referralId: breachAlerts.referralId });
  return added.map((r) => r.referralId);
}

export async function acknowledgeBreachAlert(
  tx: LanternDb,
  id: string,
  teamId: string,
  by: string,
  at: Date,
) {
  const result = await tx
    .update(breachAlerts)
    .set({ acknowledgedAt: at, acknowledgedBy: by })
    .where(
      and(eq(breachAlerts.id, id), eq(breachAlerts.teamId, teamId), isNull(breachAlerts.acknowledgedAt)),
    );
  return changedRows(result) === 1 ? { id } : null;
}

/** Team managers of a team, who hear about breaches. */
export function teamManagers(tx: LanternDb, teamId: string) {
  return tx
    .select({ userId: users.id, email: users.email })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(userRoles.teamId, teamId),
        eq(userRoles.role, 'mhst-team-manager'),
        isNull(userRoles.revokedAt),
        eq(users.isActive, true),
      ),
    );
}

/** Work email of each practitioner, for the new-allocation message. */
export async function practitionerEmails(tx: LanternDb, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.id, r.email]));
}

/** The practitioner's caseload capacity (the largest over their teams), or null if none is set. */
export async function capacityOf(tx: LanternDb, userId: string): Promise<number | null> {
  const [row] = await tx
    .select({ capacity: sql<number | null>`max(${practitionerProfiles.caseloadCapacity})::int` })
    .from(practitionerProfiles)
    .where(eq(practitionerProfiles.userId, userId));
  return row?.capacity ?? null;
}
