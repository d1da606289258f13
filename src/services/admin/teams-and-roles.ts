import { authorise, type ServiceContext } from '../../access/authorise.js';
import type { GrantRoleInput, TeamList } from '../../contracts/admin.js';
import type { LanternDb } from '../../db/client.js';
import * as identity from '../../db/repositories/identity.repository.js';
import * as organisations from '../../db/repositories/organisations.repository.js';
import { AppError } from '../../domain/app-error.js';
import { recordChange } from '../audit/record-change.js';

/** Teams, the service each belongs to, and how many schools and people each has. */
export async function listTeams(ctx: ServiceContext, deps: { db: LanternDb }): Promise<TeamList['teams']> {
  await authorise(ctx, 'team:read');
  const [teams, members] = await Promise.all([
    organisations.listTeams(deps.db),
    identity.teamMemberCounts(deps.db),
  ]);
  return teams.map((team) => ({ ...team, memberCount: members.get(team.id) ?? 0 }));
}

/** Gives someone a role, optionally within a team or for a school; takes effect on their next request. */
export async function grantRole(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  userId: string,
  input: GrantRoleInput,
) {
  await authorise(ctx, 'user:manage');
  const user = await identity.findUser(deps.db, userId);
  if (!user) throw new AppError('not-found', 'There is no such user.');
  if (input.teamId && !(await organisations.findTeam(deps.db, input.teamId))) {
    throw new AppError('bad-request', 'There is no such team.', [
      { name: 'teamId', reason: 'is not a team' },
    ]);
  }
  if (input.schoolUrn && !(await organisations.findSchool(deps.db, input.schoolUrn))) {
    throw new AppError('bad-request', 'There is no such school.', [
      { name: 'schoolUrn', reason: 'is not a school in this area' },
    ]);
  }
  // Granting a role the person already holds (a retried form) changes nothing.
  const held = (await identity.activeRoles(deps.db, userId)).find(
    (g) => g.role === input.role && g.teamId === input.teamId && g.schoolUrn === input.schoolUrn,
  );
  if (held) return { grantId: held.id, role: held.role };
  return deps.db.transaction(async (tx) => {
    const grant = await identity.addRoleGrant(tx, { userId, ...input, at: ctx.now() });
    if (!grant) {
      const held = (await identity.activeRoles(tx, userId)).find(
        (g) => g.role === input.role && g.teamId === input.teamId && g.schoolUrn === input.schoolUrn,
      );
      if (!held) throw new AppError('conflict', 'That role changed while you were granting it. Try again.');
      return { grantId: held.id, role: held.role };
    }
    await recordChange(tx, ctx, {
      entity: 'user',
      entityId: userId,
      action: 'role-granted',
      after: { role: grant.role, teamId: grant.teamId, schoolUrn: grant.schoolUrn },
    });
    return { grantId: grant.id, role: grant.role };
  });
}
