import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { schools } from '../schema/organisations.js';
import { carers, childLinks, children, childSchools } from '../schema/people.js';

// The only code that queries the people area's tables. Each function takes a transaction already
// bound to a record scope (db/scoped.ts withScope): row-level security decides what it sees.

export type NewChild = typeof children.$inferInsert & { id: string };
export type NewCarer = Omit<typeof carers.$inferInsert, 'childId'>;

/** Records a child and their school from today. No RETURNING: see withScope. */
export async function insertChild(
  tx: LanternDb,
  child: NewChild,
  school: { urn: number; fromDate: string } | null,
): Promise<void> {
  await tx.insert(children).values(child);
  if (school)
    await tx
      .insert(childSchools)
      .values({ childId: child.id, schoolUrn: school.urn, fromDate: school.fromDate });
}

export async function insertCarers(tx: LanternDb, childId: string, carerRows: NewCarer[]) {
  if (carerRows.length > 0) await tx.insert(carers).values(carerRows.map((c) => ({ ...c, childId })));
}

export interface ChildRow {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nhsNumber: string | null;
  gender: string | null;
  genderSelfDescription: string | null;
  ethnicity: string | null;
  postcode: string | null;
  gpPractice: string | null;
  contactRoutes: string[];
  contactPhone: string | null;
  contactEmail: string | null;
  canLeaveMessage: boolean;
  version: number;
}

export async function findChild(tx: LanternDb, id: string): Promise<ChildRow | null> {
  const [row] = await tx
    .select({
      id: children.id,
      givenName: children.givenName,
      familyName: children.familyName,
      dateOfBirth: children.dateOfBirth,
      nhsNumber: children.nhsNumber,
      gender: children.gender,
      genderSelfDescription: children.genderSelfDescription,
      ethnicity: children.ethnicity,
      postcode: children.postcode,
      gpPractice: children.gpPractice,
      contactRoutes: children.contactRoutes,
      contactPhone: children.contactPhone,
      contactEmail: children.contactEmail,
      canLeaveMessage: children.canLeaveMessage,
      version: children.version,
    })
    .from(children)
    .where(eq(children.id, id));
  return row ?? null;
}

/** The school a child attends now (the open row of their school history). */
export async function currentSchool(tx: LanternDb, childId: string) {
  const [row] = await tx
    .select({ urn: schools.urn, name: schools.name })
    .from(childSchools)
    .innerJoin(schools, eq(schools.urn, childSchools.schoolUrn))
    .where(and(eq(childSchools.childId, childId), isNull(childSchools.toDate)))
    .orderBy(sql`${childSchools.fromDate} desc`)
    .limit(1);
  return row ?? null;
}

export function carersOf(tx: LanternDb, childId: string) {
  return tx.select().from(carers).where(eq(carers.childId, childId)).orderBy(carers.createdAt, carers.name);
}

/** Children who might be the same young person: same NHS number, or born the same day. */
export async function duplicateCandidates(
  tx: LanternDb,
  probe: { excludeIds: string[]; nhsNumbers: string[]; datesOfBirth: string[]; limit?: number },
) {
  if (probe.nhsNumbers.length === 0 && probe.datesOfBirth.length === 0) return [];
  const matches = or(
    probe.nhsNumbers.length > 0 ? inArray(children.nhsNumber, probe.nhsNumbers) : undefined,
    probe.datesOfBirth.length > 0 ? inArray(children.dateOfBirth, probe.datesOfBirth) : undefined,
  );
  return tx
    .select({
      id: children.id,
      givenName: children.givenName,
      familyName: children.familyName,
      dateOfBirth: children.dateOfBirth,
      nhsNumber: children.nhsNumber,
      schoolUrns: sql<
        number[]
      >`coalesce((select array_agg(cs.school_urn) from child_schools cs where cs.child_id = ${children.id}), '{}')`,
      schoolName: sql<
        string | null
      >`(select s.name from child_schools cs join schools s on s.urn = cs.school_urn
        where cs.child_id = ${children.id} and cs.to_date is null order by cs.from_date desc limit 1)`,
      referralCount: sql<number>`(select count(*)::int from referrals r where r.child_id = ${children.id})`,
      isMerged: sql<boolean>`exists (select 1 from child_links l where l.merged_child_id = ${children.id} and l.undone_at is null)`,
    })
    .from(children)
    .where(
      and(
        matches,
        probe.excludeIds.length > 0
          ? sql`${children.id} <> all(${sql.param(probe.excludeIds)}::uuid[])`
          : undefined,
      ),
    )
    .limit(probe.limit ?? 200);
}

/** The child and every record merged into it (or it into), while those merges stand. */
export async function linkedChildIds(tx: LanternDb, childId: string): Promise<string[]> {
  const rows = await tx
    .select({ a: childLinks.survivingChildId, b: childLinks.mergedChildId })
    .from(childLinks)
    .where(
      and(
        isNull(childLinks.undoneAt),
        or(eq(childLinks.survivingChildId, childId), eq(childLinks.mergedChildId, childId)),
      ),
    );
  return [...new Set([childId, ...rows.flatMap((r) => [r.a, r.b])])];
}

export async function insertChildLink(tx: LanternDb, link: typeof childLinks.$inferInsert & { id: string }) {
  await tx.insert(childLinks).values(link);
}

export async function findChildLink(tx: LanternDb, id: string) {
  const [row] = await tx.select().from(childLinks).where(eq(childLinks.id, id));
  return row ?? null;
}

/** Undo a merge: the link row stays, marked undone, so the history of both decisions is kept. */
export async function undoChildLink(
  tx: LanternDb,
  id: string,
  undo: { at: Date; by: string; reason: string },
) {
  const done = await tx
    .update(childLinks)
    .set({ undoneAt: undo.at, undoneBy: undo.by, undoReason: undo.reason })
    .where(and(eq(childLinks.id, id), isNull(childLinks.undoneAt)))
    .returning({ id: childLinks.id });
  return done.length === 1;
}
