import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RecordScope, ReferralRelations } from '../../access/scope.js';
import { changedRows, type LanternDb } from '../client.js';
import { users } from '../schema/identity.js';
import { schools, services, teams } from '../schema/organisations.js';
import { children } from '../schema/people.js';
import { frontDoorSettings, referralConsents, referralInformation, referrals } from '../schema/referrals.js';
import { withScope } from '../scoped.js';
import { insertCarers, insertChild, type NewCarer, type NewChild } from './people.repository.js';

// The only code that queries the referrals and their consents. Every function takes a record scope
// or a transaction bound to one (withScope); row-level security applies it again.

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

const recordColumns = {
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
};

/** One referral with its child's name, or null when it does not exist or is outside the scope. */
export function findReferral(db: LanternDb, scope: RecordScope, id: string): Promise<ReferralRecord | null> {
  return withScope(db, scope, async (tx) => {
    const [row] = await tx
      .select(recordColumns)
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

export type NewReferralRow = Omit<typeof referrals.$inferInsert, 'childId' | 'schoolUrn'> & { id: string };
export type NewConsent = Omit<typeof referralConsents.$inferInsert, 'referralId'>;

export interface NewReferral {
  child: NewChild;
  schoolUrn: number | null;
  referral: NewReferralRow;
  carers?: NewCarer[];
  consent?: NewConsent;
}

/** Records a new child and a referral for them, in the caller's transaction. */
export async function insertReferralWithChild(tx: LanternDb, input: NewReferral): Promise<void> {
  const fromDate = input.referral.receivedAt.toISOString().slice(0, 10);
  await insertChild(tx, input.child, input.schoolUrn === null ? null : { urn: input.schoolUrn, fromDate });
  // The referral's own school is only for referrals the school made: its senior mental health lead
  // sees those, never a young person's own request or a family's (the child's school is kept apart).
  const referralSchool = input.referral.source === 'school' ? input.schoolUrn : null;
  await tx
    .insert(referrals)
    .values({ ...input.referral, childId: input.child.id, schoolUrn: referralSchool });
  // After the referral, so the child is visible to the referrer's scope when carers are checked.
  await insertCarers(tx, input.child.id, input.carers ?? []);
  if (input.consent)
    await tx.insert(referralConsents).values({ ...input.consent, referralId: input.referral.id });
}

/** Records a child and a referral for them in a transaction of its own. */
export function createReferral(db: LanternDb, scope: RecordScope, input: NewReferral): Promise<void> {
  return withScope(db, scope, (tx) => insertReferralWithChild(tx, input));
}

/** Where referrals arrive, and the front door's rules: null until an area is set up. */
export async function findFrontDoor(db: LanternDb) {
  const [row] = await db
    .select({
      intakeTeamId: frontDoorSettings.intakeTeamId,
      serviceId: teams.serviceId,
      serviceName: services.name,
      organisationId: services.providerId,
      selfReferralMinAge: frontDoorSettings.selfReferralMinAge,
      triageWorkingDays: frontDoorSettings.triageWorkingDays,
      referencePrefix: frontDoorSettings.referencePrefix,
    })
    .from(frontDoorSettings)
    .innerJoin(teams, eq(teams.id, frontDoorSettings.intakeTeamId))
    .innerJoin(services, eq(services.id, teams.serviceId))
    .where(eq(frontDoorSettings.id, 1));
  return row ?? null;
}
export type FrontDoor = NonNullable<Awaited<ReturnType<typeof findFrontDoor>>>;

export async function saveFrontDoor(db: LanternDb, settings: typeof frontDoorSettings.$inferInsert) {
  await db
    .insert(frontDoorSettings)
    .values(settings)
    .onConflictDoUpdate({ target: frontDoorSettings.id, set: settings });
}

/** The full referral as triage reads it. */
export async function findReferralDetail(tx: LanternDb, id: string) {
  const [row] = await tx
    .select({
      referral: referrals,
      schoolName: schools.name,
    })
    .from(referrals)
    .leftJoin(schools, eq(schools.urn, referrals.schoolUrn))
    .where(eq(referrals.id, id));
  return row ?? null;
}

export async function currentConsent(tx: LanternDb, referralId: string) {
  const [row] = await tx
    .select()
    .from(referralConsents)
    .where(and(eq(referralConsents.referralId, referralId), sql`${referralConsents.invalidatedAt} is null`))
    .orderBy(sql`${referralConsents.recordedAt} desc`)
    .limit(1);
  return row ?? null;
}

/** Referrals of any of these children (a child and the records merged with it), newest first. */
export function referralsOfChildren(tx: LanternDb, childIds: string[]) {
  return tx
    .select({
      id: referrals.id,
      reference: referrals.reference,
      receivedAt: referrals.receivedAt,
      status: referrals.status,
    })
    .from(referrals)
    .where(inArray(referrals.childId, childIds))
    .orderBy(sql`${referrals.receivedAt} desc`);
}

/**
 * Changes a referral only if nobody has since: the version must still be `expected`. Returns the
 * new version, or null when another change got there first (the caller answers 412).
 */
export async function updateReferralIfVersion(
  tx: LanternDb,
  id: string,
  expected: number,
  changes: Partial<typeof referrals.$inferInsert>,
): Promise<number | null> {
  const result = await tx
    .update(referrals)
    .set({ ...changes, version: sql`${referrals.version} + 1` })
    .where(and(eq(referrals.id, id), eq(referrals.version, expected)));
  return changedRows(result) === 1 ? expected + 1 : null;
}

/** Referrals the person made, newest first. */
export function referralsMadeBy(tx: LanternDb, userId: string) {
  return tx
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
    .where(eq(referrals.referrerUserId, userId))
    .orderBy(sql`${referrals.receivedAt} desc`)
    .limit(200);
}

export async function insertInformation(tx: LanternDb, row: typeof referralInformation.$inferInsert) {
  await tx.insert(referralInformation).values(row);
}

export function informationOf(tx: LanternDb, referralId: string) {
  return tx
    .select({
      answer: referralInformation.answer,
      givenBy: users.displayName,
      givenAt: referralInformation.givenAt,
    })
    .from(referralInformation)
    .innerJoin(users, eq(users.id, referralInformation.givenBy))
    .where(eq(referralInformation.referralId, referralId))
    .orderBy(referralInformation.givenAt);
}
