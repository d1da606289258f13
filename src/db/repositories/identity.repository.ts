import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { chunksOf, insertInChunks } from '../bulk-insert.js';
import type { LanternDb } from '../client.js';
import { recoveryCodes, userRoles, users } from '../schema/identity.js';
import { organisations, teams } from '../schema/organisations.js';

// The only code that queries the identity area's staff tables (users, roles, second factors).

export interface IdentityData {
  users: (typeof users.$inferInsert)[];
  userRoles: (typeof userRoles.$inferInsert)[];
}

export async function insertIdentityData(db: LanternDb, data: IdentityData): Promise<void> {
  await insertInChunks(db, users, data.users);
  await insertInChunks(db, userRoles, data.userRoles);
}

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: LanternDb, email: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return row ?? null;
}

export async function findUser(db: LanternDb, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export interface RoleGrant {
  id: string;
  role: string;
  teamId: string | null;
  teamName: string | null;
  serviceId: string | null;
  schoolUrn: number | null;
}

/** The roles a user holds now: revoked grants are left out, so a removal bites on the next request. */
export async function activeRoles(db: LanternDb, userId: string): Promise<RoleGrant[]> {
  return (await activeRolesOf(db, [userId])).get(userId) ?? [];
}

/**
 * The roles each of many users holds now, in one query per thousand users (the chat socket sweep
 * checks every open socket's session at once). Users holding none are missing from the map.
 */
export async function activeRolesOf(
  db: LanternDb,
  userIds: readonly string[],
): Promise<Map<string, RoleGrant[]>> {
  const byUser = new Map<string, RoleGrant[]>();
  for (const chunk of chunksOf(userIds)) {
    const rows = await db
      .select({
        userId: userRoles.userId,
        id: userRoles.id,
        role: userRoles.role,
        teamId: userRoles.teamId,
        teamName: teams.name,
        serviceId: teams.serviceId,
        schoolUrn: userRoles.schoolUrn,
      })
      .from(userRoles)
      .leftJoin(teams, eq(teams.id, userRoles.teamId))
      .where(and(inArray(userRoles.userId, chunk), isNull(userRoles.revokedAt)))
      .orderBy(asc(userRoles.grantedAt), asc(userRoles.role), asc(userRoles.id));
    for (const { userId, ...grant } of rows) {
      const grants = byUser.get(userId) ?? [];
      grants.push(grant);
      byUser.set(userId, grants);
    }
  }
  return byUser;
}

export async function listUsers(db: LanternDb) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      organisation: organisations.name,
      isActive: users.isActive,
      hasSecondFactor: sql<boolean>`${users.totpConfirmedAt} is not null`,
      version: users.version,
      roles: sql<
        { grantId: string; role: string; teamName: string | null; schoolUrn: number | null }[]
      >`coalesce((
        select json_agg(json_build_object('grantId', r.id, 'role', r.role, 'schoolUrn', r.school_urn,
          'teamName', (select t.name from teams t where t.id = r.team_id)) order by r.role) from user_roles r
        where r.user_id = ${users.id} and r.revoked_at is null), '[]'::json)`,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(asc(users.displayName));
  return rows;
}

/** Changes a user's row if its version still matches; returns the new row, or null if it moved on. */
export async function updateUser(
  db: LanternDb,
  id: string,
  expectedVersion: number,
  change: Partial<
    Pick<
      UserRow,
      'isActive' | 'passwordHash' | 'mustChangePassword' | 'totpSecret' | 'totpConfirmedAt' | 'totpLastStep'
    >
  >,
): Promise<UserRow | null> {
  const [row] = await db
    .update(users)
    .set({ ...change, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Accepts a TOTP time step only if it is later than the last one used: a code works once. */
export async function claimTotpStep(db: LanternDb, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`coalesce(${users.totpLastStep}, -1) < ${step}`))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function revokeRole(db: LanternDb, userId: string, grantId: string, at: Date) {
  const [row] = await db
    .update(userRoles)
    .set({ revokedAt: at })
    .where(and(eq(userRoles.id, grantId), eq(userRoles.userId, userId), isNull(userRoles.revokedAt)))
    .returning();
  return row ?? null;
}

export async function replaceRecoveryCodes(db: LanternDb, userId: string, codeHashes: string[], at: Date) {
  await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  if (codeHashes.length > 0) {
    await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
  }
}

/** Uses up one recovery code; true only the first time a given code is used. */
export async function spendRecoveryCode(db: LanternDb, userId: string, codeHash: string, at: Date) {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

/** The named demo account for each role, with its TOTP secret, for printing at start-up. */
export function demoAccounts(db: LanternDb) {
  return db
    .select({ email: users.email, totpSecret: users.totpSecret, role: userRoles.role })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(sql`${users.email} = ${userRoles.role} || '@demo.lantern.example'`)
    .orderBy(asc(userRoles.role));
}

/** Gives a user a role, across their organisation or within one team or school. */
export async function addRoleGrant(
  db: LanternDb,
  grant: { userId: string; role: string; teamId?: string | null; schoolUrn?: number | null; at: Date },
) {
  const [row] = await db
    .insert(userRoles)
    .values({
      userId: grant.userId,
      role: grant.role,
      teamId: grant.teamId ?? null,
      schoolUrn: grant.schoolUrn ?? null,
      grantedAt: grant.at,
    })
    .onConflictDoNothing()
    .returning();
  // Null when the person already holds this role there (the one-active-grant index).
  return row ?? null;
}

/** How many people hold a current role in each team. */
export async function teamMemberCounts(db: LanternDb): Promise<Map<string, number>> {
  const rows = await db
    .select({ teamId: userRoles.teamId, count: sql<number>`count(distinct ${userRoles.userId})::int` })
    .from(userRoles)
    .where(and(isNull(userRoles.revokedAt), sql`${userRoles.teamId} is not null`))
    .groupBy(userRoles.teamId);
  return new Map(rows.map((row) => [row.teamId ?? '', Number(row.count)]));
}

/** A new staff account; null when the email is already taken (whatever its case). */
export async function createUser(
  db: LanternDb,
  user: Pick<typeof users.$inferInsert, 'email' | 'displayName' | 'organisationId' | 'passwordHash'> & {
    at: Date;
  },
) {
  const [row] = await db
    .insert(users)
    .values({ ...user, mustChangePassword: true, createdAt: user.at })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}
