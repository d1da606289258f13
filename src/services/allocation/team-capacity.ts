import type { z } from 'zod';
import { authorise, type ServiceContext } from '../../access/authorise.js';
import { isStaffRole, roleLabels } from '../../access/roles.js';
import { recordScope } from '../../access/scope.js';
import type { PractitionerCapacityInput, TeamCapacity } from '../../contracts/mhst.js';
import type { LanternDb } from '../../db/client.js';
import * as mhst from '../../db/repositories/mhst.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { recordChange } from '../audit/record-change.js';
import { teamInReach } from './team-reach.js';

/** A team's practitioners with caseload against capacity and school days, and each school's link. */
export async function getTeamCapacity(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  teamId: string,
): Promise<TeamCapacity> {
  await authorise(ctx, 'waiting-list:read');
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    const team = await teamInReach(ctx, tx, 'waiting-list:read', teamId);
    const members = await mhst.membersOfTeam(tx, teamId);
    const practitioners = await mhst.practitionersOfTeam(tx, teamId);
    const schools = await mhst.schoolsOfTeam(tx, teamId);
    const links = await mhst.linkPractitioners(tx, teamId);
    const linkOf = new Map(links.map((l) => [l.schoolUrn, l]));
    return {
      team: {
        id: team.id,
        name: team.name,
        baseSchoolName: schools.find((s) => s.urn === team.baseSchoolUrn)?.name ?? null,
      },
      members: members.map((m) => ({
        ...m,
        roleLabel: isStaffRole(m.role) ? roleLabels[m.role] : m.role,
      })),
      practitioners: practitioners.map((p) => ({
        userId: p.userId,
        displayName: p.displayName,
        role: p.role,
        caseload: p.caseload,
        capacity: p.capacity,
        gender: p.gender ?? null,
        languages: p.languages,
        version: p.version,
        schoolDays: p.daysInSchools,
      })),
      schools: schools.map((s) => ({
        urn: s.urn,
        name: s.name,
        linkPractitionerId: linkOf.get(s.urn)?.userId ?? null,
        linkPractitionerName: linkOf.get(s.urn)?.displayName ?? null,
      })),
    };
  });
}

async function practitionerOfTeam(tx: LanternDb, teamId: string, userId: string) {
  const found = (await mhst.practitionersOfTeam(tx, teamId)).find((p) => p.userId === userId);
  if (!found) throw new AppError('not-found', 'There is no such practitioner in this team.');
  return found;
}

/** Sets a practitioner's capacity, gender, languages and school days (If-Match: the profile's version, 0 for none yet). */
export async function savePractitionerCapacity(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  teamId: string,
  userId: string,
  expectedVersion: number,
  input: z.infer<typeof PractitionerCapacityInput>,
): Promise<{ id: string; version: number }> {
  await authorise(ctx, 'team:manage-capacity');
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    await teamInReach(ctx, tx, 'team:manage-capacity', teamId);
    const current = await practitionerOfTeam(tx, teamId, userId);
    if (current.version !== expectedVersion) {
      throw new AppError(
        'precondition-failed',
        'Someone else changed this practitioner’s details. Reload to see the latest.',
      );
    }
    const served = new Set((await mhst.schoolsOfTeam(tx, teamId)).map((s) => s.urn));
    const outside = input.schoolDays.findIndex((d) => !served.has(d.schoolUrn));
    if (outside >= 0) {
      throw new AppError('bad-request', 'Choose schools this team serves.', [
        { name: `schoolDays.${outside}.schoolUrn`, reason: 'is not a school this team serves' },
      ]);
    }
    const days = [...new Map(input.schoolDays.map((d) => [`${d.schoolUrn}:${d.weekday}`, d])).values()];
    const version = await mhst.saveProfile(
      tx,
      {
        userId,
        teamId,
        caseloadCapacity: input.caseloadCapacity,
        gender: input.gender || null,
        languages: input.languages,
      },
      days,
      ctx.now(),
    );
    await recordChange(tx, ctx, {
      entity: 'practitioner-profile',
      entityId: userId,
      action: 'capacity:saved',
      before: { capacity: current.capacity, days: current.daysInSchools.length },
      after: { capacity: input.caseloadCapacity, days: days.length, version },
    });
    return { id: userId, version };
  });
}

export async function setLinkPractitioner(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  teamId: string,
  schoolUrn: number,
  userId: string,
): Promise<{ schoolUrn: number; userId: string }> {
  await authorise(ctx, 'team:manage-capacity');
  return withScope(deps.db, recordScope(ctx.actor), async (tx) => {
    await teamInReach(ctx, tx, 'team:manage-capacity', teamId);
    if (!(await mhst.schoolsOfTeam(tx, teamId)).some((s) => s.urn === schoolUrn)) {
      throw new AppError('not-found', 'This team does not serve that school.');
    }
    await practitionerOfTeam(tx, teamId, userId).catch(() => {
      throw new AppError('bad-request', 'Choose a practitioner from this team.', [
        { name: 'userId', reason: 'is not a practitioner in this team' },
      ]);
    });
    await mhst.setLinkPractitioner(tx, teamId, schoolUrn, userId, ctx.now());
    await recordChange(tx, ctx, {
      entity: 'school',
      entityId: String(schoolUrn),
      action: 'link-practitioner:set',
      after: { teamId, userId },
    });
    return { schoolUrn, userId };
  });
}
