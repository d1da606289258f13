import type { Actor, ServiceContext } from '../../access/authorise.js';
import type { Permission } from '../../access/permissions.js';
import type { StaffRole } from '../../access/roles.js';
import type { LanternDb } from '../../db/client.js';
import * as schoolWork from '../../db/repositories/schools.repository.js';
import { AppError } from '../../domain/app-error.js';

/** The roles that work in a Mental Health Support Team's schools, through their team grant. */
const mhstRoles: readonly StaffRole[] = [
  'mhst-team-manager',
  'mhst-clinical-lead',
  'supervisor',
  'emhp',
  'senior-practitioner',
];

export type SchoolInReach = Awaited<ReturnType<typeof schoolWork.schoolsReached>>[number];

/**
 * The schools a person reaches, and the only place that rule lives: a senior mental health lead
 * their own school; an MHST member their team's schools (team_schools); a service manager the
 * schools of every team of their service. Nobody else reaches a school. Given `onlyUrn`, the answer
 * is that school or nothing.
 */
export function schoolsInReach(db: LanternDb, actor: Actor, onlyUrn?: number): Promise<SchoolInReach[]> {
  if (actor.kind !== 'staff' || !actor.isSignedIn) return Promise.resolve([]);
  const urns: number[] = [];
  const teamIds: string[] = [];
  const serviceIds: string[] = [];
  for (const grant of actor.grants) {
    if (grant.role === 'senior-mental-health-lead' && grant.schoolUrn !== null) urns.push(grant.schoolUrn);
    if (mhstRoles.includes(grant.role) && grant.teamId) teamIds.push(grant.teamId);
    if (grant.role === 'service-manager' && grant.serviceId) serviceIds.push(grant.serviceId);
  }
  return schoolWork.schoolsReached(db, { urns, teamIds, serviceIds }, onlyUrn);
}

/** A URN from the address: anything that is not a plain number names no school. */
export function urnFrom(param: string): number | null {
  if (!/^\d{1,9}$/.test(param)) return null;
  return Number(param);
}

/**
 * The school at this address if the person reaches it. Otherwise 404, never 403, so nobody learns
 * which schools a team works with; the refusal is written to the access log.
 */
export async function schoolInReach(
  ctx: ServiceContext,
  db: LanternDb,
  urnParam: string,
  action: Permission,
): Promise<SchoolInReach> {
  const urn = urnFrom(urnParam);
  const [school] = urn === null ? [] : await schoolsInReach(db, ctx.actor, urn);
  if (!school) {
    await ctx.recordAccess({
      subjectKind: 'school',
      subjectId: urnParam.slice(0, 40),
      action,
      outcome: 'denied',
      basis: 'out-of-reach',
    });
    throw new AppError('not-found', 'There is no school at this address that you work with.');
  }
  return school;
}
