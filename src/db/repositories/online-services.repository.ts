import { and, asc, eq } from 'drizzle-orm';
import type { LanternDb } from '../client.js';
import { onlineServices } from '../schema/online.js';

// The only code that queries online support services: who each is for, when it is open, and how
// its duty of care runs. A service holds no child's data, so it has no row-level security.

export type OnlineServiceRow = typeof onlineServices.$inferSelect;

/** The service young people sign up to: the area's first (Lantern runs one per installation today). */
export async function findSignUpService(db: LanternDb): Promise<OnlineServiceRow | null> {
  const [row] = await db.select().from(onlineServices).orderBy(asc(onlineServices.createdAt)).limit(1);
  return row ?? null;
}

export async function findService(db: LanternDb, id: string): Promise<OnlineServiceRow | null> {
  const [row] = await db.select().from(onlineServices).where(eq(onlineServices.id, id));
  return row ?? null;
}

/** The service run by a member of staff's organisation. */
export async function findServiceOfOrganisation(
  db: LanternDb,
  organisationId: string,
): Promise<OnlineServiceRow | null> {
  const [row] = await db
    .select()
    .from(onlineServices)
    .where(eq(onlineServices.organisationId, organisationId))
    .orderBy(asc(onlineServices.createdAt))
    .limit(1);
  return row ?? null;
}

export type ServiceSettings = Pick<
  OnlineServiceRow,
  'openingHours' | 'minAge' | 'maxAge' | 'chatLimit' | 'alertAcknowledgeMinutes' | 'furtherEscalationEmail'
>;

/** Saves new settings only if nobody has changed them since `version`; null when they had. */
export async function updateServiceIfVersion(
  db: LanternDb,
  id: string,
  version: number,
  settings: ServiceSettings,
): Promise<OnlineServiceRow | null> {
  const [row] = await db
    .update(onlineServices)
    .set({ ...settings, version: version + 1 })
    .where(and(eq(onlineServices.id, id), eq(onlineServices.version, version)))
    .returning();
  return row ?? null;
}
