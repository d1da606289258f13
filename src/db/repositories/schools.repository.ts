import { and, asc, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { userRoles, users } from '../schema/identity.js';
import { schools, teamSchools, teams } from '../schema/organisations.js';
import { children } from '../schema/people.js';
import { referrals } from '../schema/referrals.js';
import {
  confidenceSurveyResponses,
  confidenceSurveys,
  consultationCalls,
  groupSessions,
  schoolLinkMeetings,
  schoolPlanActions,
  staffConsultations,
} from '../schema/schools.js';

// The only code that queries the schools area's tables. It joins the organisations, identity and
// referrals tables for names only, never writes them. staff_consultations and referrals are under
// row-level security: those reads run in a transaction bound to the reader's scope (withScope).

/** Schools reached through a school of one's own, a team's schools, or a service's teams' schools. */
export function schoolsReached(
  db: LanternDb,
  through: { urns: number[]; teamIds: string[]; serviceIds: string[] },
  onlyUrn?: number,
) {
  const servedBy = (teamCondition: SQL) =>
    sql`exists (select 1 from team_schools ts join teams t on t.id = ts.team_id where ts.school_urn = ${schools.urn} and ${teamCondition})`;
  const ways: SQL[] = [];
  if (through.urns.length > 0) ways.push(inArray(schools.urn, through.urns));
  if (through.teamIds.length > 0)
    ways.push(
      servedBy(
        sql`t.id in (${sql.join(
          through.teamIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      ),
    );
  if (through.serviceIds.length > 0)
    ways.push(
      servedBy(
        sql`t.service_id in (${sql.join(
          through.serviceIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      ),
    );
  if (ways.length === 0) return Promise.resolve([]);
  return db
    .select({
      urn: schools.urn,
      name: schools.name,
      phase: schools.phase,
      teamName: sql<
        string | null
      >`(select string_agg(t.name, ', ' order by t.name) from team_schools ts join teams t on t.id = ts.team_id where ts.school_urn = ${schools.urn})`,
    })
    .from(schools)
    .where(and(or(...ways), onlyUrn === undefined ? undefined : eq(schools.urn, onlyUrn)))
    .orderBy(asc(schools.name));
}

/** The MHST teams serving a school, for recording whose work a session or consultation was. */
export async function teamsServing(db: LanternDb, urn: number): Promise<string[]> {
  const rows = await db
    .select({ teamId: teamSchools.teamId })
    .from(teamSchools)
    .where(eq(teamSchools.schoolUrn, urn));
  return rows.map((r) => r.teamId);
}

/** The people who hold the senior mental health lead role for the school now. */
export function leadsOf(db: LanternDb, urn: number) {
  return db
    .select({ name: users.displayName })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(userRoles.role, 'senior-mental-health-lead'),
        eq(userRoles.schoolUrn, urn),
        isNull(userRoles.revokedAt),
        eq(users.isActive, true),
      ),
    )
    .orderBy(asc(users.displayName));
}

export async function schoolExists(db: LanternDb, urn: number): Promise<boolean> {
  const [row] = await db.select({ urn: schools.urn }).from(schools).where(eq(schools.urn, urn));
  return row !== undefined;
}

// The whole-school plan.

export function planActionsOf(db: LanternDb, urn: number) {
  return db
    .select()
    .from(schoolPlanActions)
    .where(eq(schoolPlanActions.schoolUrn, urn))
    .orderBy(asc(schoolPlanActions.tier), asc(schoolPlanActions.recordedAt));
}

export async function insertPlanAction(db: LanternDb, row: typeof schoolPlanActions.$inferInsert) {
  const [inserted] = await db.insert(schoolPlanActions).values(row).returning();
  if (!inserted) throw new Error('plan action insert returned nothing');
  return inserted;
}

export async function findPlanAction(db: LanternDb, urn: number, id: string) {
  const [row] = await db
    .select()
    .from(schoolPlanActions)
    .where(and(eq(schoolPlanActions.id, id), eq(schoolPlanActions.schoolUrn, urn)));
  return row ?? null;
}

/** Changes an action only over the version the person saw; null when someone changed it first. */
export async function updatePlanActionIfVersion(
  db: LanternDb,
  id: string,
  expected: number,
  changes: Pick<typeof schoolPlanActions.$inferInsert, 'action' | 'owner' | 'dueOn' | 'status'>,
) {
  const [row] = await db
    .update(schoolPlanActions)
    .set({ ...changes, version: sql`${schoolPlanActions.version} + 1` })
    .where(and(eq(schoolPlanActions.id, id), eq(schoolPlanActions.version, expected)))
    .returning();
  return row ?? null;
}

// Group sessions, advice to staff and School Link meetings: rows written once, never changed.

export async function insertGroupSession(db: LanternDb, row: typeof groupSessions.$inferInsert) {
  await db.insert(groupSessions).values(row);
}

export function recentGroupSessions(db: LanternDb, urn: number, limit = 50) {
  return db
    .select()
    .from(groupSessions)
    .where(eq(groupSessions.schoolUrn, urn))
    .orderBy(desc(groupSessions.heldAt))
    .limit(limit);
}

/** Sessions held since a moment, by kind, with the attendees counted (never named). */
export function groupSessionCounts(db: LanternDb, urn: number, since: Date, until: Date) {
  return db
    .select({
      kind: groupSessions.kind,
      sessions: sql<number>`count(*)::int`,
      attendees: sql<number>`coalesce(sum(${groupSessions.attendeeCount}), 0)::int`,
    })
    .from(groupSessions)
    .where(
      and(
        eq(groupSessions.schoolUrn, urn),
        gte(groupSessions.heldAt, since),
        lt(groupSessions.heldAt, until),
      ),
    )
    .groupBy(groupSessions.kind);
}

/** Inserted without RETURNING: a row naming a referral may be outside the recorder's own sight. */
export async function insertStaffConsultation(db: LanternDb, row: typeof staffConsultations.$inferInsert) {
  await db.insert(staffConsultations).values(row);
}

/** Advice given at the school; row-level security leaves out rows naming a referral the reader may not see. */
export function recentStaffConsultations(db: LanternDb, urn: number, limit = 50) {
  return db
    .select()
    .from(staffConsultations)
    .where(eq(staffConsultations.schoolUrn, urn))
    .orderBy(desc(staffConsultations.givenAt))
    .limit(limit);
}

export async function staffConsultationCount(db: LanternDb, urn: number, since: Date, until: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(staffConsultations)
    .where(
      and(
        eq(staffConsultations.schoolUrn, urn),
        gte(staffConsultations.givenAt, since),
        lt(staffConsultations.givenAt, until),
      ),
    );
  return Number(row?.n ?? 0);
}

export async function insertLinkMeeting(db: LanternDb, row: typeof schoolLinkMeetings.$inferInsert) {
  await db.insert(schoolLinkMeetings).values(row);
}

export function recentLinkMeetings(db: LanternDb, urn: number, limit = 50) {
  return db
    .select()
    .from(schoolLinkMeetings)
    .where(eq(schoolLinkMeetings.schoolUrn, urn))
    .orderBy(desc(schoolLinkMeetings.heldAt))
    .limit(limit);
}

export async function linkMeetingCount(db: LanternDb, urn: number, since: Date, until: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(schoolLinkMeetings)
    .where(
      and(
        eq(schoolLinkMeetings.schoolUrn, urn),
        gte(schoolLinkMeetings.heldAt, since),
        lt(schoolLinkMeetings.heldAt, until),
      ),
    );
  return Number(row?.n ?? 0);
}

// The professionals' consultation line.

export async function insertConsultationCall(db: LanternDb, row: typeof consultationCalls.$inferInsert) {
  await db.insert(consultationCalls).values(row);
}

/** Calls to these teams received in [from, until), newest first. */
export function consultationCallsOf(db: LanternDb, teamIds: string[], from: Date, until: Date) {
  if (teamIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      call: consultationCalls,
      teamName: teams.name,
      schoolName: schools.name,
      handledBy: users.displayName,
    })
    .from(consultationCalls)
    .innerJoin(teams, eq(teams.id, consultationCalls.teamId))
    .innerJoin(users, eq(users.id, consultationCalls.handledBy))
    .leftJoin(schools, eq(schools.urn, consultationCalls.schoolUrn))
    .where(
      and(
        inArray(consultationCalls.teamId, teamIds),
        gte(consultationCalls.receivedAt, from),
        lt(consultationCalls.receivedAt, until),
      ),
    )
    .orderBy(desc(consultationCalls.receivedAt))
    .limit(5000);
}

// School staff confidence surveys.

export async function insertSurvey(
  db: LanternDb,
  row: typeof confidenceSurveys.$inferInsert & { id: string },
) {
  await db.insert(confidenceSurveys).values(row);
}

/** A survey round by the SHA-256 of its link's secret, with its school's name. */
export async function findSurveyByLinkHash(db: LanternDb, linkHash: string) {
  const [row] = await db
    .select({ survey: confidenceSurveys, schoolName: schools.name })
    .from(confidenceSurveys)
    .innerJoin(schools, eq(schools.urn, confidenceSurveys.schoolUrn))
    .where(eq(confidenceSurveys.linkHash, linkHash));
  return row ?? null;
}

/** A school's survey rounds, oldest first, without their link hashes. */
export function surveysOf(db: LanternDb, urn: number) {
  return db
    .select({
      id: confidenceSurveys.id,
      phase: confidenceSurveys.phase,
      opensAt: confidenceSurveys.opensAt,
      closesAt: confidenceSurveys.closesAt,
    })
    .from(confidenceSurveys)
    .where(eq(confidenceSurveys.schoolUrn, urn))
    .orderBy(asc(confidenceSurveys.opensAt))
    .limit(100);
}

export async function answersOf(db: LanternDb, surveyIds: string[]) {
  if (surveyIds.length === 0) return [];
  return db
    .select({ surveyId: confidenceSurveyResponses.surveyId, answers: confidenceSurveyResponses.answers })
    .from(confidenceSurveyResponses)
    .where(inArray(confidenceSurveyResponses.surveyId, surveyIds));
}

/** An anonymous answer: the survey, the answers and the day, nothing about who gave it. */
export async function insertSurveyResponse(
  db: LanternDb,
  row: { surveyId: string; answers: Record<string, number>; submittedOn: string },
) {
  await db.insert(confidenceSurveyResponses).values(row);
}

// The school dashboard's referrals. Read in the reader's scope: row-level security decides which.

/** Referrals the school made that are still open or were received since `since`, newest first. */
export function referralsFromSchool(db: LanternDb, urn: number, since: Date, openStatuses: string[]) {
  return db
    .select({
      id: referrals.id,
      reference: referrals.reference,
      givenName: children.givenName,
      familyName: children.familyName,
      receivedAt: referrals.receivedAt,
      status: referrals.status,
    })
    .from(referrals)
    .innerJoin(children, eq(children.id, referrals.childId))
    .where(
      and(
        eq(referrals.schoolUrn, urn),
        or(gte(referrals.receivedAt, since), inArray(referrals.status, openStatuses)),
      ),
    )
    .orderBy(desc(referrals.receivedAt))
    .limit(500);
}
